/// Splits a Markdown file into its YAML front matter and its body.
public struct FrontMatter: Sendable, Equatable {
    public var yaml: String
    /// Line of the file on which the YAML starts (the line after the opening `---`).
    public var yamlFirstLine: Int
    public var body: String
    /// Lines before the body starts; cmark's line 1 is file line `bodyLineOffset + 1`.
    public var bodyLineOffset: Int

    public enum Problem: Error, Equatable, Sendable {
        case missing
        case unterminated
    }

    /// `text` must already have `\n` line endings (see `TextDecoding`).
    public static func split(_ text: String) -> Result<FrontMatter, Problem> {
        // Works on UTF-8 bytes: the front matter is short, the body may be long and is sliced once.
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 1
        var yamlStart: String.Index?
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let trimmed = text[lineStart..<lineEnd].trimmedSpaces()
            if lineNumber == 1 {
                guard trimmed == "---" else { return .failure(.missing) }
                yamlStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
            } else if trimmed == "---" || trimmed == "..." {
                let start = yamlStart ?? lineStart
                // The YAML ends before the newline that precedes the closing line.
                let yamlEnd = lineStart > start ? utf8.index(before: lineStart) : start
                let bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
                return .success(FrontMatter(yaml: String(text[start..<yamlEnd]), yamlFirstLine: 2,
                                            body: String(text[bodyStart...]), bodyLineOffset: lineNumber))
            }
            guard lineEnd < utf8.endIndex else { break }
            lineStart = utf8.index(after: lineEnd)
            lineNumber += 1
        }
        if lineNumber == 1 && yamlStart == nil { return .failure(.missing) }
        return .failure(.unterminated)
    }
}

/// Turns file bytes into text with `\n` line endings, or says where the bytes are not UTF-8.
public enum TextDecoding {
    public static func decode(_ bytes: some Collection<UInt8>) -> Result<String, SourcePosition> {
        // Fast path: valid UTF-8 with no carriage return needs no rewriting.
        let fast: String?? = bytes.withContiguousStorageIfAvailable { buffer -> String? in
            guard !buffer.contains(0x0D) else { return nil }
            let start = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
            // Decoding repairs bad bytes with U+FFFD; a text without U+FFFD had none.
            return text.utf8.count == buffer.count - start && !text.has("\u{FFFD}") ? text : nil
        }
        if let fast = fast ?? nil { return .success(fast) }
        return slowDecode(bytes)
    }

    static func slowDecode(_ bytes: some Collection<UInt8>) -> Result<String, SourcePosition> {
        var slice = Array(bytes)
        if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice.removeFirst(3) }
        var text = ""
        var line = 1
        var lineStart = 0
        var index = 0
        var decoder = UTF8()
        var iterator = slice.makeIterator()
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(slice.count)
        var previousWasCR = false
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                index += UTF8.width(scalar)
                if scalar == "\r" {
                    scalars.append("\n")
                    line += 1
                    lineStart = index
                    previousWasCR = true
                    continue
                }
                if scalar == "\n" {
                    if previousWasCR { previousWasCR = false; continue }
                    line += 1
                    lineStart = index
                }
                previousWasCR = false
                scalars.append(scalar)
            case .emptyInput:
                break loop
            case .error:
                let column = String(decoding: slice[lineStart..<min(index, slice.count)], as: UTF8.self).unicodeScalars.count + 1
                return .failure(SourcePosition(line: line, column: column))
            }
        }
        text = String(scalars)
        return .success(text)
    }
}
