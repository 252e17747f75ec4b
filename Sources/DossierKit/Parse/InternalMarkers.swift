import CCmark

/// The markers of internal sections as they are found in a body's source: every HTML comment whose
/// text, ignoring case, dashes and spaces, begins with `internal` (an opening) or `/internal` or
/// `end internal` (a close), with anything after it (`<!-- internal: payment terms -->`).
///
/// Markers are found in the source text, not in cmark's tree, so a comment cmark reads as text
/// (`<!--- internal --->` inside a paragraph) or inside raw HTML still counts. Only a marker inside
/// a code span or a fenced code block is not one: there it is shown as code, as written.
struct InternalMarkers {
    enum Kind: Equatable { case open, close }

    /// One marker in the source.
    struct Marker {
        var kind: Kind
        /// UTF-8 offsets of `<!--` ... `-->` in the body (to the end when never closed).
        var range: Range<Int>
        /// 1-based line in the body.
        var line: Int
        /// 1-based column in bytes, as cmark counts.
        var byteColumn: Int
        /// 1-based column in characters (Unicode scalars), as diagnostics count.
        var column: Int
        /// Whether it stands alone as a block of its own (an HTML block holding nothing else).
        var standalone = false
        /// The block that holds it (the document, a quote, a list item): both ends of a section
        /// belong in the same one.
        var container = -1
        /// What holds it when it does not stand alone, for the message.
        var placement = "inside a paragraph"
    }

    let bytes: [UInt8]
    /// Where each line starts in `bytes` (line 1 at 0), found once.
    var lineStarts: [Int] = [0]
    var markers: [Marker] = []

    /// Finds the markers of `body`; cheap when it has no comment at all.
    init(_ body: String) {
        // Most bodies hold no comment at all: look before copying their bytes.
        guard Self.mayHoldComment(body) else {
            bytes = []
            return
        }
        bytes = Array(body.utf8)
        lineStarts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
        var candidates = scan()
        guard !candidates.isEmpty else { return }
        classify(&candidates, body: body)
        markers = candidates
    }

    /// Whether `body` has `<!--` somewhere, read in place.
    static func mayHoldComment(_ body: String) -> Bool {
        body.has("<!--")
    }

    static let commentOpen: [UInt8] = Array("<!--".utf8)
    static let commentClose: [UInt8] = Array("-->".utf8)

    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count, start <= bytes.count - needle.count else { return nil }
        var index = start
        let first = needle[0]
        while index <= bytes.count - needle.count {
            if bytes[index] == first {
                var matched = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    /// What a comment's text (between `<!--` and `-->`) makes of it.
    static func kind<C: Collection>(ofCommentText text: C) -> Kind? where C.Element == UInt8 {
        var rest = text.drop { isFiller($0) }
        if hasWord("internal", rest) { return .open }
        if rest.first == UInt8(ascii: "/") {
            rest = rest.dropFirst().drop { isFiller($0) }
            return hasWord("internal", rest) ? .close : nil
        }
        if hasWord("end", rest) {
            rest = rest.dropFirst(3).drop { isFiller($0) || $0 == UInt8(ascii: "_") }
            return hasWord("internal", rest) ? .close : nil
        }
        return nil
    }

    /// Whether a whole HTML literal (an HTML node of cmark's) is exactly one marker comment.
    static func kind(ofHTML html: String) -> Kind? {
        let bytes = Array(html.utf8)
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        guard end - start >= 7, Array(bytes[start..<start + 4]) == commentOpen,
              Array(bytes[end - 3..<end]) == commentClose,
              let close = find(commentClose, in: bytes, from: start + 2), close == end - 3 else { return nil }
        return kind(ofCommentText: bytes[min(start + 4, close)..<close])
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    /// What may stand before the word: spaces, dashes, and the `>` of a quote that a comment
    /// split over lines carries on each line in the source (`> <!--` / `> internal` / `> -->`).
    static func isFiller(_ byte: UInt8) -> Bool { isSpace(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ">") }

    static func hasWord<C: Collection>(_ word: String, _ text: C) -> Bool where C.Element == UInt8 {
        var index = text.startIndex
        for expected in word.utf8 {
            guard index != text.endIndex else { return false }
            let byte = text[index]
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            guard lower == expected else { return false }
            index = text.index(after: index)
        }
        return true
    }

    /// Every marker comment in the text, code or not. A comment that is not a marker does not hide
    /// one that starts inside it: scanning goes on right after its `<!--`.
    func scan() -> [Marker] {
        var found: [Marker] = []
        var index = 0
        var line = 1
        var lineStart = 0
        var counted = 0
        while let open = Self.find(Self.commentOpen, in: bytes, from: index) {
            let closeAt = Self.find(Self.commentClose, in: bytes, from: open + 2)
            let textEnd = closeAt ?? bytes.count
            let text = bytes[min(open + 4, textEnd)..<textEnd]
            if let kind = Self.kind(ofCommentText: text) {
                while counted < open {
                    if bytes[counted] == 0x0A {
                        line += 1
                        lineStart = counted + 1
                    }
                    counted += 1
                }
                let column = bytes[lineStart..<open].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
                found.append(Marker(kind: kind, range: open..<(closeAt.map { $0 + 3 } ?? bytes.count), line: line,
                                    byteColumn: open - lineStart + 1, column: column))
            }
            index = open + 4
        }
        return found
    }

    /// Drops the markers that are code, and tells for the others whether they stand alone and in
    /// which block, from cmark's reading of the body as written.
    mutating func classify(_ candidates: inout [Marker], body: String) {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE | CMARK_OPT_VALIDATE_UTF8
        let length = bytes.count
        guard let root = body.withCString({ cmark_parse_document($0, length, options) }) else { return }
        defer { cmark_node_free(root) }
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        var containers: [OpaquePointer: Int] = [root: 0]
        // (first line, first column, last line, last column): code spans and fenced code blocks.
        var code: [(Int, Int, Int, Int)] = []
        // Where each HTML block starts, with its literal and the block that holds it.
        var blocks: [Int: [(column: Int, literal: String, container: Int)]] = [:]
        // Lines of raw HTML and indented code, for the message of a marker inside them.
        var rawLines: [(ClosedRange<Int>, String)] = []
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let startLine = Int(cmark_node_get_start_line(node))
            let startColumn = Int(cmark_node_get_start_column(node))
            let endLine = max(startLine, Int(cmark_node_get_end_line(node)))
            switch cmark_node_get_type(node) {
            case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_ITEM, CMARK_NODE_LIST:
                containers[node] = containers.count
            case CMARK_NODE_CODE:
                code.append((startLine, startColumn, Int(cmark_node_get_end_line(node)), Int(cmark_node_get_end_column(node))))
            case CMARK_NODE_CODE_BLOCK:
                if isFenced(line: startLine, column: startColumn) {
                    code.append((startLine, 1, endLine, Int.max))
                } else {
                    rawLines.append((startLine...endLine, "inside an indented code block"))
                }
            case CMARK_NODE_HTML_BLOCK:
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                let parent = cmark_node_parent(node).flatMap { containers[$0] } ?? 0
                blocks[startLine, default: []].append((startColumn, literal, parent))
                rawLines.append((startLine...max(startLine, startLine + literal.utf8.filter { $0 == 0x0A }.count - 1), "inside raw HTML"))
            default:
                break
            }
        }
        candidates.removeAll { marker in
            code.contains { span in
                (marker.line, marker.byteColumn) >= (span.0, span.1) && (marker.line, marker.byteColumn) <= (span.2, span.3)
            }
        }
        for index in candidates.indices {
            let marker = candidates[index]
            // An HTML block starting on the marker's line that is nothing but one marker comment
            // (its literal may start with the spaces of an indent, and a comment split over lines
            // inside a quote or list item has lost its prefixes there, so compare what it says).
            if let block = blocks[marker.line]?.first, Self.kind(ofHTML: block.literal) == marker.kind,
               block.column <= marker.byteColumn {
                candidates[index].standalone = true
                candidates[index].container = block.container
            } else if let raw = rawLines.first(where: { $0.0.contains(marker.line) }) {
                candidates[index].placement = raw.1
            }
        }
    }

    /// The 1-based line of a byte offset.
    func line(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count
        // The number of line starts at or before `offset`.
        while low < high {
            let middle = (low + high) / 2
            if lineStarts[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        return max(low, 1)
    }

    /// Whether the code block starting there opens with a fence (``` or ~~~), not an indent.
    func isFenced(line: Int, column: Int) -> Bool {
        guard line >= 1, line <= lineStarts.count else { return false }
        let at = lineStarts[line - 1] + column - 1
        guard at >= 0, at < bytes.count else { return false }
        return bytes[at] == UInt8(ascii: "`") || bytes[at] == UInt8(ascii: "~")
    }
}
