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
    /// Without leading and trailing spaces and tabs (compared as bytes: both are ASCII).
    func trimmedSpaces() -> String {
        let text = Substring(self)
        let bytes = text.utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start = bytes.index(after: start) }
        while start < end {
            let last = bytes.index(before: end)
            guard bytes[last] == 0x20 || bytes[last] == 0x09 else { break }
            end = last
        }
        return String(text[start..<end])
    }
}

extension String {
    /// Without leading and trailing spaces and tabs; most texts have none and are returned as they are.
    func trimmedSpaces() -> String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        if first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09 { return self }
        return self[...].trimmedSpaces()
    }
}
