/// Task lists: `- [ ] item` and `- [x] item` become disabled checkboxes.
enum TaskLists {
    static func apply(to node: inout MarkdownNode) {
        step(&node)
        for index in node.children.indices { apply(to: &node.children[index]) }
    }

    /// Gives `node` its checkbox if it is an item that starts with `[ ]`, `[x]` or `[X]`.
    static func step(_ node: inout MarkdownNode) {
        if case .item = node.kind, let first = node.children.first, case .paragraph = first.kind,
           let text = first.children.first, case .text(let value) = text.kind {
            for (marker, checked) in [("[ ]", false), ("[x]", true), ("[X]", true)] where value.hasPrefix(marker) {
                let rest = value.dropFirst(marker.count)
                let endsParagraph = rest.isEmpty && first.children.count > 1
                guard rest.first == " " || rest.first == "\t" || endsParagraph else { continue }
                var paragraph = first
                paragraph.children[0].kind = .text(String(rest))
                if rest.isEmpty { paragraph.children.removeFirst() }
                paragraph.children.insert(MarkdownNode(.taskCheckbox(checked: checked), position: text.position), at: 0)
                node.children[0] = paragraph
                break
            }
        }
    }

    /// Done and total tasks among a list's own items.
    static func count(_ list: MarkdownNode) -> (done: Int, total: Int) {
        var done = 0
        var total = 0
        for item in list.children {
            guard let paragraph = item.children.first, let first = paragraph.children.first,
                  case .taskCheckbox(let checked) = first.kind else { continue }
            total += 1
            if checked { done += 1 }
        }
        return (done, total)
    }
}
