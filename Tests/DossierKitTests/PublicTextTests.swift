import DossierKit
import Foundation
import Testing

/// The sample's public site (this repository's `Content/`, `--audience public`, today 2026-11-29)
/// must read as a knowledge base, with nothing of the tool's workings in its text: no key of the
/// content format, no "本站", no "未核实". Interface strings (the theme's i18n files) are excepted.
@Suite("PublicText")
struct PublicTextTests {
    /// Every key of the content format (the declarations in Sources/DossierKit/Schema/Kinds, which
    /// README's "Content format" tables are made from), and values that are words of the format.
    static let keys: [String] = {
        let declared = SchemaDocumentation.declarations.flatMap { $0.declaration.keys.map(\.name) }
        var seen: Set<String> = []
        return (declared + ["supplement_requested", "supplement_sent", "under_review"]).filter { seen.insert($0).inserted }
    }()
    /// Words that describe the site or the checking, not the subject.
    static let phrases = ["本站", "未核实"]

    /// The text of `<main>`, tags dropped and the common entities decoded.
    static func mainText(_ html: String) -> String {
        var text = html
        if let start = html.range(of: "<main"), let end = html.range(of: "</main>", options: .backwards), start.upperBound <= end.lowerBound {
            text = String(html[start.lowerBound..<end.lowerBound])
        }
        text = text.replacingOccurrences(of: "<script[^>]*>[\\s\\S]*?</script>", with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    /// The interface strings of both languages, cut at their `{placeholders}`, longest first.
    static func interfaceStrings() throws -> [String] {
        let theme = try #require(Theme.load(name: "default", themesDirectory: TestSupport.themes, fileSystem: .local).theme)
        var pieces: Set<String> = []
        for table in theme.strings.values {
            for value in table.values {
                let cut = value.replacingOccurrences(of: "\\{[a-zA-Z]+\\}", with: "\u{0}", options: .regularExpression)
                for piece in cut.split(separator: "\u{0}") {
                    let trimmed = piece.trimmingCharacters(in: .whitespaces)
                    if trimmed.count >= 2 { pieces.insert(trimmed) }
                }
            }
        }
        return pieces.sorted { ($0.count, $0) > ($1.count, $1) }
    }

    /// Whole-word occurrences of `word` (not inside a longer ASCII word or identifier).
    static func containsWord(_ text: String, _ word: String) -> Bool {
        let pattern = "(?<![A-Za-z0-9_])" + NSRegularExpression.escapedPattern(for: word) + "(?![A-Za-z0-9_])"
        return text.range(of: pattern, options: .regularExpression) != nil
    }

    /// Where a hit is, for the report.
    static func context(_ text: String, _ needle: String) -> String {
        guard let range = text.range(of: needle) else { return "" }
        let before = text[..<range.lowerBound].suffix(30)
        let after = text[range.upperBound...].prefix(30)
        return (before + "[" + needle + "]" + after).replacingOccurrences(of: "\n", with: " ")
    }

    @Test("the sample's public site: no content-format key, no 本站, no 未核实 in any page's text")
    func samplePublicText() throws {
        let folder = try TestSupport.temporaryFolder()
        let output = folder.appendingPathComponent("Output")
        var options = TestSupport.options(content: TestSupport.packageRoot.appendingPathComponent("Content").path,
                                          output: output.path, today: "2026-11-29")
        options.audience = .public
        let report = try Pipeline().run(options, write: true)
        #expect(report.wrote, "\(report.diagnostics)")
        let interface = try Self.interfaceStrings()
        var problems: [String] = []
        for (path, data) in try TestSupport.tree(output).sorted(by: { $0.key < $1.key }) where path.hasSuffix(".html") {
            var text = Self.mainText(String(decoding: data, as: UTF8.self))
            for piece in interface { text = text.replacingOccurrences(of: piece, with: " ") }
            for key in Self.keys where Self.containsWord(text, key) {
                problems.append("\(path): key '\(key)': …\(Self.context(text, key))…")
            }
            for phrase in Self.phrases where text.contains(phrase) {
                problems.append("\(path): '\(phrase)': …\(Self.context(text, phrase))…")
            }
        }
        let list = problems.joined(separator: "\n")
        #expect(problems.isEmpty, "\(problems.count) problems:\n\(list)")
    }

    @Test("the check itself: keys as words are found, interface strings are not")
    func detector() throws {
        #expect(Self.containsWord("见 review_days: 20", "review_days"))
        #expect(Self.containsWord("字段 memo 写明", "memo"))
        #expect(!Self.containsWord("memorandum", "memo"))
        #expect(!Self.containsWord("supplement_requested_x", "supplement_requested"))
        #expect(Self.mainText("<header>本站</header><main><p>a &amp; <b>timeline</b></p></main>").contains("a & "))
        #expect(!Self.mainText("<header>本站</header><main><p>x</p></main>").contains("本站"))
        #expect(try Self.interfaceStrings().contains("搜索本站"))
    }
}
