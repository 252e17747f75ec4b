/// `<!-- internal -->` ... `<!-- /internal -->`: text for the internal wiki only.
///
/// For every other audience the sections are cut out of the body's source before cmark parses it
/// (`prepare`), so nothing written inside them (a link reference definition, a footnote
/// definition, anything later syntax adds) can surface outside them, and every later pass reads
/// the same cut text. The cut keeps every line where it was and every character after it in its
/// column, so positions in diagnostics stay those of the file. Markers fail closed: a marker that
/// is not on a line of its own, or a section that is not closed in the block it was opened in,
/// still hides everything up to its close (or to the end of the body), and is an error for those
/// audiences. The internal wiki shows everything; its markers are taken out of the tree
/// (`removeMarkers`) and their problems are warnings.
public enum InternalSections {
    /// A body ready for cmark.
    struct Prepared {
        var text: String
        /// The lines (1-based, of the body) that were cut, in whole or in part.
        var cutLines: [ClosedRange<Int>] = []
        /// What is wrong with the markers: errors outside the internal wiki, warnings in it.
        var problems: [(SourcePosition, String)] = []
    }

    static func name(_ kind: InternalMarkers.Kind) -> String {
        kind == .open ? "'<!-- internal -->'" : "'<!-- /internal -->'"
    }

    /// Finds the sections of `body` (whose first line is line `lineOffset + 1` of its file) and,
    /// unless `keep`, cuts them out.
    static func prepare(_ body: String, lineOffset: Int, keep: Bool) -> Prepared {
        let found = InternalMarkers(body)
        guard !found.markers.isEmpty else { return Prepared(text: body) }
        var prepared = Prepared(text: body)
        func report(_ marker: InternalMarkers.Marker, _ message: String) {
            prepared.problems.append((SourcePosition(line: marker.line + lineOffset, column: marker.column), message))
        }
        let hideNote = "outside the internal wiki everything up to its close is left out"
        var cuts: [Range<Int>] = []
        var open: InternalMarkers.Marker?
        for marker in found.markers {
            if !marker.standalone {
                report(marker, "\(name(marker.kind)) must stand on a line of its own, but it is \(marker.placement); \(hideNote)")
            }
            switch marker.kind {
            case .open:
                if let open {
                    report(marker, "'<!-- internal -->' inside an internal section opened at line \(open.line + lineOffset)")
                } else {
                    open = marker
                }
            case .close:
                guard let opened = open else {
                    report(marker, "'<!-- /internal -->' without an opening '<!-- internal -->'")
                    cuts.append(marker.range)
                    continue
                }
                if opened.standalone && marker.standalone && opened.container != marker.container {
                    report(opened, "the internal section opened here closes at line \(marker.line + lineOffset) in another block "
                           + "(a list item, a quote or the page itself): open and close it at the same level")
                }
                cuts.append(opened.range.lowerBound..<marker.range.upperBound)
                open = nil
            }
        }
        if let open {
            report(open, "'<!-- internal -->' is never closed with '<!-- /internal -->'; outside the internal wiki everything after it is left out")
            cuts.append(open.range.lowerBound..<found.bytes.count)
        }
        guard !keep else { return prepared }
        prepared.text = cut(found.bytes, cuts)
        prepared.cutLines = cuts.map { range in found.line(of: range.lowerBound)...found.line(of: max(range.lowerBound, range.upperBound - 1)) }
        return prepared
    }

    /// `bytes` with every range blanked: line ends stay, each character becomes a space (so what
    /// follows on the line keeps its column), and the lines after the first keep the prefix the
    /// first line had before its marker (`> `, a list item's indentation), so the quote or list
    /// around the section goes on around the gap.
    static func cut(_ bytes: [UInt8], _ ranges: [Range<Int>]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var position = 0
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) where range.upperBound > position {
            let start = max(range.lowerBound, position)
            output += bytes[position..<start]
            var lineStart = start
            while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
            let before = bytes[lineStart..<start]
            let prefix = before.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: ">") }) ? Array(before) : []
            var column = -1  // on the first line, nothing of the prefix is repeated
            for index in start..<range.upperBound {
                let byte = bytes[index]
                if byte == 0x0A {
                    output.append(byte)
                    column = 0
                    continue
                }
                if column >= 0, column < prefix.count, byte == prefix[column] {
                    output.append(byte)
                    column += 1
                    continue
                }
                if column >= 0 { column = Int.max }
                // One space per character: continuation bytes of UTF-8 add nothing.
                if byte & 0xC0 != 0x80 { output.append(0x20) }
            }
            position = range.upperBound
        }
        output += bytes[position...]
        return String(decoding: output, as: UTF8.self)
    }

    /// The tree without its marker comments (the internal wiki, where the sections stay).
    static func removeMarkers(_ node: MarkdownNode) -> MarkdownNode {
        var node = node
        node.children = node.children.compactMap { child in
            switch child.kind {
            case .htmlBlock(let html), .htmlInline(let html):
                return InternalMarkers.kind(ofHTML: html) == nil ? child : nil
            default:
                return child.children.isEmpty ? child : removeMarkers(child)
            }
        }
        return node
    }

    static func collectHeadings(_ node: MarkdownNode, into headings: inout [MarkdownNode]) {
        if case .heading = node.kind { headings.append(node) }
        for child in node.children { collectHeadings(child, into: &headings) }
    }
}
