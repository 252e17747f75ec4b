/// `<!-- internal -->` ... `<!-- /internal -->`: text for the internal wiki only.
public enum InternalSections {
    enum Marker { case open, close }

    static func marker(_ html: String) -> Marker? {
        let compact = html.lowercased().filter { !$0.isWhitespace }
        switch compact {
        case "<!--internal-->": return .open
        case "<!--/internal-->", "<!--end-internal-->", "<!--endinternal-->": return .close
        default: return nil
        }
    }

    /// Removes the markers, and (when `keep` is false) everything between them, at every container
    /// level. An opening marker with no close runs to the end of its container and is reported.
    public static func apply(to node: MarkdownNode, keep: Bool, problems: inout [(SourcePosition, String)]) -> MarkdownNode {
        var hidden: [MarkdownNode] = []
        return apply(to: node, keep: keep, problems: &problems, hidden: &hidden)
    }

    /// As above; `hidden` gets the headings that were removed, so links to them can be told from
    /// links to headings that never existed.
    static func apply(to node: MarkdownNode, keep: Bool, problems: inout [(SourcePosition, String)],
                      hidden: inout [MarkdownNode]) -> MarkdownNode {
        var node = node
        var kept: [MarkdownNode] = []
        var openAt: SourcePosition?
        for child in node.children {
            var markerKind: Marker?
            if case .htmlBlock(let html) = child.kind { markerKind = marker(html) }
            if case .htmlInline(let html) = child.kind { markerKind = marker(html) }
            switch markerKind {
            case .open:
                if let openAt {
                    problems.append((child.position, "'<!-- internal -->' inside an internal section opened at line \(openAt.line)"))
                }
                openAt = openAt ?? child.position
                continue
            case .close:
                if openAt == nil {
                    problems.append((child.position, "'<!-- /internal -->' without an opening '<!-- internal -->'"))
                }
                openAt = nil
                continue
            case nil:
                break
            }
            if openAt != nil && !keep {
                collectHeadings(child, into: &hidden)
                continue
            }
            kept.append(apply(to: child, keep: keep, problems: &problems, hidden: &hidden))
        }
        if let openAt {
            problems.append((openAt, "'<!-- internal -->' is never closed with '<!-- /internal -->'; the rest of this block is treated as internal"))
        }
        node.children = kept
        return node
    }

    static func collectHeadings(_ node: MarkdownNode, into headings: inout [MarkdownNode]) {
        if case .heading = node.kind { headings.append(node) }
        for child in node.children { collectHeadings(child, into: &headings) }
    }
}
