/// The cases `LeakHunt` puts in its documents: well-formed internal sections and misuses of
/// the markers.
extension LeakHunt {
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
