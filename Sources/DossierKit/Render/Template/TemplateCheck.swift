/// Checks a theme's templates against the views they are rendered with, so that a name a view
/// does not have (`{{titel}}`) is an error with a position when the theme loads, not a blank on
/// a page. Each root template is walked with a stack of frames that mirrors `TemplateLibrary`'s
/// lookup: a name climbs outward unless written `.a`, `a.b` descends from where `a` was found,
/// a section over a list pushes its item, over a view the view, over a text or number a value
/// without fields, over a flag nothing. A partial is checked where it is included, every time.
struct TemplateCheck {
    let library: TemplateLibrary
    /// The file each template was read from, named in errors (a user theme's or the default's).
    let paths: [String: String]
    /// The theme's interface strings by language: every `ui.key` must be in each.
    let strings: [String: [String: String]]

    init(library: TemplateLibrary, paths: [String: String], strings: [String: [String: String]]) {
        self.library = library
        self.paths = paths
        self.strings = strings
        var keys: Set<String> = []
        for table in strings.values { keys.formUnion(table.keys) }
        self.stringKeys = keys
    }

    /// Every key of any language file (a `ui` table holds these, whatever the site's language).
    private let stringKeys: Set<String>

    /// Errors for every root the library has, each once, sorted.
    func check(roots: [String: ViewShape]) -> [Diagnostic] {
        var problems: Set<Diagnostic> = []
        var walk = Walk()
        for (name, shape) in roots.sorted(by: { $0.key < $1.key }) {
            guard let nodes = library.templates[name] else { continue }
            walk.template = name
            walk.stack = [walk.frame(shape)]
            walk.including = [name]
            check(nodes, &walk, &problems)
        }
        return problems.sorted()
    }

    // MARK: - Walking

    /// What a name can be found in, innermost last.
    private enum Frame {
        /// A view: what errors call it and its fields.
        case view(name: String, fields: [String: FieldShape])
        /// The interface strings (`{{#ui}}...{{/ui}}`).
        case strings
        /// A value without fields (a text, a number, an empty list); what it is, for errors.
        case plain(String)
        /// Inside a section whose name was already reported: anything may be found here, so that
        /// one typo is one error.
        case unknown
    }

    private struct Walk {
        /// The template whose nodes are walked (a partial's own name inside it).
        var template = ""
        var stack: [Frame] = []
        /// The partials being expanded, outermost first: one that includes itself is not followed.
        var including: [String] = []
        /// Each view's fields, made once per check rather than at every section over it (by name
        /// and type: a type's name alone may be a nested type's short name).
        private var known: [String: [String: FieldShape]] = [:]

        mutating func fields(_ shape: ViewShape) -> [String: FieldShape] {
            let key = shape.name + "\u{0}" + shape.type
            if let fields = known[key] { return fields }
            let fields = shape.fields
            known[key] = fields
            return fields
        }

        mutating func frame(_ shape: ViewShape) -> Frame { .view(name: shape.name, fields: fields(shape)) }
    }

    /// What a name leads to.
    private enum Found {
        case field(FieldShape)
        /// An interface string (a text).
        case string(key: String)
        /// Something under an already reported name.
        case unknown
    }

    private func check(_ nodes: [TemplateNode], _ walk: inout Walk, _ problems: inout Set<Diagnostic>) {
        for node in nodes {
            switch node {
            case .text:
                continue
            case .variable(let name, _, let at):
                guard !name.isCurrent else { continue }
                switch resolve(name, &walk, at, &problems) {
                case .field(let shape)?:
                    if let problem = Self.writesNothing(name, shape) { report(problem, at, walk, &problems) }
                case .string?, .unknown?, nil:
                    continue
                }
            case .section(let name, let children, let inverted, let at):
                if name.isCurrent {
                    check(children, &walk, &problems)
                    continue
                }
                let frame: Frame?
                switch resolve(name, &walk, at, &problems) {
                case nil, .unknown?: frame = .unknown
                case .string?: frame = inverted ? nil : .plain("an interface string")
                case .field(let shape)?: frame = inverted ? Self.invertedFrame(shape) : Self.frame(shape, &walk)
                }
                if let frame { walk.stack.append(frame) }
                check(children, &walk, &problems)
                if frame != nil { walk.stack.removeLast() }
            case .partial(let partial, _, let at):
                guard let nodes = library.templates[partial] else {
                    let hint = Suggestion.hint(for: partial, in: library.templates.keys, transpositions: true)
                    report("partial '\(partial)' does not exist: the theme has no template '\(partial).mustache'\(hint)", at, walk, &problems)
                    continue
                }
                guard !walk.including.contains(partial) else { continue }
                let outer = walk.template
                walk.template = partial
                walk.including.append(partial)
                check(nodes, &walk, &problems)
                walk.including.removeLast()
                walk.template = outer
            }
        }
    }

    /// What a section over a value of `shape` puts on the stack (nil: nothing).
    private static func frame(_ shape: FieldShape, _ walk: inout Walk) -> Frame? {
        switch shape {
        case .view(let view), .views(let view): walk.frame(view)
        case .text: .plain("a text")
        case .number: .plain("a number")
        case .texts: .plain("a text in a list")
        case .flag: nil
        case .strings: .strings
        }
    }

    /// An inverted section is shown when its value is absent; over an empty list, that list is
    /// on the stack inside it (as `TemplateLibrary` renders it).
    private static func invertedFrame(_ shape: FieldShape) -> Frame? {
        switch shape {
        case .views, .texts: .plain("an empty list")
        default: nil
        }
    }

    private func report(_ message: String, _ at: SourcePosition, _ walk: Walk, _ problems: inout Set<Diagnostic>) {
        let path = paths[walk.template] ?? walk.template + ".mustache"
        problems.insert(.error(path, at, message))
    }

    // MARK: - Looking names up

    /// What `name` leads to where `walk` stands, or nil after reporting why it leads nowhere.
    private func resolve(_ name: TemplateName, _ walk: inout Walk, _ at: SourcePosition, _ problems: inout Set<Diagnostic>) -> Found? {
        guard let first = name.components.first else { return nil }
        let written = (name.climbs ? "" : ".") + name.components.joined(separator: ".")
        let searched: ArraySlice<Frame> = name.climbs ? walk.stack[...] : walk.stack.suffix(1)
        var found: Found?
        for frame in searched.reversed() {
            found = member(first, of: frame)
            if found != nil { break }
        }
        guard var found else {
            report(notFound(written, first, in: searched), at, walk, &problems)
            return nil
        }
        var path = first
        for component in name.components.dropFirst() {
            switch found {
            case .unknown:
                return .unknown
            case .field(.view(let view)):
                let fields = walk.fields(view)
                guard let shape = fields[component] else {
                    let hint = Suggestion.hint(for: component, in: fields.keys, transpositions: true)
                    report("'\(written)': '\(component)' is not in the \(view.name)'s view\(hint)", at, walk, &problems)
                    return nil
                }
                found = .field(shape)
            case .field(.strings):
                guard stringKeys.contains(component) else {
                    let table = (name.climbs ? "" : ".") + path
                    let hint = Suggestion.closest(to: component, in: stringKeys, transpositions: true)
                        .map { " (did you mean '\(table).\($0)'?)" } ?? ""
                    report("'\(table).\(component)' is not in the theme's \(languageFiles(strings.keys))\(hint)", at, walk, &problems)
                    return nil
                }
                found = .string(key: component)
            case .field(let shape):
                report("'\(written)': '\(path)' is \(Self.describe(shape)), which has no fields"
                    + Self.sectionAdvice(path, shape), at, walk, &problems)
                return nil
            case .string:
                report("'\(written)': '\(path)' is an interface string, which has no fields", at, walk, &problems)
                return nil
            }
            path += "." + component
        }
        if case .string(let key) = found {
            let missing = strings.keys.filter { strings[$0]?[key] == nil }
            if !missing.isEmpty {
                report("'\(written)' is not in the theme's \(languageFiles(missing))", at, walk, &problems)
            }
        }
        return found
    }

    /// What `frame` holds under `name`, as `TemplateValue.member` would find it.
    private func member(_ name: String, of frame: Frame) -> Found? {
        switch frame {
        case .view(_, let fields): fields[name].map(Found.field)
        case .strings: stringKeys.contains(name) ? .string(key: name) : nil
        case .plain: nil
        case .unknown: .unknown
        }
    }

    /// Why `first` (of the name `written`) was found in none of the frames searched.
    private func notFound(_ written: String, _ first: String, in frames: ArraySlice<Frame>) -> String {
        var views: [String] = []
        var candidates: Set<String> = []
        var plain: String?
        for frame in frames.reversed() {
            switch frame {
            case .view(let name, let fields):
                views.append("the \(name)'s view")
                candidates.formUnion(fields.keys)
            case .strings:
                views.append("the interface strings")
                candidates.formUnion(stringKeys)
            case .plain(let what):
                plain = plain ?? what
            case .unknown:
                continue
            }
        }
        let subject = written.dropFirst().contains(".") ? "'\(written)': '\(first)'" : "'\(written)'"
        let hint = Suggestion.hint(for: first, in: candidates, transpositions: true)
        if views.isEmpty {
            return "\(subject) is not found here: the current value is \(plain ?? "not a view"), which has no fields"
        }
        let list = views.count == 1 ? views[0] : views.dropLast().joined(separator: ", ") + " nor " + (views.last ?? "")
        return "\(subject) is not in \(list)\(hint)"
    }

    /// `language file i18n/en.yml` or `language files i18n/en.yml, i18n/zh-CN.yml`.
    private func languageFiles(_ languages: some Collection<String>) -> String {
        let files = languages.sorted().map { "i18n/\($0).yml" }
        if files.isEmpty { return "language files (it has none)" }
        return (files.count == 1 ? "language file " : "language files ") + files.joined(separator: ", ")
    }

    // MARK: - Wording

    /// Why writing `name` (a variable tag) writes nothing, or nil when it writes its value.
    private static func writesNothing(_ name: TemplateName, _ shape: FieldShape) -> String? {
        let written = (name.climbs ? "" : ".") + name.components.joined(separator: ".")
        switch shape {
        case .text, .flag, .number:
            return nil
        case .view(let view):
            return "'\(written)' is the \(view.name)'s view and writes nothing; write one of its fields ({{\(written).field}})"
                + " or open a section ({{#\(written)}}...{{/\(written)}})"
        case .views, .texts:
            return "'\(written)' is \(describe(shape)) and writes nothing" + sectionAdvice(written, shape)
        case .strings:
            return "'\(written)' is the table of interface strings and writes nothing; write one of its keys ({{\(written).key}})"
        }
    }

    /// What a value of `shape` is, in a sentence (`a text`, `a list of texts` ...).
    private static func describe(_ shape: FieldShape) -> String {
        switch shape {
        case .text: "a text"
        case .flag: "a yes/no flag"
        case .number: "a number"
        case .texts: "a list of texts"
        case .view(let view): "the \(view.name)'s view"
        case .views(let view): "a list of views (\(view.name))"
        case .strings: "the table of interface strings"
        }
    }

    /// For a list: how to reach its items.
    private static func sectionAdvice(_ written: String, _ shape: FieldShape) -> String {
        switch shape {
        case .views: "; use a section ({{#\(written)}}...{{/\(written)}}) to reach each item's fields"
        case .texts: "; use a section ({{#\(written)}}{{.}}{{/\(written)}}) to write each item"
        default: ""
        }
    }
}
