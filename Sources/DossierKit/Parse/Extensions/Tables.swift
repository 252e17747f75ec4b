/// GitHub Flavored Markdown tables, found in the source lines of paragraphs that cmark parsed.
/// Cells are split before inline parsing (a `|` splits cells even inside code spans unless it is
/// escaped), then each cell's text is parsed by cmark as inline content.
enum Tables {
    /// Splits one row into cell texts, with escaped pipes (`\|`) unescaped. Leading and trailing
    /// pipes are optional; cells are trimmed.
    static func cells(_ line: Substring) -> (cells: [String], pipes: Int) {
        var cells: [String] = []
        var current = ""
        var pipes = 0
        var endsWithPipe = false
        var iterator = line.trimmedSpaces().makeIterator()
        while let character = iterator.next() {
            endsWithPipe = false
            if character == "\\" {
                if let next = iterator.next() {
                    if next == "|" { current.append("|") } else { current.append("\\"); current.append(next) }
                } else {
                    current.append("\\")
                }
                continue
            }
            if character == "|" {
                pipes += 1
                cells.append(current)
                current = ""
                endsWithPipe = true
                continue
            }
            current.append(character)
        }
        cells.append(current)
        // A leading pipe leaves an empty first cell, a trailing pipe an empty last one.
        if line.trimmedSpaces().hasPrefix("|"), !cells.isEmpty { cells.removeFirst() }
        if endsWithPipe, !cells.isEmpty { cells.removeLast() }
        return (cells.map { $0.trimmedSpaces() }, pipes)
    }

    /// The alignments of a delimiter row such as `| :--- | :-: | --: |`, or nil when it is not one.
    static func delimiterRow(_ line: Substring) -> [MarkdownNode.TableAlignment]? {
        let split = cells(line)
        guard split.pipes > 0 || line.contains("|") || split.cells.count > 1 else { return nil }
        var alignments: [MarkdownNode.TableAlignment] = []
        for cell in split.cells {
            var text = Substring(cell)
            let left = text.hasPrefix(":")
            let right = text.hasSuffix(":")
            if left { text = text.dropFirst() }
            if right && !text.isEmpty { text = text.dropLast() }
            guard !text.isEmpty, text.allSatisfy({ $0 == "-" }) else { return nil }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return alignments.isEmpty ? nil : alignments
    }

    /// Where a table starts in a paragraph's lines: the header row's index and the alignments.
    static func find(in lines: [Substring]) -> (header: Int, alignments: [MarkdownNode.TableAlignment])? {
        guard lines.count >= 2 else { return nil }
        for index in 0..<(lines.count - 1) {
            guard let alignments = delimiterRow(lines[index + 1]) else { continue }
            let header = cells(lines[index])
            if header.cells.count == alignments.count && (header.pipes > 0 || lines[index + 1].contains("|")) {
                return (index, alignments)
            }
        }
        return nil
    }
}
