/// Limits that keep hostile or broken input from stalling a build, and checks for mistakes that
/// YAML would report confusingly (full-width punctuation typed with a Chinese input method).
public enum ContentLimits {
    /// Front matter is settings, not content: more than this is refused.
    public static let maximumFrontMatterBytes = 1_000_000
    /// libcmark 0.30.2 (Debian's) takes quadratic time on some bracket-heavy input
    /// (CVE-2023-22486: `![[]()` repeated). No real page has this many `[`; such a body is refused.
    public static let maximumBrackets = 20_000

    /// Why a Markdown body is refused, or nil.
    public static func refusal(forBody body: String) -> String? {
        var brackets = 0
        for byte in body.utf8 where byte == UInt8(ascii: "[") { brackets += 1 }
        guard brackets > maximumBrackets else { return nil }
        return "the text has \(brackets) '[' characters (more than \(maximumBrackets)); libcmark 0.30.2 takes quadratic time on such input (CVE-2023-22486), so it is not parsed: split the page or remove the brackets"
    }

    /// Problems in YAML text that come from typing with a Chinese input method: a full-width colon
    /// after a key (`title：`), a full-width space (U+3000) in indentation.
    public static func fullWidthProblems(in yaml: String, firstLine: Int) -> [(SourcePosition, String)] {
        var yaml = yaml
        return yaml.withUTF8 { bytes in
            // Only the start of each line can hold these mistakes; the values after a key (where
            // Chinese text has '：' all the time) are never looked at.
            var problems: [(SourcePosition, String)] = []
            let count = bytes.count
            func isIdeographicSpace(_ index: Int) -> Bool {
                index + 2 < count && bytes[index] == 0xE3 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80
            }
            func isFullWidthColon(_ index: Int) -> Bool {
                index + 2 < count && bytes[index] == 0xEF && bytes[index + 1] == 0xBC && bytes[index + 2] == 0x9A
            }
            var lineStart = 0
            var line = firstLine
            while lineStart <= count {
                var index = lineStart
                var column = 1
                while index < count, bytes[index] == 0x20 || bytes[index] == 0x2D { index += 1; column += 1 }
                if isIdeographicSpace(index) {
                    problems.append((SourcePosition(line: line, column: column),
                                     "full-width space (U+3000) in indentation; YAML needs ordinary spaces"))
                } else {
                    let keyStart = index
                    while index < count, bytes[index] < 0x80,
                          (bytes[index] | 0x20 >= 0x61 && bytes[index] | 0x20 <= 0x7A) || bytes[index] == 0x5F
                            || (bytes[index] >= 0x30 && bytes[index] <= 0x39) {
                        index += 1
                        column += 1
                    }
                    let keyEnd = index
                    while index < count, bytes[index] == 0x20 || isIdeographicSpace(index) {
                        index += bytes[index] == 0x20 ? 1 : 3
                        column += 1
                    }
                    if keyEnd > keyStart, isFullWidthColon(index) {
                        let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[keyStart..<keyEnd]), as: UTF8.self)
                        problems.append((SourcePosition(line: line, column: column),
                                         "full-width colon '：' after '\(key)'; YAML needs an ASCII ':' followed by a space"))
                    }
                }
                while index < count, bytes[index] != 0x0A { index += 1 }
                lineStart = index + 1
                line += 1
            }
            return problems
        }
    }
}
