/// Generates Markdown documents that hide unique markers (`LEAK` and ten hex digits) inside
/// internal sections, in every context the syntax allows: lists (tight, loose, ordered, nested,
/// task lists), block quotes and callouts, tables, ATX and setext headings, links and images
/// (text, URL, title), link reference definitions and footnote definitions used from public text,
/// code spans and code blocks, raw HTML, wiki links, autolinks, emphasis; with the section markers
/// written in every spelling the rules accept and placed on their own lines, inside list items
/// and block quotes, at the end of a paragraph or in its middle. Deterministic for a seed.
///
/// `LeakHuntRun` builds the documents for every audience and checks that no marker leaves the
/// internal wiki (and that the internal wiki shows each one, so the check is not vacuous).
public struct LeakHunt: Sendable {
    /// One internal section with the public text around it (or, when not `wellFormed`, a use of
    /// the markers the rules may refuse: unclosed, stray, nested, across containers...).
    public struct Case: Sendable {
        /// What the case exercises, e.g. "own line in list item > block quote; table; <!--- internal --->".
        public var kind: String
        public var lines: [String]
        /// Every marker inside the section.
        public var markers: [String]
        /// Markers the internal wiki must show.
        public var shown: [String]
        /// Markers the internal wiki shows only when raw HTML is let through (`unsafe_html`).
        public var shownWithRawHTML: [String]
        /// Public references to definitions inside the section (`[see][r1]`, `[^f2]`).
        public var uses: [String]
        public var wellFormed: Bool
    }

    public struct Document: Sendable {
        /// The page id (`kb/<id>.md`, `filings/<id>.md`, `filings/<id>-note.md`).
        public var id: String
        public var cases: [Case]
        /// How the files are written: `"\n"`, `"\r\n"` or a lone `"\r"` (all accepted).
        public var lineEnding = "\n"

        public var markdown: String {
            var lines = ["Hunt document \(id): a public introduction.", ""]
            for item in cases {
                lines += item.lines
                lines.append("")
            }
            let uses = cases.flatMap(\.uses)
            if !uses.isEmpty { lines.append("Public references: " + uses.joined(separator: ", ") + ".") }
            return lines.joined(separator: "\n") + "\n"
        }

        public var markers: [String] { cases.flatMap(\.markers) }
        public var wellFormed: Bool { cases.allSatisfy(\.wellFormed) }

        /// Markers the internal wiki must show.
        public func shown(rawHTML: Bool) -> [String] {
            cases.flatMap { $0.shown + (rawHTML ? $0.shownWithRawHTML : []) }
        }

        /// The document with one of its cases only (to report the smallest document that leaks).
        public func only(_ index: Int) -> Document {
            Document(id: id, cases: [cases[index]], lineEnding: lineEnding)
        }

        /// `text` (written with `\n`) with this document's line endings.
        public func withLineEndings(_ text: String) -> String {
            lineEnding == "\n" ? text : text.replacingOccurrences(of: "\n", with: lineEnding)
        }
    }

    /// Section marker spellings: opening, closing.
    public static let spellings: [(open: String, close: String)] = [
        ("<!-- internal -->", "<!-- /internal -->"),
        ("<!--internal-->", "<!--/internal-->"),
        ("<!--- internal --->", "<!--- /internal --->"),
        ("<!-- INTERNAL -->", "<!-- /INTERNAL -->"),
        ("<!-- internal: payment terms -->", "<!-- /internal -->"),
        ("<!-- Internal -->", "<!-- / internal -->"),
        ("<!--\ninternal\n-->", "<!--\n/internal\n-->"),
        ("<!--   internal   -->", "<!-- /internal: payment terms -->"),
        ("<!---- internal ---->", "<!---- / internal ---->"),
        ("<!-- internal (not for the client) -->", "<!-- / INTERNAL -->"),
        ("<!--\n  Internal: fees\n-->", "<!-- /internal -->"),
    ]

    public let seed: UInt64
    var random: SplitMix64
    var serial = 0

    public init(seed: UInt64) {
        self.seed = seed
        random = SplitMix64(seed: seed)
    }

    // MARK: - Randomness

    mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &random) < probability }

    mutating func next() -> Int {
        serial += 1
        return serial
    }

    /// A marker unique within this generator: `LEAK` and ten upper-case hex digits.
    mutating func marker() -> String {
        let value = (UInt64(random.next() & 0xFFFF) << 24) | UInt64(next() & 0xFF_FFFF)
        let hex = String(value, radix: 16, uppercase: true)
        return "LEAK" + String(repeating: "0", count: max(0, 10 - hex.count)) + hex
    }

    // MARK: - Documents

    /// A document of one to three well-formed cases, or (`wellFormed: false`) one misuse of the
    /// markers, sometimes with a well-formed case before it.
    public mutating func document(wellFormed: Bool = true) -> Document {
        let id = "hunt-\(next())"
        var cases: [Case] = []
        if wellFormed {
            for _ in 0..<int(1...3) { cases.append(placed()) }
        } else {
            if chance(0.3) { cases.append(placed()) }
            cases.append(misuse())
        }
        let ending = [String](repeating: "\n", count: 17) + ["\r\n", "\r\n", "\r"]
        return Document(id: id, cases: cases, lineEnding: ending[int(0..<ending.count)])
    }

    // MARK: - Pieces

    /// Text with markers.
    struct Piece {
        var text: String
        var markers: [String] = []
        var shown: [String] = []
        var shownWithRawHTML: [String] = []
        var uses: [String] = []
        var kind: String

        static func + (lhs: Piece, rhs: Piece) -> Piece {
            Piece(text: lhs.text + rhs.text, markers: lhs.markers + rhs.markers, shown: lhs.shown + rhs.shown,
                  shownWithRawHTML: lhs.shownWithRawHTML + rhs.shownWithRawHTML, uses: lhs.uses + rhs.uses,
                  kind: [lhs.kind, rhs.kind].filter { !$0.isEmpty }.joined(separator: ", "))
        }
    }

    /// Lines with markers.
    struct Block {
        var lines: [String]
        var markers: [String] = []
        var shown: [String] = []
        var shownWithRawHTML: [String] = []
        var uses: [String] = []
        var kind: String
        /// The last line is a plain paragraph line (a closing marker may follow it on the same line).
        var endsInParagraph = false
        /// The last block is a raw HTML block, which only a blank line ends.
        var endsInHTML = false

        init(_ lines: [String], _ piece: Piece, kind: String? = nil, endsInParagraph: Bool = false) {
            self.lines = lines
            markers = piece.markers
            shown = piece.shown
            shownWithRawHTML = piece.shownWithRawHTML
            uses = piece.uses
            self.kind = kind ?? piece.kind
            self.endsInParagraph = endsInParagraph
        }
    }

    /// Inline Markdown holding a marker. `table`: no `|` and no line break; `line`: no line break.
    mutating func inline(table: Bool = false, line: Bool = false) -> Piece {
        let m = marker()
        while true {
            switch int(0..<20) {
            case 0: return Piece(text: "secret \(m)", markers: [m], shown: [m], kind: "text")
            case 1: return Piece(text: "*\(m)*", markers: [m], shown: [m], kind: "emphasis")
            case 2: return Piece(text: "**\(m) strong**", markers: [m], shown: [m], kind: "strong")
            case 3: return Piece(text: "_emphasised \(m)_", markers: [m], shown: [m], kind: "underscore emphasis")
            case 4: return Piece(text: "~~\(m)~~", markers: [m], shown: [m], kind: "strikethrough")
            case 5: return Piece(text: chance(0.5) ? "`\(m)`" : "`` code ` \(m) ``", markers: [m], shown: [m], kind: "code span")
            case 6: return Piece(text: "[\(m)](https://public.example/page)", markers: [m], shown: [m], kind: "link text")
            case 7: return Piece(text: "[the terms](https://intranet.example/\(m))", markers: [m], shown: [m], kind: "link URL")
            case 8: return Piece(text: "[the terms](https://public.example/ \"\(m)\")", markers: [m], shown: [m], kind: "link title")
            case 9:
                let url = marker(), title = marker()
                return Piece(text: "![\(m)](https://intranet.example/\(url).png \"\(title)\")", markers: [m, url, title],
                             shown: [m, url, title], kind: "image alt, URL and title")
            case 10: return Piece(text: "<kbd>\(m)</kbd>", markers: [m], shown: [m], kind: "text in inline HTML")
            case 11:
                let inner = marker()
                return Piece(text: "<span title=\"\(m)\">\(inner)</span>", markers: [m, inner], shown: [inner],
                             shownWithRawHTML: [m], kind: "inline HTML attribute")
            case 12 where !table:
                let target = ["public-one", "permits/alpha", "public-two#public-question", "kb/public-two"][int(0..<4)]
                return Piece(text: "[[\(target)|\(m)]]", markers: [m], shown: [m], kind: "wiki link label")
            case 13: return Piece(text: "<https://intranet.example/\(m)>", markers: [m], shown: [m], kind: "autolink")
            case 14: return Piece(text: "https://intranet.example/\(m) then", markers: [m], shown: [m], kind: "bare URL")
            case 15:
                return Piece(text: "&#x4C;" + m.dropFirst(), markers: [m], shown: [m], kind: "entity-encoded marker")
            case 16: return Piece(text: "*see [\(m)](https://public.example/) now*", markers: [m], shown: [m], kind: "link in emphasis")
            case 17 where !table && !line:
                let second = marker()
                return Piece(text: "\(m)\\\nline two \(second)", markers: [m, second], shown: [m, second], kind: "hard line break")
            case 18: return Piece(text: "<\(m)@intranet.example>", markers: [m], shown: [m], kind: "e-mail autolink")
            case 19 where !table && !line:
                let second = marker()
                return Piece(text: "\(m) soft\nbreak \(second)", markers: [m, second], shown: [m, second], kind: "soft line break")
            default: continue
            }
        }
    }

    /// A leaf block holding markers.
    mutating func leaf() -> Block {
        switch int(0..<17) {
        case 0, 1:
            let piece = inline()
            return Block(["Secret paragraph with " + piece.text + " in it."], piece, kind: "paragraph: " + piece.kind,
                         endsInParagraph: !piece.text.contains("\n"))
        case 2:
            let piece = inline(line: true)
            let level = int(1...6)
            return Block([String(repeating: "#", count: level) + " Heading " + piece.text], piece, kind: "ATX heading: " + piece.kind)
        case 3:
            let piece = inline(line: true)
            return Block(["Heading " + piece.text, chance(0.5) ? "=======" : "-------"], piece, kind: "setext heading: " + piece.kind)
        case 4:
            var piece = inline(table: true)
            var rows = ["| Item | Note |", "| --- | :-: |", "| " + piece.text + " | fee |"]
            if chance(0.5) {
                let second = inline(table: true)
                rows.append("| other | " + second.text + " |")
                piece = piece + second
            }
            return Block(rows, piece, kind: "table cell: " + piece.kind)
        case 5:
            let m = marker()
            let fence = chance(0.5) ? "```" : "~~~"
            return Block([fence + (chance(0.5) ? "text" : ""), "secret \(m)", fence], Piece(text: "", markers: [m], shown: [m], kind: ""),
                         kind: "fenced code block")
        case 6:
            let m = marker()
            return Block(["Code follows:", "", "    secret \(m)", "    more code"], Piece(text: "", markers: [m], shown: [m], kind: ""),
                         kind: "indented code block")
        case 7:
            let attribute = marker(), text = marker()
            var block = Block(["<div class=\"hunt\" title=\"\(attribute)\">", "raw \(text)", "</div>"],
                              Piece(text: "", markers: [attribute, text], shownWithRawHTML: [attribute, text], kind: ""),
                              kind: "raw HTML block")
            block.endsInHTML = true
            return block
        case 8:
            let url = marker(), title = marker()
            let label = "r\(next())"
            let lines = chance(0.5)
                ? ["[\(label)]: https://intranet.example/\(url) \"\(title) title\""]
                : ["[\(label)]:", "  <https://intranet.example/\(url)>", "  '\(title) title'"]
            let use = ["[see][\(label)]", "[\(label)]", "[\(label)][]"][int(0..<3)]
            return Block(lines, Piece(text: "", markers: [url, title], shown: [url, title], uses: [use], kind: ""),
                         kind: "link reference definition used outside")
        case 9:
            let m = marker()
            let label = "f\(next())"
            let lines: [String]
            switch int(0..<3) {
            case 0: lines = ["[^\(label)]: Footnote \(m)."]
            case 1: lines = ["[^\(label)]: https://intranet.example/\(m)"]
            default: lines = ["[^\(label)]: First part.", "", "    Second paragraph \(m)."]
            }
            return Block(lines, Piece(text: "", markers: [m], shown: [m], uses: ["[^\(label)]"], kind: ""),
                         kind: "footnote definition used outside")
        case 10:
            let piece = inline()
            return Block(["- [ ] task " + piece.text.replacingOccurrences(of: "\n", with: "\n  "), "- [x] done"], piece,
                         kind: "task list: " + piece.kind)
        case 11:
            let piece = inline()
            let kind = ["NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"][int(0..<5)]
            return Block(quoted(["[!\(kind)]", "Callout " + piece.text]), piece, kind: "callout: " + piece.kind)
        case 12:
            let m = marker()
            return Block(["<!-- a comment about \(m) -->"], Piece(text: "", markers: [m], shownWithRawHTML: [m], kind: ""),
                         kind: "HTML comment")
        case 13:
            // The markers' syntax shown as code inside a section: not markers, so the section
            // still runs to its real close.
            let m = marker()
            if chance(0.5) {
                let fence = chance(0.5) ? "```" : "~~~"
                return Block(["How to hide a section:", "", fence + "markdown", "<!-- /internal -->", "secret \(m)", "<!-- internal -->",
                              fence], Piece(text: "", markers: [m], shown: [m], kind: ""),
                             kind: "marker syntax in a fenced code block")
            }
            return Block(["Write `<!-- /internal -->` after secret \(m) and `<!-- internal -->` before it."],
                         Piece(text: "", markers: [m], shown: [m], kind: ""), kind: "marker syntax in code spans", endsInParagraph: true)
        default:
            let first = inline(), second = inline()
            return Block(["First " + first.text + " and", "second " + second.text + "."], first + second,
                         kind: "two-line paragraph: " + first.kind + "; " + second.kind, endsInParagraph: true)
        }
    }

    /// A block of one to `depth` levels: leaves in lists, block quotes and callouts.
    mutating func content(depth: Int) -> Block {
        guard depth > 1, chance(0.7) else { return leaf() }
        switch int(0..<5) {
        case 0, 1:
            var inner = content(depth: depth - 1)
            var items: [[String]] = []
            var kinds = [inner.kind]
            for _ in 0..<int(0...2) {
                let sibling = inline()
                items.append(["Item " + sibling.text])
                inner.merge(sibling)
                kinds.append(sibling.kind)
            }
            items.insert(inner.lines, at: int(0...items.count))
            let ordered = chance(0.3), loose = chance(0.5)
            inner.lines = listed(items, ordered: ordered, loose: loose)
            inner.kind = "\(loose ? "loose" : "tight") \(ordered ? "ordered" : "bullet") list [" + kinds.joined(separator: "; ") + "]"
            inner.endsInParagraph = false
            inner.endsInHTML = false
            return inner
        case 2:
            var inner = content(depth: depth - 1)
            inner.lines = quoted(inner.lines)
            inner.kind = "block quote [" + inner.kind + "]"
            inner.endsInParagraph = false
            inner.endsInHTML = false
            return inner
        case 3:
            var inner = content(depth: depth - 1)
            inner.lines = quoted(["[!WARNING]"] + inner.lines)
            inner.kind = "callout [" + inner.kind + "]"
            inner.endsInParagraph = false
            inner.endsInHTML = false
            return inner
        default:
            var first = content(depth: depth - 1)
            let second = content(depth: depth - 1)
            first.lines += [""] + second.lines
            first.kind += " + " + second.kind
            first.merge(second)
            first.endsInParagraph = second.endsInParagraph
            first.endsInHTML = second.endsInHTML
            return first
        }
    }

    // MARK: - Containers

    func quoted(_ lines: [String]) -> [String] {
        lines.map { $0.isEmpty ? ">" : "> " + $0 }
    }

    func listed(_ items: [[String]], ordered: Bool, loose: Bool) -> [String] {
        var output: [String] = []
        for (index, item) in items.enumerated() {
            let bullet = ordered ? "\(index + 1). " : "- "
            if index > 0 && loose { output.append("") }
            for (number, line) in item.enumerated() {
                if number == 0 {
                    output.append(bullet + line)
                } else {
                    output.append(line.isEmpty ? "" : String(repeating: " ", count: bullet.count) + line)
                }
            }
        }
        return output
    }

    /// Puts lines in zero to two containers (list item with public siblings, block quote, callout).
    mutating func contained(_ lines: [String], kind: inout String) -> [String] {
        var lines = lines
        var path: [String] = []
        for _ in 0..<[0, 0, 1, 1, 2][int(0..<5)] {
            switch int(0..<4) {
            case 0, 1:
                let ordered = chance(0.3), loose = chance(0.5)
                var items: [[String]] = []
                for _ in 0..<int(0...2) { items.append(["Public item \(next())."]) }
                items.insert(lines, at: int(0...items.count))
                lines = listed(items, ordered: ordered, loose: loose)
                path.append("\(loose ? "loose" : "tight") \(ordered ? "ordered" : "bullet") list item")
            case 2:
                lines = quoted(chance(0.5) ? ["Public quote \(next()).", ""] + lines : lines)
                path.append("block quote")
            default:
                lines = quoted(["[!NOTE]"] + lines)
                path.append("callout")
            }
        }
        if !path.isEmpty { kind += " inside " + path.reversed().joined(separator: " > ") }
        return lines
    }

    static func lines(_ text: String) -> [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    // MARK: - Well-formed sections

    /// One internal section, its markers in one of the accepted spellings, on lines of their own
    /// (at any block level); or, with `inParagraph`, at the end of a paragraph or in its middle,
    /// which the rules refuse outside the internal wiki (so these are misuses).
    mutating func placed(inParagraph: Bool = false) -> Case {
        let spelling = Self.spellings[int(0..<Self.spellings.count)]
        let open = Self.lines(spelling.open), close = Self.lines(spelling.close)
        let spelled = "open \(spelling.open.debugDescription) close \(spelling.close.debugDescription)"
        var lines: [String] = []
        if chance(0.4) { lines += ["Public paragraph \(next()).", ""] }
        var block: Block
        var kind: String
        switch inParagraph ? int(6..<10) : 0 {
        case 0:
            // Markers on their own lines.
            block = content(depth: int(1...3))
            kind = "own-line markers around " + block.kind
            var body: [String] = []
            switch int(0..<3) {
            case 0: body += ["Public lead-in \(next())."]
            case 1: body += ["Public lead-in \(next()).", ""]
            default: break
            }
            // Up to three spaces before the marker (not on an item's first line: that would move the item's content).
            let indent = String(repeating: " ", count: body.isEmpty ? 0 : [0, 0, 0, 1, 2, 3][int(0..<6)])
            body += [indent + open[0]] + open.dropFirst()
            if chance(0.5) { body.append("") }
            body += block.lines
            if block.endsInHTML || chance(0.5) { body.append("") }
            body += close
            switch int(0..<3) {
            case 0: body += ["Public tail \(next())."]
            case 1: body += ["", "Public tail \(next())."]
            default: break
            }
            lines += contained(body, kind: &kind)
        case 6..<8:
            // Opening marker at the end of a paragraph, the section's lines after it.
            block = content(depth: int(1...2))
            kind = "opening marker ending a paragraph, then " + block.kind
            var body = ["Public text before the section \(next()) " + open[0]] + open.dropFirst()
            body += block.lines
            if block.endsInHTML { body.append("") }
            if block.endsInParagraph && close.count == 1 && chance(0.4) {
                body[body.count - 1] += " " + close[0]
                kind += " (closing marker ends the last line)"
            } else {
                body += close
            }
            if chance(0.5) { body += ["", "Public tail \(next())."] }
            lines += contained(body, kind: &kind)
        default:
            // Both markers in the middle of a paragraph.
            var piece = inline()
            for _ in 0..<int(0...2) { piece = piece + Piece(text: chance(0.3) ? "\n" : " ", kind: "") + inline() }
            block = Block([], piece)
            kind = "markers in the middle of a paragraph around " + piece.kind
            let spacing = chance(0.5) ? " " : ""
            let text = "Public before \(next()) " + spelling.open + spacing + piece.text + spacing + spelling.close + " public after."
            lines += contained(Self.lines(text), kind: &kind)
        }
        return Case(kind: (inParagraph ? "misuse: " : "") + kind + "; " + spelled, lines: lines, markers: block.markers,
                    shown: block.shown, shownWithRawHTML: block.shownWithRawHTML, uses: block.uses, wellFormed: !inParagraph)
    }

    // MARK: - Misuses

    /// A use of the markers the rules may refuse (an error for briefs and the public site); either
    /// way, nothing inside may leak.
    mutating func misuse() -> Case {
        if chance(0.4) { return placed(inParagraph: true) }
        let spelling = Self.spellings[int(0..<Self.spellings.count)]
        let open = spelling.open, close = spelling.close
        let spelled = "open \(open.debugDescription) close \(close.debugDescription)"
        var block = content(depth: int(1...2))
        var kind: String
        var lines: [String]
        switch int(0..<15) {
        case 14:
            let m = marker()
            block = Block([], Piece(text: "", markers: [m], shown: [m], kind: ""))
            kind = "marker syntax in an indented code block inside the section"
            lines = Self.lines(open) + ["Example:", "", "    <!-- /internal -->", "    secret \(m)", "    <!-- internal -->", ""]
                + Self.lines(close)
        case 0:
            kind = "opening marker never closed"
            lines = ["Public lead \(next())."] + Self.lines(open) + block.lines
        case 1:
            kind = "stray closing marker, then a section"
            lines = Self.lines(close) + ["", "Public \(next()).", ""] + Self.lines(open) + block.lines + [""] + Self.lines(close)
        case 2:
            kind = "opening marker twice, one close"
            let second = content(depth: 1)
            lines = Self.lines(open) + block.lines + [""] + Self.lines(open) + second.lines + [""] + Self.lines(close)
            block.merge(second)
        case 3:
            kind = "opened in a list item, closed after the list"
            lines = listed([["Public item \(next())."], Self.lines(open) + block.lines], ordered: false, loose: chance(0.5))
                + [""] + Self.lines(close)
        case 4:
            kind = "opened in a block quote, closed after it"
            lines = quoted(Self.lines(open) + block.lines) + [""] + Self.lines(close)
        case 5:
            let piece = inline(table: true)
            block = Block([], piece)
            kind = "markers in a table cell around " + piece.kind
            lines = ["| Item | Note |", "| --- | --- |", "| public \(open.replacingOccurrences(of: "\n", with: " ")) \(piece.text) "
                     + "\(close.replacingOccurrences(of: "\n", with: " ")) | fee |"]
        case 6:
            let piece = inline(line: true)
            block = Block([], piece)
            kind = "markers in a heading around " + piece.kind
            lines = ["## Public heading \(open.replacingOccurrences(of: "\n", with: " "))\(piece.text)"
                     + "\(close.replacingOccurrences(of: "\n", with: " "))"]
        case 7:
            let m = marker()
            block = Block([], Piece(text: "", markers: [m], shown: [m], kind: ""))
            kind = "markers inside link text"
            lines = ["See [public \(open)\(m)\(close) text](https://public.example/)."]
        case 8:
            let piece = inline()
            block = Block([], piece)
            kind = "markers inside emphasis around " + piece.kind
            lines = Self.lines("*public \(open)\(piece.text)\(close) more*")
        case 9:
            kind = "closed with the old spelling <!-- end-internal -->"
            lines = Self.lines(open) + block.lines + ["", "<!-- end-internal -->"]
        case 10:
            kind = "opening marker ending a paragraph, a blank line, then the section"
            lines = Self.lines("Public text \(next()) " + open) + [""] + block.lines + [""] + Self.lines(close)
        case 11:
            kind = "closing marker followed by text on its line"
            lines = Self.lines(open) + block.lines + [""] + Self.lines(close + " public tail.")
        case 12:
            let m = marker()
            block = Block([], Piece(text: "", markers: [m], shown: [m], kind: ""))
            kind = "a closing marker inside a fenced code block inside the section"
            lines = Self.lines(open) + ["```html", "<!-- /internal -->", "secret \(m)", "```"] + Self.lines(close)
        default:
            kind = "markers inside a raw HTML block"
            lines = ["<div>"] + Self.lines(open) + block.lines + Self.lines(close) + ["</div>"]
            // Raw HTML (up to a blank line): shown only when raw HTML is let through.
            block.shownWithRawHTML += block.shown
            block.shown = []
        }
        return Case(kind: "misuse: " + kind + " [" + block.kind + "]; " + spelled, lines: lines, markers: block.markers,
                    shown: block.shown, shownWithRawHTML: block.shownWithRawHTML, uses: block.uses, wellFormed: false)
    }
}

extension LeakHunt.Block {
    mutating func merge(_ piece: LeakHunt.Piece) {
        markers += piece.markers
        shown += piece.shown
        shownWithRawHTML += piece.shownWithRawHTML
        uses += piece.uses
    }

    mutating func merge(_ block: LeakHunt.Block) {
        markers += block.markers
        shown += block.shown
        shownWithRawHTML += block.shownWithRawHTML
        uses += block.uses
    }
}
