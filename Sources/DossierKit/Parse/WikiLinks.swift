/// Finds `[[target]]`, `[[target|label]]` and `[[target#heading]]` in text.
enum WikiLinks {
    /// Splits one text node into text and wiki-link nodes.
    static func split(_ text: String, at position: SourcePosition) -> [MarkdownNode] {
        guard text.has("[[") else { return [MarkdownNode(.text(text), position: position)] }
        var nodes: [MarkdownNode] = []
        var pending = Substring(text)
        var consumedScalars = 0
        while let open = pending.range(of: "[[") {
            guard let close = pending[open.upperBound...].range(of: "]]") else { break }
            let inner = pending[open.upperBound..<close.lowerBound]
            // Brackets inside or a line break mean this is not a wiki link.
            if inner.isEmpty || inner.contains("[") || inner.contains("]") || inner.contains("\n") {
                let skip = pending.index(after: open.lowerBound)
                let before = pending[..<skip]
                appendText(before, to: &nodes, position: position, offset: consumedScalars)
                consumedScalars += before.unicodeScalars.count
                pending = pending[skip...]
                continue
            }
            let before = pending[..<open.lowerBound]
            appendText(before, to: &nodes, position: position, offset: consumedScalars)
            consumedScalars += before.unicodeScalars.count
            let linkPosition = SourcePosition(line: position.line, column: position.column + consumedScalars)
            let (target, label) = parseInner(inner)
            nodes.append(MarkdownNode(.wikiLink(target: target, label: label), position: linkPosition))
            let whole = pending[open.lowerBound..<close.upperBound]
            consumedScalars += whole.unicodeScalars.count
            pending = pending[close.upperBound...]
        }
        appendText(pending, to: &nodes, position: position, offset: consumedScalars)
        return nodes
    }

    static func parseInner(_ inner: Substring) -> (target: String, label: String?) {
        if let bar = inner.firstIndex(of: "|") {
            let target = inner[..<bar].trimmedSpaces()
            let label = inner[inner.index(after: bar)...].trimmedSpaces()
            return (target, label.isEmpty ? nil : label)
        }
        return (inner.trimmedSpaces(), nil)
    }

    private static func appendText(_ text: Substring, to nodes: inout [MarkdownNode], position: SourcePosition, offset: Int) {
        guard !text.isEmpty else { return }
        let textPosition = SourcePosition(line: position.line, column: position.column + offset)
        if let last = nodes.last, case .text(let previous) = last.kind {
            nodes[nodes.count - 1].kind = .text(previous + text)
        } else {
            nodes.append(MarkdownNode(.text(String(text)), position: textPosition))
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    func trimmedSpaces() -> String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
