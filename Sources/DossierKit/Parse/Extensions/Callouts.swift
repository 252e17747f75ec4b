/// Callouts, as GitHub and Obsidian write them: a blockquote whose first line starts with
/// `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]` or `[!CAUTION]` (any case). The rest of that
/// line, if any, is the callout's title (`> [!NOTE] 自定义标题`); `[!NOTE]-` makes one that folds
/// and starts shut, `[!NOTE]+` one that folds and starts open.
enum Callouts {
    static let kinds = ["note", "tip", "important", "warning", "caution"]

    static func apply(to node: inout MarkdownNode) {
        for index in node.children.indices { apply(to: &node.children[index]) }
        step(&node)
    }

    /// Turns `node` into a callout if it is a blockquote that starts with a marker (its children
    /// already passed).
    static func step(_ node: inout MarkdownNode) {
        guard case .blockQuote = node.kind, let paragraph = node.children.first, case .paragraph = paragraph.kind,
              let first = paragraph.children.first, case .text(let text) = first.kind,
              let marker = marker(text) else { return }
        // The first line (up to its break) is the marker and the title; the lines after it, the body.
        var line = Array(paragraph.children.dropFirst())
        var rest: [MarkdownNode] = []
        if let end = line.firstIndex(where: \.isLineBreak) {
            rest = Array(line[line.index(after: end)...])
            line.removeSubrange(end...)
        }
        // `[!NOTE]*x*`: text glued to the marker; not a callout (as `[!NOTE]x` is not).
        guard marker.title != nil || line.isEmpty else { return }
        var title = line
        if let words = marker.title, !words.isEmpty {
            let at = SourcePosition(line: first.position.line, column: first.position.column + marker.titleOffset)
            title.insert(MarkdownNode(.text(words), position: at), at: 0)
        }
        // Spaces at the end of the line are not part of the title.
        if let last = title.last, case .text(let words) = last.kind {
            var trimmed = words[...]
            while let end = trimmed.last, end == " " || end == "\t" { trimmed = trimmed.dropLast() }
            if trimmed.isEmpty { title.removeLast() } else { title[title.count - 1].kind = .text(String(trimmed)) }
        }
        node.kind = .callout(kind: marker.kind, folding: marker.folding)
        replaceFirst(&node, with: rest)
        if !title.isEmpty {
            node.children.insert(MarkdownNode(.calloutTitle, children: title, position: first.position), at: 0)
        }
    }

    /// `[!KIND]`, `[!KIND]-` or `[!KIND]+` at the start of `text`: the kind, the folding, and the
    /// text after it (nil when nothing follows; else it must start with a space or tab), which
    /// starts `titleOffset` columns after `text`.
    static func marker(_ text: String) -> (kind: String, folding: MarkdownNode.CalloutFolding, title: String?, titleOffset: Int)? {
        let start = text.drop { $0 == " " || $0 == "\t" }
        guard start.hasPrefix("[!"), let close = start.firstIndex(of: "]") else { return nil }
        let kind = start[start.index(start.startIndex, offsetBy: 2)..<close].lowercased()
        guard kinds.contains(kind) else { return nil }
        var after = start[start.index(after: close)...]
        var folding = MarkdownNode.CalloutFolding.none
        if after.first == "-" {
            folding = .collapsed
            after = after.dropFirst()
        } else if after.first == "+" {
            folding = .open
            after = after.dropFirst()
        }
        guard let next = after.first else { return (kind, folding, nil, 0) }
        guard next == " " || next == "\t" else { return nil }
        let title = after.drop { $0 == " " || $0 == "\t" }
        let offset = text.unicodeScalars.count - title.unicodeScalars.count
        return (kind, folding, String(title), offset)
    }

    static func replaceFirst(_ node: inout MarkdownNode, with inlines: [MarkdownNode]) {
        if inlines.isEmpty {
            node.children.removeFirst()
        } else {
            node.children[0].children = inlines
        }
    }
}

extension MarkdownNode {
    /// A soft or hard line break.
    var isLineBreak: Bool {
        switch kind {
        case .softBreak, .lineBreak: true
        default: false
        }
    }
}
