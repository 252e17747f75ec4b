import Foundation

/// A theme: Mustache templates and static files. A theme other than `default` may hold only the
/// files it changes; every other file comes from `Themes/default/`.
public struct Theme: Sendable {
    public var name: String
    public var library: TemplateLibrary
    /// Static files (CSS, images) by path relative to the theme's `assets/` folder.
    public var assets: [(path: String, data: Data)]
    /// Interface strings by language file name (`zh-CN`, `en`), from `i18n/<language>.yml`; a
    /// theme's file overrides the default theme's key by key.
    public var strings: [String: [String: String]] = [:]
    /// Digest of every template's text and every interface string: a page rendered with a theme
    /// of the same fingerprint from the same view is the same page.
    public var fingerprint = ""

    /// Every template a theme is rendered with.
    public static let templateNames = ["layout", "home"]
        + PageKind.allCases.flatMap { [$0.pageTemplate, $0.listTemplate] }
        + ["tag", "tags", "region", "regions", "404", "search", "article-list", "filing-list", "backlinks"]

    /// Loads `themesDirectory/<name>`, falling back to `themesDirectory/default` file by file.
    public static func load(name: String, themesDirectory: String, fileSystem: FileSystem) -> (theme: Theme?, diagnostics: [Diagnostic]) {
        let folders = name == "default" ? ["default"] : [name, "default"]
        for folder in folders where fileSystem.kind(joinPath(themesDirectory, folder)) != .directory {
            let path = joinPath(themesDirectory, folder)
            return (nil, [Diagnostic.error(path, .start, "theme folder '\(path)' does not exist (use --themes to say where themes are)")])
        }
        var library = TemplateLibrary()
        var diagnostics: [Diagnostic] = []
        var fingerprint = StableHasher()
        var names = Set(templateNames)
        var paths: [String: String] = [:]
        for folder in folders {
            let directory = joinPath(themesDirectory, folder, "templates")
            for file in (try? fileSystem.listDirectory(directory)) ?? [] where file.hasSuffix(".mustache") {
                names.insert(String(file.dropLast(".mustache".count)))
            }
        }
        for template in names.sorted() {
            guard let path = folders.map({ joinPath(themesDirectory, $0, "templates", template + ".mustache") })
                .first(where: { fileSystem.kind($0) == .file }) else {
                diagnostics.append(.error(joinPath(themesDirectory, "default", "templates", template + ".mustache"), .start,
                                          "template '\(template)' is missing"))
                continue
            }
            guard let data = try? fileSystem.read(path), let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(.error(path, .start, "template cannot be read as UTF-8 text"))
                continue
            }
            paths[template] = path
            fingerprint.add(template)
            fingerprint.add(text)
            do {
                try library.register(text, named: template)
            } catch {
                diagnostics.append(.error(path, SourcePosition(line: error.line, column: error.column),
                                          "template syntax error: \(error.message)"))
            }
        }
        var assets: [String: Data] = [:]
        for folder in folders.reversed() {
            let root = joinPath(themesDirectory, folder, "assets")
            var pending = [""]
            while let relative = pending.popLast() {
                let directory = relative.isEmpty ? root : joinPath(root, relative)
                for entry in (try? fileSystem.listDirectory(directory)) ?? [] where !entry.hasPrefix(".") {
                    let child = relative.isEmpty ? entry : relative + "/" + entry
                    switch fileSystem.kind(joinPath(root, child)) {
                    case .directory: pending.append(child)
                    case .file: assets[child] = try? fileSystem.read(joinPath(root, child))
                    default: continue
                    }
                }
            }
        }
        var strings: [String: [String: String]] = [:]
        for folder in folders.reversed() {
            let directory = joinPath(themesDirectory, folder, "i18n")
            for file in ((try? fileSystem.listDirectory(directory)) ?? []).sorted() where file.hasSuffix(".yml") {
                let path = joinPath(directory, file)
                let language = String(file.dropLast(".yml".count))
                guard let data = try? fileSystem.read(path), let text = String(data: data, encoding: .utf8) else {
                    diagnostics.append(.error(path, .start, "language file cannot be read as UTF-8 text"))
                    continue
                }
                switch LanguageFile.parse(text) {
                case .success(let table): strings[language, default: [:]].merge(table) { $1 }
                case .failure(let problem): diagnostics.append(.error(path, problem.position, problem.message))
                }
            }
        }
        // Names the views do not have, once every template parses and every string is read
        // (otherwise a template that failed to parse would look like a missing partial).
        // `ui.key` must be in every language a site can be built in; another file under i18n/ (a
        // glossary, a language Dossier has no interface for) is not asked for it.
        if diagnostics.isEmpty {
            let interface = strings.filter { InterfaceLanguage(rawValue: $0.key) != nil }
            diagnostics = TemplateCheck(library: library, paths: paths, strings: interface).check(roots: ThemeViews.roots)
        }
        if !diagnostics.isEmpty { return (nil, diagnostics) }
        library.resolve(roots: ThemeViews.roots)
        var theme = Theme(name: name, library: library,
                          assets: assets.keys.sorted().compactMap { key in assets[key].map { (key, $0) } })
        theme.strings = strings
        for language in strings.keys.sorted() {
            fingerprint.add(language)
            for (key, value) in (strings[language] ?? [:]).sorted(by: { $0.key < $1.key }) {
                fingerprint.add(key)
                fingerprint.add(value)
            }
        }
        theme.fingerprint = fingerprint.finalize()
        return (theme, [])
    }

    /// Renders `template` with `value` as the outermost value (a page's view).
    public func render(_ template: String, _ value: TemplateValue) -> String {
        library.render(template, value)
    }
}
