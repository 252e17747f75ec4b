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
        guard yaml.unicodeScalars.contains(where: { $0 == "：" || $0 == "\u{3000}" }) else { return [] }
        var problems: [(SourcePosition, String)] = []
        for (offset, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let scalars = Array(line.unicodeScalars)
            var index = 0
            while index < scalars.count, scalars[index] == " " || scalars[index] == "-" { index += 1 }
            if index < scalars.count, scalars[index] == "\u{3000}" {
                problems.append((SourcePosition(line: firstLine + offset, column: index + 1),
                                 "full-width space (U+3000) in indentation; YAML needs ordinary spaces"))
                continue
            }
            var keyEnd = index
            while keyEnd < scalars.count, scalars[keyEnd].isASCII,
                  scalars[keyEnd].properties.isAlphabetic || scalars[keyEnd] == "_" || ("0"..."9").contains(scalars[keyEnd]) {
                keyEnd += 1
            }
            var colon = keyEnd
            while colon < scalars.count, scalars[colon] == " " || scalars[colon] == "\u{3000}" { colon += 1 }
            if keyEnd > index, colon < scalars.count, scalars[colon] == "：" {
                var key = String.UnicodeScalarView()
                key.append(contentsOf: scalars[index..<keyEnd])
                problems.append((SourcePosition(line: firstLine + offset, column: colon + 1),
                                 "full-width colon '：' after '\(String(key))'; YAML needs an ASCII ':' followed by a space"))
            }
        }
        return problems
    }
}
