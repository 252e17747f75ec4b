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
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmedSpaces() == "---" else { return .failure(.missing) }
        lines.removeFirst()
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmedSpaces()
            if trimmed == "---" || trimmed == "..." {
                let yaml = lines[..<index].joined(separator: "\n")
                let body = lines[(index + 1)...].joined(separator: "\n")
                return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyLineOffset: index + 2))
            }
        }
        return .failure(.unterminated)
    }
}

/// Turns file bytes into text with `\n` line endings, or says where the bytes are not UTF-8.
public enum TextDecoding {
    public static func decode(_ bytes: some Collection<UInt8>) -> Result<String, SourcePosition> {
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
