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
        // The extensions (autolinks, strikethrough, task lists, callouts) run in the same walk.
        let document = converter.convert(root, depth: 0)
        if let flattened = converter.flattenedAt {
            problems.append((flattened, "content is nested more than \(maximumDepth) levels deep; the deeper part is shown as plain text"))
        }
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

    /// Maps cmark's byte columns to scalar columns, line by line. Reads the source's UTF-8 bytes:
    /// where each line starts is found once, and nothing is copied per line.
    struct LineIndex {
        /// The source, for the lines handed out as text.
        let source: String
        /// The source's UTF-8 bytes.
        let bytes: [UInt8]
        /// Byte offset where each line starts, and one past the end (so line `n` is
        /// `starts[n - 1] ..< starts[n] - 1`, without its line feed).
        let starts: [Int]

        init(_ text: String) {
            self.source = text
            let bytes = Array(text.utf8)
            var starts: [Int] = [0]
            starts.reserveCapacity(bytes.count / 32 + 2)
            bytes.withUnsafeBufferPointer { buffer in
                for index in 0..<buffer.count where buffer[index] == 0x0A {
                    // `\r\n` is one character: a line feed after a carriage return ends no line.
                    if index > 0, buffer[index - 1] == 0x0D { continue }
                    starts.append(index + 1)
                }
            }
            starts.append(bytes.count + 1)
            self.bytes = bytes
            self.starts = starts
        }

        /// The number of lines (a text without line feeds has one).
        var count: Int { starts.count - 1 }

        /// The byte range of line `number` (1-based), without its line feed.
        func range(_ number: Int) -> Range<Int> {
            starts[number - 1]..<(starts[number] - 1)
        }

        /// Line `number` (1-based) as text; empty past the end.
        func text(_ number: Int) -> Substring {
            guard number >= 1, number <= count else { return "" }
            let line = range(number)
            let utf8 = source.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: line.lowerBound)
            let end = utf8.index(start, offsetBy: line.count)
            return source[start..<end]
        }

        /// Whether the bytes of lines `first...last` hold `byte`.
        func lines(_ first: Int, _ last: Int, contain byte: UInt8) -> Bool {
            let last = min(last, count)
            guard first >= 1, first <= last else { return false }
            let lower = starts[first - 1], upper = starts[last] - 1
            return bytes.withUnsafeBufferPointer { buffer in
                for index in lower..<upper where buffer[index] == byte { return true }
                return false
            }
        }

        /// The byte at `byteColumn` (1-based) of line `number`, if the line is that long.
        func byte(line number: Int, column byteColumn: Int) -> UInt8? {
            guard number >= 1, number <= count, byteColumn >= 1 else { return nil }
            let line = range(number)
            let at = line.lowerBound + byteColumn - 1
            return at < line.upperBound ? bytes[at] : nil
        }

        func scalarColumn(line: Int, byteColumn: Int) -> Int {
            guard line >= 1, line <= count, byteColumn > 1 else { return max(byteColumn, 1) }
            let range = range(line)
            let limit = min(byteColumn - 1, range.count)
            // One scalar per byte that does not continue a UTF-8 sequence.
            return bytes.withUnsafeBufferPointer { buffer in
                var scalars = 0
                for index in range.lowerBound..<(range.lowerBound + limit) where buffer[index] & 0xC0 != 0x80 { scalars += 1 }
                return scalars + 1
            }
        }
    }

    struct Converter {
        let lines: LineIndex
        let lineOffset: Int
        /// Where the first over-deep subtree was flattened.
        var flattenedAt: SourcePosition?
        /// Added to columns (cells parsed on their own start part-way along their line).
        var columnOffset = 0
        /// Whether each converted node gets the extensions' step for it (see `extend`); off inside
        /// a link or image, whose content gets strikethrough only, all at once at the link.
        var extending = true
        /// Single-line link reference definitions of the document, for table cells (parsed alone).
        lazy var references: String = {
            var definitions = ""
            for number in 1...max(1, lines.count) {
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
            // A table needs two lines and a `|`: most paragraphs are told apart on their bytes.
            let firstLine = Int(cmark_node_get_start_line(paragraph))
            let lastLine = Int(cmark_node_get_end_line(paragraph))
            guard lastLine > firstLine, lines.lines(firstLine, lastLine, contain: UInt8(ascii: "|")) else { return nil }
            let raw = sourceLines(paragraph)
            guard raw.count >= 2, raw.contains(where: { $0.has("|") }),
                  let found = Tables.find(in: raw) else { return nil }
            var blocks: [MarkdownNode] = []
            if found.header > 0 {
                let before = raw[..<found.header].joined(separator: "\n")
                blocks += MarkdownParser.parse(before, lineOffset: firstLine - 1 + lineOffset).children
                if extending { Self.extendAgain(&blocks) }
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
            // A definition starts `[^` or, protected, `\[^`: look at the paragraph's first byte first.
            let first = lines.byte(line: Int(cmark_node_get_start_line(paragraph)), column: Int(cmark_node_get_start_column(paragraph)))
            guard first == UInt8(ascii: "[") || first == UInt8(ascii: "\\") else { return nil }
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
            var nodes = definitions.map { definition in
                let parsed = MarkdownParser.parse(definition.content.joined(separator: "\n"), lineOffset: definition.line - 1)
                return MarkdownNode(.footnoteDefinition(label: definition.label), children: parsed.children,
                                    position: SourcePosition(line: definition.line, column: definition.column))
            }
            if extending { Self.extendAgain(&nodes) }
            return (nodes, next)
        }

        /// Copies `node` and its subtree, with the extensions applied as each node is finished:
        /// children first, then the node itself, in the order the passes would run one after
        /// the other (autolinks and strikethrough, task lists, callouts), in one walk.
        mutating func convert(_ node: OpaquePointer, depth: Int) -> MarkdownNode {
            let outerExtending = extending
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE { extending = false }
            var converted = convertNode(node, depth: depth)
            extending = outerExtending
            if extending { Self.extend(&converted) }
            return converted
        }

        /// The extensions' step for one node whose children have had theirs.
        static func extend(_ node: inout MarkdownNode) {
            switch node.kind {
            case .codeBlock, .htmlBlock, .code, .htmlInline:
                return
            case .link, .image, .wikiLink:
                InlineExtensions.apply(to: &node)
            default:
                InlineExtensions.step(&node)
                TaskLists.step(&node)
                Callouts.step(&node)
            }
        }

        /// Blocks that a parse of their own made (footnote definitions, the text before a table)
        /// get the extensions a second time, as the document around them does.
        static func extendAgain(_ nodes: inout [MarkdownNode]) {
            for index in nodes.indices {
                InlineExtensions.apply(to: &nodes[index])
                TaskLists.apply(to: &nodes[index])
                Callouts.apply(to: &nodes[index])
            }
        }

        mutating func convertNode(_ node: OpaquePointer, depth: Int) -> MarkdownNode {
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
