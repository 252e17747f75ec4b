/// Parses Mustache text into nodes. It follows the Mustache specification (standalone lines,
/// set-delimiter tags, comments, partials) and writes whitespace exactly as swift-mustache does,
/// which the test suite checks side by side. Lambdas, pragmas, inheritance (`{{<` `{{$`),
/// dynamic partials and transforms (`name(...)`) are not supported and are reported as errors.
struct TemplateParser {
    struct SyntaxError: Error, Sendable {
        var line: Int
        var column: Int
        var message: String
    }

    private let chars: [Character]
    /// Where each line starts (an index into `chars`), found once: a tag's position is then a
    /// binary search, not a scan from the top.
    private let lineStarts: [Int]
    private var position = 0

    private struct State {
        var section: String?
        var newLine = true
        var start: [Character] = ["{", "{"]
        var end: [Character] = ["}", "}"]
    }

    init(_ text: String) {
        chars = Array(text)
        var starts = [0]
        for (index, character) in chars.enumerated() where character.isNewline { starts.append(index + 1) }
        lineStarts = starts
    }

    static func parse(_ text: String) throws(SyntaxError) -> [TemplateNode] {
        var parser = TemplateParser(text)
        return try parser.parse(State())
    }

    private var atEnd: Bool { position >= chars.count }
    private var current: Character { atEnd ? "\0" : chars[position] }

    /// The line and column of `index` (columns count characters, from 1).
    private func sourcePosition(_ index: Int) -> SourcePosition {
        let index = min(max(index, 0), chars.count)
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return SourcePosition(line: low + 1, column: index - lineStarts[low] + 1)
    }

    private func error(_ message: String, at index: Int? = nil) -> SyntaxError {
        let at = sourcePosition(index ?? position)
        return SyntaxError(line: at.line, column: at.column, message: message)
    }

    private mutating func parse(_ initial: State) throws(SyntaxError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var whitespace = ""
        while !atEnd {
            if state.newLine {
                whitespace = read { $0 == " " || $0 == "\t" }
            }
            let text = readText(state)
            if !atEnd && current.isNewline {
                nodes.append(.text(whitespace + text + String(current)))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whitespace + text))
                whitespace = ""
                state.newLine = false
            }
            if atEnd { break }
            let tagStart = position - state.start.count
            let at = sourcePosition(tagStart)
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let name = try readName(state)
                if standalone(state) {
                    setNewLine = true
                } else if !whitespace.isEmpty {
                    nodes.append(.text(whitespace))
                    whitespace = ""
                }
                var inner = state
                inner.section = name
                inner.newLine = setNewLine
                let children = try parse(inner)
                nodes.append(.section(TemplateName(name), children: children, inverted: inverted, at: at))
            case "/":
                position += 1
                let name = try readName(state)
                guard let open = state.section else {
                    throw error("'{{/\(name)}}' closes a section that was never opened", at: tagStart)
                }
                guard name == open else {
                    throw error("'{{/\(name)}}' does not close the open section '\(open)'", at: tagStart)
                }
                if !standalone(state) && !whitespace.isEmpty {
                    nodes.append(.text(whitespace))
                }
                return nodes
            case "!":
                position += 1
                guard skip(past: state.end) else { throw error("comment is not closed", at: tagStart) }
                setNewLine = standalone(state)
            case "{", "&":
                let triple = current == "{"
                if !whitespace.isEmpty {
                    nodes.append(.text(whitespace))
                    whitespace = ""
                }
                position += 1
                let name = try readName(state)
                if triple {
                    guard current == "}" else { throw error("'{{{' is not closed with '}}}'", at: tagStart) }
                    position += 1
                }
                nodes.append(.variable(TemplateName(name), escaped: false, at: at))
            case ">":
                position += 1
                _ = read { $0.isWhitespace }
                if current == "*" { throw error("dynamic partials ('{{>*name}}') are not supported", at: tagStart) }
                _ = read { $0.isWhitespace }
                let name = read { Self.partialNameCharacters.contains($0) }
                _ = read { $0.isWhitespace }
                guard readDelimiter(state.end) else { throw error("partial tag is not closed", at: tagStart) }
                if name.isEmpty { throw error("partial tag has no name", at: tagStart) }
                if !whitespace.isEmpty {
                    nodes.append(.text(whitespace))
                }
                if standalone(state) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: whitespace, at: at))
                } else {
                    nodes.append(.partial(name, indentation: nil, at: at))
                }
            case "=":
                position += 1
                _ = read { $0.isWhitespace }
                let start = read { !$0.isWhitespace }
                _ = read { $0.isWhitespace }
                let end = read { !($0 == "=" || $0.isWhitespace) }
                _ = read { $0.isWhitespace }
                guard current == "=" else { throw error("set-delimiter tag is malformed", at: tagStart) }
                position += 1
                guard readDelimiter(state.end), !start.isEmpty, !end.isEmpty else {
                    throw error("set-delimiter tag is malformed", at: tagStart)
                }
                state.start = Array(start)
                state.end = Array(end)
                setNewLine = standalone(state)
            case "%":
                throw error("pragmas ('{{%') are not supported", at: tagStart)
            case "<", "$":
                throw error("template inheritance ('{{<' and '{{$') is not supported", at: tagStart)
            default:
                if !whitespace.isEmpty {
                    nodes.append(.text(whitespace))
                    whitespace = ""
                }
                let name = try readName(state)
                nodes.append(.variable(TemplateName(name), escaped: true, at: at))
            }
            state.newLine = setNewLine
        }
        if let open = initial.section {
            throw error("section '\(open)' is not closed (add '{{/\(open)}}')")
        }
        return nodes
    }

    /// Text up to a newline or the start delimiter (which is consumed).
    private mutating func readText(_ state: State) -> String {
        var text = ""
        while !atEnd {
            let character = chars[position]
            if character.isNewline { break }
            if character == state.start[0] {
                if readDelimiter(state.start) { break }
                text.append(character)
                position += 1
                continue
            }
            text.append(character)
            position += 1
        }
        return text
    }

    private mutating func readName(_ state: State) throws(SyntaxError) -> String {
        let tagStart = position
        _ = read { $0.isWhitespace }
        let name = read { Self.nameCharacters.contains($0) }
        _ = read { $0.isWhitespace }
        if current == "(" {
            throw error("transforms such as 'name(...)' are not supported; compute the value in the view model", at: tagStart)
        }
        guard readDelimiter(state.end) else {
            throw error("tag is not closed with '\(String(state.end))' (or the name has a character names cannot have)", at: tagStart)
        }
        guard !name.isEmpty else { throw error("tag has no name", at: tagStart) }
        return name
    }

    private mutating func read(while predicate: (Character) -> Bool) -> String {
        var text = ""
        while !atEnd, predicate(chars[position]) {
            text.append(chars[position])
            position += 1
        }
        return text
    }

    /// Consumes `delimiter` when it comes next.
    private mutating func readDelimiter(_ delimiter: [Character]) -> Bool {
        guard position + delimiter.count <= chars.count else { return false }
        for (offset, character) in delimiter.enumerated() where chars[position + offset] != character { return false }
        position += delimiter.count
        return true
    }

    private mutating func skip(past delimiter: [Character]) -> Bool {
        while !atEnd {
            if readDelimiter(delimiter) { return true }
            position += 1
        }
        return false
    }

    /// A tag is standalone when its line holds nothing else; the rest of the line is then consumed.
    private mutating func standalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var probe = position
        while probe < chars.count, chars[probe] == " " || chars[probe] == "\t" { probe += 1 }
        if probe < chars.count, chars[probe].isNewline {
            position = probe + 1
            return true
        }
        return false
    }

    static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    static let partialNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*/")
}
