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
        // cmark would read `[^1]: text` as a link reference definition; keep it as text.
        let source = Footnotes.protectDefinitions(body)
        let lines = LineIndex(source)
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE | CMARK_OPT_VALIDATE_UTF8
        let length = source.utf8.count
        let root: OpaquePointer? = source.withCString { cmark_parse_document($0, length, options) }
        guard let root else { return MarkdownNode(.document, position: .start) }
        defer { cmark_node_free(root) }
        cmark_consolidate_text_nodes(root)
        var converter = Converter(lines: lines, lineOffset: lineOffset)
        var document = converter.convert(root, depth: 0)
        if let flattened = converter.flattenedAt {
            problems.append((flattened, "content is nested more than \(maximumDepth) levels deep; the deeper part is shown as plain text"))
        }
        InlineExtensions.apply(to: &document)
        TaskLists.apply(to: &document)
        Callouts.apply(to: &document)
        return document
    }

    /// Parses one line of cell text as inline content (cells never hold blocks).
    static func parseInline(_ text: String, line: Int, column: Int, references: String) -> [MarkdownNode] {
        guard !text.isEmpty else { return [] }
        // A cell that would start a block (`1. x`, `- x`, `# x`) is read as text: escape its first
        // punctuation character and parse again.
        var escaped = text
        if let mark = escaped.firstIndex(where: { $0.isASCII && $0.isPunctuation || "<>#=+-*`~".contains($0) }) {
            escaped.insert("\\", at: mark)
        }
        for candidate in [text, escaped] {
            let source = candidate + references
            let options = CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE | CMARK_OPT_VALIDATE_UTF8
            let length = source.utf8.count
            guard let root = source.withCString({ cmark_parse_document($0, length, options) }) else { continue }
            defer { cmark_node_free(root) }
            cmark_consolidate_text_nodes(root)
            guard let first = cmark_node_first_child(root), cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH,
                  cmark_node_get_end_line(first) == 1 else { continue }
            var converter = Converter(lines: LineIndex(source), lineOffset: line - 1)
            converter.columnOffset = column - 1
            return converter.convert(first, depth: 90).children
        }
        return [MarkdownNode(.text(text), position: SourcePosition(line: line, column: column))]
    }

    /// Maps cmark's byte columns to scalar columns, line by line.
    struct LineIndex {
        let lines: [Substring.UTF8View]

        init(_ text: String) {
            lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.utf8 }
        }

        /// Line `number` (1-based) as text; empty past the end.
        func text(_ number: Int) -> Substring {
            guard number >= 1, number <= lines.count else { return "" }
            return Substring(lines[number - 1])
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
        /// Added to columns (cells parsed on their own start part-way along their line).
        var columnOffset = 0
        /// Single-line link reference definitions of the document, for table cells (parsed alone).
        lazy var references: String = {
            var definitions = ""
            for number in 1...max(1, lines.lines.count) {
                let line = lines.text(number)
                let trimmed = line.drop { $0 == " " }
                if line.count - trimmed.count <= 3, trimmed.hasPrefix("["), !trimmed.hasPrefix("[^"), trimmed.contains("]:") {
                    definitions += "\n" + line
                }
            }
            return definitions.isEmpty ? "" : "\n" + definitions
        }()

        init(lines: LineIndex, lineOffset: Int) {
            self.lines = lines
            self.lineOffset = lineOffset
        }

        func position(_ node: OpaquePointer) -> SourcePosition {
            let line = Int(cmark_node_get_start_line(node))
            let column = Int(cmark_node_get_start_column(node))
            return SourcePosition(line: line + lineOffset, column: lines.scalarColumn(line: line, byteColumn: column) + columnOffset)
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

        /// The source lines of a block, without the container prefixes (`> `, list indentation) of
        /// the lines after the first.
        func sourceLines(_ node: OpaquePointer) -> [Substring] {
            let first = Int(cmark_node_get_start_line(node))
            let last = max(first, Int(cmark_node_get_end_line(node)))
            let prefix = max(0, Int(cmark_node_get_start_column(node)) - 1)
            return (first...last).map { number in
                let line = lines.text(number)
                var dropped = 0
                var index = line.startIndex
                while dropped < prefix, index < line.endIndex, line[index] == " " || line[index] == ">" || line[index] == "\t" {
                    index = line.index(after: index)
                    dropped += 1
                }
                if number == first {
                    // The first line starts exactly at the block's column.
                    let utf8 = line.utf8
                    let start = utf8.index(utf8.startIndex, offsetBy: min(prefix, utf8.count))
                    return Substring(utf8[start...])
                }
                return line[index...]
            }
        }

        /// A paragraph whose lines hold a GFM table: the paragraph before it (if any) and the table.
        mutating func table(_ paragraph: OpaquePointer, depth: Int) -> [MarkdownNode]? {
            let raw = sourceLines(paragraph)
            guard raw.count >= 2, raw.contains(where: { $0.has("|") }),
                  let found = Tables.find(in: raw) else { return nil }
            let firstLine = Int(cmark_node_get_start_line(paragraph))
            var blocks: [MarkdownNode] = []
            if found.header > 0 {
                let before = raw[..<found.header].joined(separator: "\n")
                blocks += MarkdownParser.parse(before, lineOffset: firstLine - 1 + lineOffset).children
            }
            let columns = found.alignments.count
            let references = self.references
            func row(_ index: Int, header: Bool) -> MarkdownNode {
                let number = firstLine + index + lineOffset
                var texts = Tables.cells(raw[index]).cells
                if texts.count > columns { texts.removeLast(texts.count - columns) }
                while texts.count < columns { texts.append("") }
                let cells = texts.enumerated().map { column, text in
                    MarkdownNode(.tableCell(header: header, alignment: found.alignments[column]),
                                 children: MarkdownParser.parseInline(text, line: number, column: 1, references: references),
                                 position: SourcePosition(line: number, column: 1))
                }
                return MarkdownNode(.tableRow, children: cells, position: SourcePosition(line: number, column: 1))
            }
            let at = SourcePosition(line: firstLine + found.header + lineOffset, column: 1)
            var table = MarkdownNode(.table, children: [MarkdownNode(.tableHead, children: [row(found.header, header: true)], position: at)],
                                     position: at)
            let bodyRows = (found.header + 2..<raw.count).map { row($0, header: false) }
            if !bodyRows.isEmpty {
                table.children.append(MarkdownNode(.tableBody, children: bodyRows, position: at))
            }
            blocks.append(table)
            return blocks
        }

        /// `[^label]: text` (kept from cmark by `Footnotes.protectDefinitions`), with the indented
        /// blocks that follow it, parsed as the footnote's content. Definitions on consecutive
        /// lines (one paragraph to cmark) are separate footnotes.
        mutating func footnoteDefinitions(_ paragraph: OpaquePointer) -> (nodes: [MarkdownNode], next: OpaquePointer?)? {
            let raw = sourceLines(paragraph)
            guard let first = raw.first, Footnotes.definitionStart(first) != nil else { return nil }
            let firstLine = Int(cmark_node_get_start_line(paragraph))
            let startLine = firstLine + lineOffset
            var definitions: [(label: String, line: Int, column: Int, content: [String])] = []
            for (offset, line) in raw.enumerated() {
                let start = line.drop { $0 == " " }
                if let (label, rest) = Footnotes.definitionStart(start) {
                    // Where `[^` is (the protecting backslash stands in its place).
                    let column = lines.text(firstLine + offset).unicodeScalars.count - start.unicodeScalars.count + 1 + columnOffset
                    definitions.append((label, startLine + offset, max(1, column), [String(rest)]))
                } else if !definitions.isEmpty {
                    // Continuation lines lose up to four spaces of indentation.
                    var trimmed = line[...]
                    var removed = 0
                    while removed < 4, trimmed.first == " " { trimmed = trimmed.dropFirst(); removed += 1 }
                    definitions[definitions.count - 1].content.append(String(trimmed))
                }
            }
            var next = cmark_node_next(paragraph)
            // Indented code blocks right after the last definition are its further paragraphs.
            while let sibling = next, cmark_node_get_type(sibling) == CMARK_NODE_CODE_BLOCK,
                  lines.text(Int(cmark_node_get_start_line(sibling))).hasPrefix("    "), !definitions.isEmpty {
                definitions[definitions.count - 1].content += ["", string(cmark_node_get_literal(sibling))]
                next = cmark_node_next(sibling)
            }
            let nodes = definitions.map { definition in
                let parsed = MarkdownParser.parse(definition.content.joined(separator: "\n"), lineOffset: definition.line - 1)
                return MarkdownNode(.footnoteDefinition(label: definition.label), children: parsed.children,
                                    position: SourcePosition(line: definition.line, column: definition.column))
            }
            return (nodes, next)
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
                if cmark_node_get_type(current) == CMARK_NODE_PARAGRAPH {
                    if let definitions = footnoteDefinitions(current) {
                        children.append(contentsOf: definitions.nodes)
                        child = definitions.next
                        continue
                    }
                    if let blocks = table(current, depth: depth + 1) {
                        children.append(contentsOf: blocks)
                        child = cmark_node_next(current)
                        continue
                    }
                }
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
