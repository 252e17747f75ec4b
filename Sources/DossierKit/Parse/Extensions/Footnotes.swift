/// Footnotes: `[^label]` in text refers to `[^label]: text` written anywhere in the document.
/// Footnotes are numbered in the order of their first reference and gathered at the end, each
/// with links back to where it was referred to.
enum Footnotes {
    /// Puts a backslash before `[^label]:` at the start of a line (outside fenced code), so cmark
    /// keeps it as text instead of reading a link reference definition. Lines are not added or
    /// removed, so positions stay right.
    static func protectDefinitions(_ body: String) -> String {
        guard body.has("[^") else { return body }
        var output: [Substring] = []
        var fence: (character: Character, length: Int)?
        var changed = false
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            if indent <= 3, let marker = rest.first, marker == "`" || marker == "~" {
                let run = rest.prefix { $0 == marker }.count
                if run >= 3 {
                    if let open = fence {
                        if open.character == marker && run >= open.length && rest.dropFirst(run).allSatisfy({ $0 == " " }) { fence = nil }
                    } else {
                        fence = (marker, run)
                    }
                }
            }
            if fence == nil, indent <= 3, definitionStart(rest) != nil {
                output.append(line.prefix(indent) + "\\" + rest)
                changed = true
            } else {
                output.append(line)
            }
        }
        return changed ? output.joined(separator: "\n") : body
    }

    /// `[^label]: rest` (optionally with the protecting backslash): the label and the rest.
    static func definitionStart(_ line: Substring) -> (label: String, rest: Substring)? {
        var text = line
        if text.hasPrefix("\\") { text = text.dropFirst() }
        guard text.hasPrefix("[^"), let close = text.firstIndex(of: "]") else { return nil }
        let label = text[text.index(text.startIndex, offsetBy: 2)..<close]
        let after = text[text.index(after: close)...]
        guard !label.isEmpty, !label.contains(where: { $0 == " " || $0 == "[" }), after.hasPrefix(":") else { return nil }
        return (String(label), after.dropFirst().drop { $0 == " " || $0 == "\t" })
    }

    /// Numbers the references, moves the definitions into a section at the end and reports
    /// references without a definition and definitions without a reference. `cutText` is what
    /// this audience does not get (internal sections): a reference there is still a reference.
    /// `mayHoldDefinitions` false (the source has no `[^` at all) skips the search for
    /// definitions, which rebuilds the tree.
    static func apply(to document: inout MarkdownNode, problems: inout [(SourcePosition, String)], cutText: String = "",
                      mayHoldDefinitions: Bool = true) {
        var definitions: [String: MarkdownNode] = [:]
        var written: [(key: String, label: String, position: SourcePosition)] = []
        if mayHoldDefinitions { collectDefinitions(&document, into: &definitions, written: &written) }
        guard !definitions.isEmpty || containsReference(document) else { return }
        var numbers: [String: Int] = [:]
        var counts: [Int: Int] = [:]
        var order: [String] = []
        number(&document, definitions: definitions, numbers: &numbers, counts: &counts, order: &order, problems: &problems)
        // Footnotes may refer to further footnotes.
        var index = 0
        var section: [MarkdownNode] = []
        while index < order.count {
            let label = order[index]
            guard var definition = definitions[label] else { index += 1; continue }
            number(&definition, definitions: definitions, numbers: &numbers, counts: &counts, order: &order, problems: &problems)
            let value = numbers[label] ?? index + 1
            section.append(MarkdownNode(.footnote(number: value, references: 0), children: definition.children,
                                        position: definition.position))
            index += 1
        }
        for position in section.indices {
            if case .footnote(let value, _) = section[position].kind {
                section[position].kind = .footnote(number: value, references: counts[value] ?? 1)
            }
        }
        if !section.isEmpty {
            document.children.append(MarkdownNode(.footnoteSection, children: section, position: document.position))
        }
        let cut = cutText.lowercased()
        for definition in written where numbers[definition.key] == nil && !cut.contains("[^\(definition.key)]") {
            problems.append((definition.position, "footnote '[^\(definition.label)]' is defined but never referred to; it is not shown"))
        }
    }

    /// Takes the definitions out of the tree; `written` gets each label's first, in document order.
    static func collectDefinitions(_ node: inout MarkdownNode, into definitions: inout [String: MarkdownNode],
                                   written: inout [(key: String, label: String, position: SourcePosition)]) {
        var kept: [MarkdownNode] = []
        for var child in node.children {
            if case .footnoteDefinition(let label) = child.kind {
                if definitions[label.lowercased()] == nil {
                    definitions[label.lowercased()] = child
                    written.append((label.lowercased(), label, child.position))
                }
                continue
            }
            collectDefinitions(&child, into: &definitions, written: &written)
            kept.append(child)
        }
        node.children = kept
    }

    static func containsReference(_ node: MarkdownNode) -> Bool {
        if case .text(let text) = node.kind, text.has("[^") { return true }
        return node.children.contains { containsReference($0) }
    }

    /// Splits `[^label]` out of text nodes (not inside code or links).
    static func number(_ node: inout MarkdownNode, definitions: [String: MarkdownNode], numbers: inout [String: Int],
                       counts: inout [Int: Int], order: inout [String], problems: inout [(SourcePosition, String)]) {
        if case .link = node.kind { return }
        if case .image = node.kind { return }
        var children: [MarkdownNode] = []
        for var child in node.children {
            guard case .text(let text) = child.kind, text.has("[^") else {
                number(&child, definitions: definitions, numbers: &numbers, counts: &counts, order: &order, problems: &problems)
                children.append(child)
                continue
            }
            var rest = Substring(text)
            var offset = 0
            while let open = rest.range(of: "[^"), let close = rest[open.upperBound...].firstIndex(of: "]") {
                let label = String(rest[open.upperBound..<close])
                guard !label.isEmpty, !label.contains(where: { $0 == " " || $0 == "[" }) else {
                    let keep = rest[..<open.upperBound]
                    append(String(keep), to: &children, at: child.position, offset: offset)
                    offset += keep.unicodeScalars.count
                    rest = rest[open.upperBound...]
                    continue
                }
                let key = label.lowercased()
                let before = rest[..<open.lowerBound]
                append(String(before), to: &children, at: child.position, offset: offset)
                offset += before.unicodeScalars.count
                let whole = rest[open.lowerBound...close]
                let at = SourcePosition(line: child.position.line, column: child.position.column + offset)
                if definitions[key] != nil {
                    let value: Int
                    if let known = numbers[key] {
                        value = known
                    } else {
                        value = numbers.count + 1
                        numbers[key] = value
                        order.append(key)
                    }
                    counts[value, default: 0] += 1
                    children.append(MarkdownNode(.footnoteReference(number: value, occurrence: counts[value] ?? 1), position: at))
                } else {
                    problems.append((at, "footnote '[^\(label)]' has no definition '[^\(label)]: ...'"))
                    append(String(whole), to: &children, at: child.position, offset: offset)
                }
                offset += whole.unicodeScalars.count
                rest = rest[rest.index(after: close)...]
            }
            append(String(rest), to: &children, at: child.position, offset: offset)
        }
        node.children = children
    }

    static func append(_ text: String, to nodes: inout [MarkdownNode], at position: SourcePosition, offset: Int) {
        guard !text.isEmpty else { return }
        if let last = nodes.last, case .text(let previous) = last.kind {
            nodes[nodes.count - 1].kind = .text(previous + text)
        } else {
            nodes.append(MarkdownNode(.text(text), position: SourcePosition(line: position.line, column: position.column + offset)))
        }
    }
}
