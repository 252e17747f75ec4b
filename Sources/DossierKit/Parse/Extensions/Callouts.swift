/// GitHub's callouts: a blockquote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
/// `[!WARNING]` or `[!CAUTION]`.
enum Callouts {
    static let kinds = ["note", "tip", "important", "warning", "caution"]

    static func apply(to node: inout MarkdownNode) {
        for index in node.children.indices { apply(to: &node.children[index]) }
        guard case .blockQuote = node.kind, let paragraph = node.children.first, case .paragraph = paragraph.kind,
              let first = paragraph.children.first, case .text(let text) = first.kind else { return }
        let marker = text.trimmedSpaces()
        guard marker.hasPrefix("[!"), marker.hasSuffix("]") else { return }
        let kind = marker.dropFirst(2).dropLast().lowercased()
        guard kinds.contains(kind) else { return }
        // The marker must stand alone on the first line.
        var rest = Array(paragraph.children.dropFirst())
        if let next = rest.first {
            guard case .softBreak = next.kind else {
                if case .lineBreak = next.kind { rest.removeFirst() } else { return }
                node.kind = .callout(kind: kind)
                replaceFirst(&node, with: rest)
                return
            }
            rest.removeFirst()
        }
        node.kind = .callout(kind: kind)
        replaceFirst(&node, with: rest)
    }

    static func replaceFirst(_ node: inout MarkdownNode, with inlines: [MarkdownNode]) {
        if inlines.isEmpty {
            node.children.removeFirst()
        } else {
            node.children[0].children = inlines
        }
    }
}
