import CCmark
import Foundation

/// Drives libcmark: parses a body once and copies the tree into `MarkdownNode` values. No cmark
/// pointer outlives `parse`.
public enum MarkdownParser {
    /// Deeper nesting than this (blockquotes in blockquotes, lists in lists ...) is flattened into
    /// plain text, so no later pass recurses without bound. Real documents nest a handful of levels.
    public static let maximumDepth = 100

    /// Parses `body`, whose first line is line `lineOffset + 1` of its file.
    public static func parse(_ body: String, lineOffset: Int) -> MarkdownNode {
        var problems: [(SourcePosition, String)] = []
        return parse(body, lineOffset: lineOffset, problems: &problems)
    }

    /// Parses `body`; `problems` gets a note where nesting was flattened.
    public static func parse(_ body: String, lineOffset: Int, problems: inout [(SourcePosition, String)]) -> MarkdownNode {
        let lines = LineIndex(body)
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE | CMARK_OPT_VALIDATE_UTF8
        let length = body.utf8.count
        let root: OpaquePointer? = body.withCString { cmark_parse_document($0, length, options) }
        guard let root else { return MarkdownNode(.document, position: .start) }
        defer { cmark_node_free(root) }
        cmark_consolidate_text_nodes(root)
        var converter = Converter(lines: lines, lineOffset: lineOffset)
        let document = converter.convert(root, depth: 0)
        if let flattened = converter.flattenedAt {
            problems.append((flattened, "content is nested more than \(maximumDepth) levels deep; the deeper part is shown as plain text"))
        }
        return document
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
        /// Where the first over-deep subtree was flattened.
        var flattenedAt: SourcePosition?

        func position(_ node: OpaquePointer) -> SourcePosition {
            let line = Int(cmark_node_get_start_line(node))
            let column = Int(cmark_node_get_start_column(node))
            return SourcePosition(line: line + lineOffset, column: lines.scalarColumn(line: line, byteColumn: column))
        }

        func string(_ pointer: UnsafePointer<CChar>?) -> String {
            guard let pointer else { return "" }
            return String(cString: pointer)
        }

        /// The text under `node`, gathered with cmark's iterator (no recursion).
        func flatText(_ node: OpaquePointer) -> String {
            var text = ""
            guard let iterator = cmark_iter_new(node) else { return text }
            defer { cmark_iter_free(iterator) }
            while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
                guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
                switch cmark_node_get_type(current) {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                    text += string(cmark_node_get_literal(current))
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                    if !text.isEmpty && !text.hasSuffix(" ") { text += " " }
                default:
                    break
                }
            }
            return text
        }

        mutating func convert(_ node: OpaquePointer, depth: Int) -> MarkdownNode {
            if depth > MarkdownParser.maximumDepth {
                let at = position(node)
                if flattenedAt == nil { flattenedAt = at }
                let isInline = cmark_node_get_type(node).rawValue >= CMARK_NODE_FIRST_INLINE.rawValue
                let text = MarkdownNode(.text(flatText(node)), position: at)
                return isInline ? text : MarkdownNode(.paragraph, children: [text], position: at)
            }
            var children: [MarkdownNode] = []
            var child = cmark_node_first_child(node)
            while let current = child {
                let converted = convert(current, depth: depth + 1)
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
