/// Passes over the text of inline content: extended autolinks and strikethrough.
enum InlineExtensions {
    static func apply(to node: inout MarkdownNode) {
        switch node.kind {
        case .codeBlock, .htmlBlock, .code, .htmlInline:
            return
        case .link, .image, .wikiLink:
            // Autolinks never nest in links; strikethrough still may.
            Strikethrough.apply(to: &node.children)
            for index in node.children.indices { applyStrikethroughOnly(to: &node.children[index]) }
            return
        default:
            break
        }
        for index in node.children.indices { apply(to: &node.children[index]) }
        step(&node)
    }

    /// Autolinks and strikethrough in the text among `node`'s own children (a node that is
    /// neither code nor a link, whose children already passed).
    static func step(_ node: inout MarkdownNode) {
        if node.children.contains(where: { if case .text = $0.kind { return true } else { return false } }) {
            node.children = Autolinks.apply(to: node.children)
            Strikethrough.apply(to: &node.children)
        }
    }

    static func applyStrikethroughOnly(to node: inout MarkdownNode) {
        for index in node.children.indices { applyStrikethroughOnly(to: &node.children[index]) }
        Strikethrough.apply(to: &node.children)
    }
}

/// GFM's extended autolinks: `www.`, `http://`, `https://` and e-mail addresses in text. An
/// autolink also ends before Chinese punctuation (`，。；：）」` ...), and may directly follow
/// Chinese text.
enum Autolinks {
    static func apply(to nodes: [MarkdownNode]) -> [MarkdownNode] {
        var result: [MarkdownNode] = []
        for node in nodes {
            guard case .text(let text) = node.kind, text.has(".") || text.has(":") else {
                result.append(node)
                continue
            }
            result.append(contentsOf: link(text, at: node.position))
        }
        return result
    }

    static func isCJKPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return false }
        if (0x3000...0x303F).contains(scalar.value) || (0xFF00...0xFF0F).contains(scalar.value)
            || (0xFF1A...0xFF20).contains(scalar.value) || (0xFF3B...0xFF40).contains(scalar.value)
            || (0xFF5B...0xFF65).contains(scalar.value) || (0x2010...0x205E).contains(scalar.value) {
            return true
        }
        switch scalar.properties.generalCategory {
        case .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation, .dashPunctuation:
            return true
        default:
            return false
        }
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar.properties.isWhitespace
    }

    /// Whether a `www.` autolink may start after `previous` (nil: start of the text).
    static func canStart(after previous: Unicode.Scalar?) -> Bool {
        guard let previous else { return true }
        if isSpace(previous) || "*_~(".unicodeScalars.contains(previous) { return true }
        return !previous.isASCII
    }

    /// Whether a `http://` autolink may start after `previous`: anything but a letter (so the
    /// scheme is the whole word).
    static func canStartScheme(after previous: Unicode.Scalar?) -> Bool {
        guard let previous else { return true }
        return !(previous.isASCII && previous.properties.isAlphabetic)
    }

    static func isDomainScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
        }
        return !isCJKPunctuation(scalar) && !isSpace(scalar)
    }

    /// Length of a valid domain at `start`, or nil.
    static func domain(_ scalars: [Unicode.Scalar], from start: Int, needsPeriod: Bool) -> Int? {
        var index = start
        var segments: [String] = [""]
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "." {
                guard index + 1 < scalars.count, isDomainScalar(scalars[index + 1]) else { break }
                segments.append("")
            } else if isDomainScalar(scalar) {
                segments[segments.count - 1].unicodeScalars.append(scalar)
            } else {
                break
            }
            index += 1
        }
        guard index > start, !(segments.first ?? "").isEmpty else { return nil }
        if needsPeriod && segments.count < 2 { return nil }
        if segments.suffix(2).contains(where: { $0.contains("_") }) { return nil }
        return index - start
    }

    /// The end of the link's path: up to whitespace, `<` or Chinese punctuation, then GFM's
    /// trimming of trailing punctuation, unbalanced `)` and entity-like endings.
    static func pathEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var end = start
        while end < scalars.count, !isSpace(scalars[end]), scalars[end] != "<", !isCJKPunctuation(scalars[end]) { end += 1 }
        while end > start {
            let last = scalars[end - 1]
            if "?!.,:*_~'\"".unicodeScalars.contains(last) {
                end -= 1
            } else if last == ")" {
                let opened = scalars[start..<end].filter { $0 == "(" }.count
                let closed = scalars[start..<end].filter { $0 == ")" }.count
                if closed > opened { end -= 1 } else { break }
            } else if last == ";" {
                var index = end - 2
                while index >= start, scalars[index].isASCII, scalars[index].properties.isAlphabetic || ("0"..."9").contains(scalars[index]) {
                    index -= 1
                }
                if index >= start, scalars[index] == "&", index < end - 2 { end = index } else { break }
            } else {
                break
            }
        }
        return end
    }

    static func hasPrefix(_ scalars: [Unicode.Scalar], _ prefix: String, at index: Int) -> Bool {
        let wanted = Array(prefix.unicodeScalars)
        guard index + wanted.count <= scalars.count else { return false }
        for offset in 0..<wanted.count {
            let a = scalars[index + offset], b = wanted[offset]
            if a != b && !(a.isASCII && b.isASCII && a.properties.lowercaseMapping == String(b)) { return false }
        }
        return true
    }

    static func isEmailLocal(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ".+-_".unicodeScalars.contains(scalar))
    }

    static func link(_ text: String, at position: SourcePosition) -> [MarkdownNode] {
        let scalars = Array(text.unicodeScalars)
        var nodes: [MarkdownNode] = []
        var plainStart = 0
        var index = 0
        func flush(to end: Int) {
            guard end > plainStart else { return }
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[plainStart..<end])
            nodes.append(MarkdownNode(.text(String(piece)), position: SourcePosition(line: position.line, column: position.column + plainStart)))
        }
        func emit(_ start: Int, _ end: Int, href: String) {
            flush(to: start)
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[start..<end])
            let at = SourcePosition(line: position.line, column: position.column + start)
            nodes.append(MarkdownNode(.link(url: href, title: ""), children: [MarkdownNode(.text(String(piece)), position: at)], position: at))
            plainStart = end
            index = end
        }
        while index < scalars.count {
            let previous = index > 0 ? scalars[index - 1] : nil
            let scalar = scalars[index]
            if "wWhHfF".unicodeScalars.contains(scalar), index >= plainStart {
                var prefixLength = 0
                var scheme = ""
                if hasPrefix(scalars, "www.", at: index), canStart(after: previous) { prefixLength = 4; scheme = "http://" }
                else if canStartScheme(after: previous) {
                    if hasPrefix(scalars, "http://", at: index) { prefixLength = 7 }
                    else if hasPrefix(scalars, "https://", at: index) { prefixLength = 8 }
                    else if hasPrefix(scalars, "ftp://", at: index) { prefixLength = 6 }
                }
                if prefixLength > 0 {
                    let domainStart = prefixLength == 4 ? index : index + prefixLength
                    if let length = domain(scalars, from: domainStart, needsPeriod: prefixLength == 4) {
                        let end = pathEnd(scalars, from: domainStart + length)
                        let fullEnd = max(end, domainStart + length)
                        var trimmedEnd = fullEnd
                        // The domain itself must not end in trailing punctuation.
                        while trimmedEnd > domainStart, "?!.,:*_~".unicodeScalars.contains(scalars[trimmedEnd - 1]) { trimmedEnd -= 1 }
                        if trimmedEnd > index + prefixLength - (prefixLength == 4 ? 4 : 0) {
                            var display = String.UnicodeScalarView()
                            display.append(contentsOf: scalars[index..<trimmedEnd])
                            emit(index, trimmedEnd, href: scheme + String(display))
                            continue
                        }
                    }
                }
            }
            if scalar == "@", index > plainStart {
                var start = index
                while start > plainStart, isEmailLocal(scalars[start - 1]) { start -= 1 }
                if start < index, canStart(after: start > 0 ? scalars[start - 1] : nil) {
                    var end = index + 1
                    var periods = 0
                    while end < scalars.count {
                        let next = scalars[end]
                        if next == ".", end + 1 < scalars.count, scalars[end + 1].isASCII,
                           scalars[end + 1].properties.isAlphabetic || ("0"..."9").contains(scalars[end + 1]) {
                            periods += 1
                        } else if !(next.isASCII && (next.properties.isAlphabetic || ("0"..."9").contains(next) || next == "-" || next == "_")) {
                            break
                        }
                        end += 1
                    }
                    // A final "." ends the sentence; a final "-" or "_" makes it no address at all.
                    while end > index + 1, scalars[end - 1] == "." { end -= 1 }
                    if periods > 0, end > index + 1, scalars[end - 1] != "-", scalars[end - 1] != "_" {
                        var address = String.UnicodeScalarView()
                        address.append(contentsOf: scalars[start..<end])
                        emit(start, end, href: "mailto:" + String(address))
                        continue
                    }
                }
            }
            index += 1
        }
        flush(to: scalars.count)
        return nodes
    }
}

/// `~text~` and `~~text~~`: runs of one or two tildes, flanking as emphasis delimiters do.
enum Strikethrough {
    enum Item {
        case node(MarkdownNode)
        case tildes(count: Int, canOpen: Bool, canClose: Bool, position: SourcePosition)
    }

    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars.contains(scalar) }
        return Autolinks.isCJKPunctuation(scalar)
    }

    static func apply(to children: inout [MarkdownNode]) {
        guard children.contains(where: { if case .text(let t) = $0.kind { return t.has("~") } else { return false } }) else { return }
        // Split text at tilde runs.
        var items: [Item] = []
        for (position, child) in children.enumerated() {
            guard case .text(let text) = child.kind, text.has("~") else {
                items.append(.node(child))
                continue
            }
            let scalars = Array(text.unicodeScalars)
            var index = 0
            var start = 0
            func before(_ i: Int) -> Unicode.Scalar? {
                if i > 0 { return scalars[i - 1] }
                guard position > 0 else { return nil }
                if case .text(let t) = children[position - 1].kind { return t.unicodeScalars.last }
                return "a"
            }
            func after(_ i: Int) -> Unicode.Scalar? {
                if i < scalars.count { return scalars[i] }
                guard position + 1 < children.count else { return nil }
                if case .text(let t) = children[position + 1].kind { return t.unicodeScalars.first }
                return "a"
            }
            while index < scalars.count {
                guard scalars[index] == "~" else { index += 1; continue }
                var end = index
                while end < scalars.count, scalars[end] == "~" { end += 1 }
                let count = end - index
                if index > start {
                    var piece = String.UnicodeScalarView(); piece.append(contentsOf: scalars[start..<index])
                    items.append(.node(MarkdownNode(.text(String(piece)), position: child.position)))
                }
                let previous = before(index), next = after(end)
                let nextSpace = next.map(Autolinks.isSpace) ?? true
                let previousSpace = previous.map(Autolinks.isSpace) ?? true
                let nextPunct = next.map(isPunctuation) ?? false
                let previousPunct = previous.map(isPunctuation) ?? false
                let leftFlanking = !nextSpace && (!nextPunct || previousSpace || previousPunct)
                let rightFlanking = !previousSpace && (!previousPunct || nextSpace || nextPunct)
                if count <= 2 {
                    items.append(.tildes(count: count, canOpen: leftFlanking, canClose: rightFlanking, position: child.position))
                } else {
                    items.append(.node(MarkdownNode(.text(String(repeating: "~", count: count)), position: child.position)))
                }
                index = end
                start = end
            }
            if start < scalars.count {
                var piece = String.UnicodeScalarView(); piece.append(contentsOf: scalars[start...])
                items.append(.node(MarkdownNode(.text(String(piece)), position: child.position)))
            }
        }
        // Match closers with the nearest opener of the same length.
        var output: [Item] = []
        var openers: [Int] = []
        for item in items {
            if case .tildes(let count, let canOpen, let canClose, _) = item {
                if canClose, let match = openers.lastIndex(where: { index in
                    if case .tildes(let c, _, _, _) = output[index] { return c == count }
                    return false
                }) {
                    let openerIndex = openers[match]
                    let position: SourcePosition
                    if case .tildes(_, _, _, let at) = output[openerIndex] { position = at } else { position = .start }
                    let inner = nodes(from: Array(output[(openerIndex + 1)...]))
                    output.removeSubrange(openerIndex...)
                    openers.removeSubrange(match...)
                    output.append(.node(MarkdownNode(.strikethrough, children: inner, position: position)))
                    continue
                }
                if canOpen { openers.append(output.count) }
            }
            output.append(item)
        }
        children = nodes(from: output)
    }

    /// Items back to nodes: unmatched tildes become text, adjacent texts merge.
    static func nodes(from items: [Item]) -> [MarkdownNode] {
        var result: [MarkdownNode] = []
        for item in items {
            let node: MarkdownNode
            switch item {
            case .node(let value): node = value
            case .tildes(let count, _, _, let position): node = MarkdownNode(.text(String(repeating: "~", count: count)), position: position)
            }
            if case .text(let text) = node.kind, let last = result.last, case .text(let previous) = last.kind {
                result[result.count - 1].kind = .text(previous + text)
            } else {
                result.append(node)
            }
        }
        return result
    }
}
