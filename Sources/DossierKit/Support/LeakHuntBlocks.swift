/// The pieces `LeakHunt` builds its documents from: inline text, leaf blocks and containers
/// (lists, block quotes, callouts), each holding markers.
extension LeakHunt {
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
