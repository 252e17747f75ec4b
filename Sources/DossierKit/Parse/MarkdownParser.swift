import CCmark
import Foundation

/// Drives libcmark: parses a body once and copies the tree into `MarkdownNode` values. No cmark
/// pointer outlives `parse`.
public enum MarkdownParser {
    /// Parses `body`, whose first line is line `lineOffset + 1` of its file.
    public static func parse(_ body: String, lineOffset: Int) -> MarkdownNode {
        let lines = LineIndex(body)
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE | CMARK_OPT_VALIDATE_UTF8
        let length = body.utf8.count
        let root: OpaquePointer? = body.withCString { cmark_parse_document($0, length, options) }
        guard let root else { return MarkdownNode(.document, position: .start) }
        defer { cmark_node_free(root) }
        cmark_consolidate_text_nodes(root)
        let converter = Converter(lines: lines, lineOffset: lineOffset)
        return converter.convert(root)
    }

    /// Maps cmark's byte columns to scalar columns, line by line.
    struct LineIndex {
        let lines: [Substring.UTF8View]

        init(_ text: String) {
            lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.utf8 }
        }

        func scalarColumn(line: Int, byteColumn: Int) -> Int {
            guard line >= 1, line <= lines.count, byteColumn > 1 else { return max(byteColumn, 1) }
            let utf8 = lines[line - 1]
            let limit = min(byteColumn - 1, utf8.count)
            guard let end = utf8.index(utf8.startIndex, offsetBy: limit, limitedBy: utf8.endIndex) else { return byteColumn }
            let prefix = Substring(utf8[utf8.startIndex..<end])
            return prefix.unicodeScalars.count + 1
        }
    }

    struct Converter {
        let lines: LineIndex
        let lineOffset: Int

        func position(_ node: OpaquePointer) -> SourcePosition {
            let line = Int(cmark_node_get_start_line(node))
            let column = Int(cmark_node_get_start_column(node))
            return SourcePosition(line: line + lineOffset, column: lines.scalarColumn(line: line, byteColumn: column))
        }

        func string(_ pointer: UnsafePointer<CChar>?) -> String {
            guard let pointer else { return "" }
            return String(cString: pointer)
        }

        func convert(_ node: OpaquePointer) -> MarkdownNode {
            var children: [MarkdownNode] = []
            var child = cmark_node_first_child(node)
            while let current = child {
                let converted = convert(current)
                if case .text(let text) = converted.kind {
                    children.append(contentsOf: WikiLinks.split(text, at: converted.position))
                } else {
                    children.append(converted)
                }
                child = cmark_node_next(current)
            }
            let kind: MarkdownNode.Kind
            switch cmark_node_get_type(node) {
            case CMARK_NODE_DOCUMENT: kind = .document
            case CMARK_NODE_BLOCK_QUOTE: kind = .blockQuote
            case CMARK_NODE_LIST:
                kind = .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                             start: Int(cmark_node_get_list_start(node)),
                             tight: cmark_node_get_list_tight(node) != 0)
            case CMARK_NODE_ITEM: kind = .item
            case CMARK_NODE_CODE_BLOCK:
                kind = .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)))
            case CMARK_NODE_HTML_BLOCK: kind = .htmlBlock(string(cmark_node_get_literal(node)))
            case CMARK_NODE_PARAGRAPH: kind = .paragraph
            case CMARK_NODE_HEADING: kind = .heading(level: Int(cmark_node_get_heading_level(node)), id: "")
            case CMARK_NODE_THEMATIC_BREAK: kind = .thematicBreak
            case CMARK_NODE_TEXT: kind = .text(string(cmark_node_get_literal(node)))
            case CMARK_NODE_SOFTBREAK: kind = .softBreak
            case CMARK_NODE_LINEBREAK: kind = .lineBreak
            case CMARK_NODE_CODE: kind = .code(string(cmark_node_get_literal(node)))
            case CMARK_NODE_HTML_INLINE: kind = .htmlInline(string(cmark_node_get_literal(node)))
            case CMARK_NODE_EMPH: kind = .emphasis
            case CMARK_NODE_STRONG: kind = .strong
            case CMARK_NODE_LINK:
                kind = .link(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
            case CMARK_NODE_IMAGE:
                kind = .image(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
            default:
                // Custom nodes never come out of the parser; keep their children.
                kind = .paragraph
            }
            return MarkdownNode(kind, children: children, position: position(node))
        }
    }
}
