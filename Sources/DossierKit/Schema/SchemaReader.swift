import Yams

/// Reads a mapping by a declaration: every declared key through `YAMLFields` (so each problem is
/// reported at its key or value, in today's words), then the declaration's checks, then a warning
/// for each key nobody declared.
struct SchemaReader {
    /// Whether Markdown values (a timeline entry's `note`) keep their internal sections.
    var includeInternal: Bool

    /// The declared values of `f`. Problems about `f`'s own keys go to `f.diagnostics`; those of
    /// nested mappings go to `diagnostics`.
    func read(_ declaration: SchemaDeclaration, from f: inout YAMLFields, diagnostics: inout [Diagnostic]) -> DeclaredValues {
        var values = DeclaredValues(position: f.position)
        values.entries.reserveCapacity(declaration.keys.count)
        for key in declaration.keys {
            let ownBefore = f.diagnostics.count
            let nestedBefore = diagnostics.count
            let value = read(key, declaration: declaration, from: &f, diagnostics: &diagnostics)
            guard f.has(key.name) else { continue }
            values.entries.append(DeclaredValues.Entry(
                name: key.name, keyPosition: f.keyPosition(key.name), valuePosition: f.value(key.name).map { f.position(of: $0) },
                value: value, hadProblems: f.diagnostics.count > ownBefore || diagnostics.count > nestedBefore))
        }
        declaration.check?(&values, &f)
        f.reportUnknownKeys(known: [])
        return values
    }

    private func read(_ key: AnySchemaKey, declaration: SchemaDeclaration, from f: inout YAMLFields,
                      diagnostics: inout [Diagnostic]) -> SchemaValue? {
        let name = key.name
        let what = declaration.missingWhat
        switch key.type {
        case .text, .reference:
            return f.string(name, required: key.required, what: what).map(SchemaValue.text)
        case .choice(let allowed):
            return f.choice(name, allowed, required: key.required, what: what).map(SchemaValue.text)
        case .texts, .references:
            let items = f.strings(name)
            if key.required && !f.has(name) { f.missing(name, what: what) }
            return f.has(name) ? .texts(items.map { Located($0.0, $0.1) }) : nil
        case .day:
            return f.day(name, required: key.required, what: what).map(SchemaValue.day)
        case .days:
            var days: [Located<Day>] = []
            for (text, position) in f.strings(name) {
                guard let day = Day(text) else {
                    f.error(position, "'\(text)' in '\(name)' is not a date written YYYY-MM-DD")
                    continue
                }
                days.append(Located(day, position))
            }
            return f.has(name) ? .days(days) : nil
        case .bool:
            return f.bool(name).map(SchemaValue.bool)
        case .wholeNumber(let range):
            return f.int(name, required: key.required, range: range, what: what).map(SchemaValue.number)
        case .markdown:
            return markdown(name, from: &f)
        case .mapping(let nested):
            guard let node = f.value(name) else { return nil }
            return mapping(node, nested, key: name, in: f, diagnostics: &diagnostics).map(SchemaValue.mapping)
        case .mappings(let nested):
            let nodes = f.sequence(name)
            guard f.has(name) else { return nil }
            return .mappings(nodes.compactMap { mapping($0, nested, key: name, in: f, diagnostics: &diagnostics) })
        // Version 2: responses
        case .textsOrMappings(let nested):
            return textsOrMappings(name, nested, from: &f, diagnostics: &diagnostics)
        case .wordMapping(let words):
            return wordMapping(name, words, from: &f)
        }
    }

    /// A list of texts or mappings (a reviewer's points, changes): a text item is read as a
    /// mapping holding only `text`, at the text's position; a single text is a list of one.
    private func textsOrMappings(_ name: String, _ nested: SchemaDeclaration, from f: inout YAMLFields,
                                 diagnostics: inout [Diagnostic]) -> SchemaValue? {
        guard let node = f.value(name) else { return nil }
        let nodes: [YAMLNode]
        switch node.shape {
        case .sequence: nodes = node.items ?? []
        case .scalar: nodes = [node]
        default:
            f.error(f.position(of: node), "'\(name)' must be a list")
            return nil
        }
        var items: [DeclaredValues] = []
        for item in nodes {
            switch item.shape {
            case .scalar:
                let scalar = item.scalar ?? YAMLNode.Scalar(string: "", style: .plain)
                let text = scalar.string.trimmedSpaces()
                guard !text.isEmpty else { continue }
                let at = f.position(of: item)
                items.append(DeclaredValues(position: at, entries: [
                    DeclaredValues.Entry(name: "text", keyPosition: at, valuePosition: at, value: .text(text), hadProblems: false),
                ]))
            case .mapping:
                if let values = mapping(item, nested, key: name, in: f, diagnostics: &diagnostics) { items.append(values) }
            default:
                f.error(f.position(of: item), "each item of '\(name)' must be text or \(nested.mappingWhat)")
            }
        }
        return .mappings(items)
    }

    /// A mapping from ids to one of `words` (a filing's checklist), each pair with its positions.
    private func wordMapping(_ name: String, _ words: [String], from f: inout YAMLFields) -> SchemaValue? {
        guard let node = f.value(name) else { return nil }
        guard let mapping = node.pairs else {
            f.error(f.position(of: node), "'\(name)' must be a mapping from ids to \(words.joined(separator: ", "))")
            return nil
        }
        var pairs: [WordPair] = []
        for (key, value) in mapping {
            let id = key.string ?? ""
            let word = value.string?.trimmedSpaces() ?? ""
            guard words.contains(word) else {
                f.error(f.position(of: value),
                        "'\(name)' maps '\(id)' to one of \(words.joined(separator: ", ")); found '\(word)'\(Suggestion.hint(for: word, in: words))")
                continue
            }
            pairs.append(WordPair(id: Located(id, f.position(of: key)), word: word, wordPosition: f.position(of: value)))
        }
        return .wordMapping(pairs)
    }

    /// One nested mapping (`memo`, a timeline entry, a `sources` item), its problems at its own keys.
    private func mapping(_ node: YAMLNode, _ declaration: SchemaDeclaration, key: String, in parent: YAMLFields,
                         diagnostics: inout [Diagnostic]) -> DeclaredValues? {
        let fallback = YAMLFields.position(of: node, lineOffset: parent.lineOffset) ?? parent.keyPosition(key)
        var own: [Diagnostic] = []
        guard var fields = YAMLFields(node: node, path: parent.path, lineOffset: parent.lineOffset, fallback: fallback,
                                      what: declaration.mappingWhat, diagnostics: &own) else {
            diagnostics.append(contentsOf: own)
            return nil
        }
        var nested: [Diagnostic] = []
        let values = read(declaration, from: &fields, diagnostics: &nested)
        diagnostics.append(contentsOf: own + nested + fields.diagnostics)
        return values
    }

    /// Markdown written as a YAML text (`note: |`), parsed like a body at its own lines.
    private func markdown(_ name: String, from f: inout YAMLFields) -> SchemaValue? {
        guard let node = f.value(name) else { return nil }
        guard let scalar = node.scalar else {
            f.error(f.position(of: node), "'\(name)' must be text (Markdown)")
            return nil
        }
        let at = f.position(of: node)
        // A block scalar (`note: |`) starts on the line after its key.
        let offset = scalar.style == .literal || scalar.style == .folded ? at.line : at.line - 1
        if let refusal = ContentLimits.refusal(forBody: scalar.string) {
            f.error(at, refusal)
            return nil
        }
        var problems: [(SourcePosition, String)] = []
        var errors: [(SourcePosition, String)] = []
        let document = MarkdownDocument.make(body: scalar.string, lineOffset: offset, includeInternal: includeInternal,
                                             problems: &problems, errors: &errors)
        for (position, message) in problems { f.warning(position, message) }
        for (position, message) in errors { f.error(position, message) }
        return .markdown(document)
    }
}
