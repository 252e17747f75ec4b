import Foundation

/// What a build or check is asked to do.
public struct BuildOptions: Sendable {
    public var contentDirectory: String = "Content"
    public var outputDirectory: String = "Output"
    /// Folder holding themes; nil means `Themes/` beside the content folder, else `./Themes`.
    public var themesDirectory: String?
    /// Overrides `theme` in site.yml.
    public var theme: String?
    public var includeDrafts = false
    public var audience: Audience = .internal
    public var today: Day
    public var force = false
    /// When set, the built brief is encrypted with this passphrase (client audience only).
    public var passphrase: String?

    public init(today: Day) {
        self.today = today
    }
}

/// What a run found and did.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var pageCount: Int
    public var fileCount: Int
    public var wrote: Bool
    /// Seconds per stage, in pipeline order.
    public var timings: [(stage: String, seconds: Double)]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// load → parse → model → render → write. Each stage is a value that takes the previous stage's
/// output; nothing is shared between them but their results.
public struct Pipeline: Sendable {
    public var fileSystem: FileSystem

    public init(fileSystem: FileSystem = .local) {
        self.fileSystem = fileSystem
    }

    /// Builds the site; with `write: false` (what `dossier check` does) it stops before writing.
    /// Throws `UsageError` for mistakes in how it was called; content problems are diagnostics.
    public func run(_ options: BuildOptions, write: Bool) throws -> BuildReport {
        var timings: [(String, Double)] = []
        var clock = DispatchTime.now().uptimeNanoseconds
        func lap(_ stage: String) {
            let now = DispatchTime.now().uptimeNanoseconds
            timings.append((stage, Double(now - clock) / 1e9))
            clock = now
        }
        if write { try checkOutputPlacement(options) }
        if options.passphrase != nil && options.audience.clientID == nil {
            throw UsageError("--encrypt is for client briefs: use it with --audience client --client ID")
        }
        if let passphrase = options.passphrase, passphrase.isEmpty {
            throw UsageError("--encrypt needs a passphrase in the environment variable DOSSIER_PASSPHRASE")
        }

        let loaded = try ContentLoader(fileSystem: fileSystem).load(root: options.contentDirectory)
        lap("load")
        let parsed = ContentParser(includeInternal: options.audience.includesInternal).parse(loaded.files)
        lap("parse")
        if let id = options.audience.clientID, !parsed.clients.contains(where: { $0.id == id }) {
            throw UsageError("there is no client '\(id)'\(Suggestion.hint(for: id, in: parsed.clients.map(\.id)))")
        }
        let (site, modelDiagnostics) = SiteBuilder(audience: options.audience, includeDrafts: options.includeDrafts,
                                                   today: options.today).build(parsed)
        lap("model")
        var diagnostics = loaded.diagnostics + parsed.diagnostics + modelDiagnostics

        let themeName = options.theme ?? site?.settings.theme ?? "default"
        let themesDirectory = options.themesDirectory ?? defaultThemesDirectory(content: options.contentDirectory)
        let (theme, themeDiagnostics) = Theme.load(name: themeName, themesDirectory: themesDirectory, fileSystem: fileSystem)
        diagnostics += themeDiagnostics
        if let theme, let site, theme.strings[site.settings.language.rawValue] == nil {
            diagnostics.append(.error(joinPath(themesDirectory, themeName, "i18n", site.settings.language.rawValue + ".yml"), .start,
                                      "the theme has no language file for '\(site.settings.language.rawValue)' (site.yml's language)"))
        }
        var files: [OutputFile] = []
        if let site, let theme, !diagnostics.contains(where: { $0.severity == .error }) {
            files = SiteRenderer(site: site, theme: theme, includeSearch: options.passphrase == nil).render()
        }
        lap("render")
        let failed = diagnostics.contains { $0.severity == .error }
        if let passphrase = options.passphrase, !failed, let site {
            var encryptor = try BriefEncryptor(passphrase: passphrase, language: site.settings.language)
            encryptor.strings = theme?.strings[site.settings.language.rawValue] ?? [:]
            files = try encryptor.protect(files)
            lap("encrypt")
        }
        var wrote = false
        if write && !failed {
            try OutputWriter(fileSystem: fileSystem).write(files, to: options.outputDirectory, force: options.force)
            wrote = true
        }
        lap("write")
        return BuildReport(diagnostics: Array(Set(diagnostics)).sorted(),
                           pageCount: files.filter { $0.path.hasSuffix(".html") }.count,
                           fileCount: files.count, wrote: wrote, timings: timings)
    }

    /// The themes folder a build of `content` uses when `--themes` is not given.
    public func themesDirectory(content: String) -> String { defaultThemesDirectory(content: content) }

    func defaultThemesDirectory(content: String) -> String {
        let trimmed = content.hasSuffix("/") ? String(content.dropLast()) : content
        let parent = trimmed.contains("/") ? String(trimmed[..<(trimmed.lastIndex(of: "/") ?? trimmed.endIndex)]) : "."
        let beside = joinPath(parent.isEmpty ? "/" : parent, "Themes")
        if fileSystem.kind(joinPath(beside, "default")) == .directory { return beside }
        return Pipeline.bundledThemesDirectory(fileSystem: fileSystem) ?? "Themes"
    }

    /// Where the default theme is when no site has its own: `./Themes`, then beside the program
    /// (a checkout's `.build/<config>/dossier` or an install's `bin/../share/dossier`).
    public static func bundledThemesDirectory(fileSystem: FileSystem = .local) -> String? {
        var candidates = ["Themes"]
        if let executable = fileSystem.canonical(CommandLine.arguments.first ?? "") ?? fileSystem.canonical("/proc/self/exe") {
            var folder = (executable as NSString).deletingLastPathComponent
            candidates.append(joinPath(folder, "../share/dossier/Themes"))
            for _ in 0..<4 {
                folder = (folder as NSString).deletingLastPathComponent
                candidates.append(joinPath(folder, "Themes"))
            }
        }
        return candidates.first { fileSystem.kind(joinPath($0, "default", "templates")) == .directory }
    }

    /// The output folder may not be the content folder, inside it, or a folder that contains it.
    func checkOutputPlacement(_ options: BuildOptions) throws {
        guard let content = fileSystem.canonical(options.contentDirectory) else { return }
        let trimmed = options.outputDirectory.hasSuffix("/") && options.outputDirectory.count > 1
            ? String(options.outputDirectory.dropLast()) : options.outputDirectory
        let output: String
        if let existing = fileSystem.canonical(trimmed) {
            output = existing
        } else {
            let parent = trimmed.contains("/") ? String(trimmed[..<(trimmed.lastIndex(of: "/") ?? trimmed.endIndex)]) : "."
            let name = trimmed.split(separator: "/").last.map(String.init) ?? trimmed
            guard let canonicalParent = fileSystem.canonical(parent.isEmpty ? "/" : parent) else {
                throw UsageError("the folder that would hold the output, '\(parent)', does not exist")
            }
            output = joinPath(canonicalParent, name)
        }
        if output == content || output.hasPrefix(content + "/") || content.hasPrefix(output + "/") || output == "/" {
            throw UsageError("output folder '\(options.outputDirectory)' overlaps the content folder '\(options.contentDirectory)'; choose a folder outside it")
        }
    }
}

/// "Today" for a build: `--today`, then `SOURCE_DATE_EPOCH`, then the clock in China Standard Time.
public enum Today {
    public static func resolve(argument: String?, environment: [String: String], now: Date) throws -> Day {
        if let argument {
            guard let day = Day(argument) else { throw UsageError("--today must be a date written YYYY-MM-DD, found '\(argument)'") }
            return day
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty {
            guard let seconds = Int(epoch) else { throw UsageError("SOURCE_DATE_EPOCH must be a whole number of seconds, found '\(epoch)'") }
            return Day.inChina(secondsSinceEpoch: seconds)
        }
        return Day.inChina(secondsSinceEpoch: Int(now.timeIntervalSince1970.rounded(.down)))
    }
}
