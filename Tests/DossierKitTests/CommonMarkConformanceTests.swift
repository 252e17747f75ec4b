import CCmark
@testable import DossierKit
import Foundation
import Testing

/// Our renderer works on our copy of cmark's tree; it must give exactly the HTML cmark's own
/// renderer gives (safe mode) for plain CommonMark, so no CommonMark behaviour changes.
@Suite("Same HTML as cmark")
struct CommonMarkConformanceTests {
    static func cmarkHTML(_ markdown: String) -> String {
        let length = markdown.utf8.count
        guard let pointer = markdown.withCString({ cmark_markdown_to_html($0, length, CMARK_OPT_DEFAULT) }) else { return "" }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    static func ourHTML(_ markdown: String) -> String {
        var problems: [(SourcePosition, String)] = []
        let document = MarkdownDocument.make(body: markdown, lineOffset: 0, includeInternal: true, problems: &problems)
        // Every link resolves to its destination unchanged, as in plain cmark.
        let links: [ResolvedLink] = document.links.map { .external($0.destination) }
        var renderer = MarkdownHTML(pagePath: "index.html", unsafeHTML: false, links: links)
        return renderer.render(document.root)
    }

    /// Headings carry ids in our output; cmark's have none.
    static func withoutHeadingIDs(_ html: String) -> String {
        html.replacingOccurrences(of: #"<h([1-6]) id="[^"]*">"#, with: "<h$1>", options: .regularExpression)
    }

    /// cmark drops dangerous URLs (`javascript:` ...) in its renderer; we drop them in the resolver.
    static func isDangerous(_ markdown: String) -> Bool {
        let lower = markdown.lowercased()
        return ["javascript:", "vbscript:", "file:", "data:"].contains { lower.contains($0) }
    }

    /// Syntax of wiki links, tables, task lists, strikethrough, autolinks, callouts and footnotes.
    static func usesExtensions(_ markdown: String) -> Bool {
        ["[[", "|", "~", "www.", "http://", "https://", "@", "[^", "[!", "[ ]", "[x]", "[X]"].contains { markdown.contains($0) }
    }

    static let samples = [
        "# Title\n\nPara with *em*, **strong**, `code` and a [link](https://e.org \"t\").\n",
        "- a\n- b\n\n  c\n- d\n",
        "1. one\n2. two\n\n7) seven\n",
        "> quote\n> > nested\n\n---\n\n```swift\nlet x = 1 < 2\n```\n",
        "Hard  \nbreak and soft\nbreak. ![img](a.png) & < > \"\n",
        "<div>\nraw\n</div>\n\nText <em>x</em>\n",
        "[ref]\n\n[ref]: /url 'title'\n",
        "中文段落，包含**加粗**和[链接](a.md#标题)。\n",
    ]

    @Test("hand-picked documents", arguments: samples)
    func samplesMatch(_ markdown: String) {
        #expect(Self.withoutHeadingIDs(Self.ourHTML(markdown)) == Self.cmarkHTML(markdown))
    }

    /// Every CommonMark example in the GFM specification (the extension sections excluded).
    @Test("the CommonMark examples of the GFM spec",
          .enabled(if: TestSupport.shared != nil, "needs ../shared/vectors/gfm-spec.txt beside the repository"))
    func specExamples() throws {
        let url = try #require(TestSupport.shared).appendingPathComponent("vectors/gfm-spec.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        var examples: [String] = []
        var current: [String] = []
        var inExample = false
        var extensionExample = false
        var part = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```````````````````````````````` example") {
                inExample = true
                extensionExample = line.contains("(extension)") || line.split(separator: " ").count > 2
                current = []
                part = 0
                continue
            }
            if inExample {
                if line == "````````````````````````````````" {
                    inExample = false
                    if !extensionExample { examples.append(current.joined(separator: "\n")) }
                    continue
                }
                if line == "." { part += 1; continue }
                if part == 0 { current.append(String(line)) }
            }
        }
        #expect(examples.count > 600)
        var mismatches: [String] = []
        var wikiSyntax = 0
        for example in examples {
            let markdown = example.replacingOccurrences(of: "→", with: "\t") + "\n"
            if Self.isDangerous(markdown) { continue }
            // `[[...]]` (wiki links) and the GFM extensions are where we read more than CommonMark;
            // examples that use none of them must come out exactly as cmark renders them.
            if Self.usesExtensions(markdown) { wikiSyntax += 1; continue }
            if Self.withoutHeadingIDs(Self.ourHTML(markdown)) != Self.cmarkHTML(markdown) { mismatches.append(markdown) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) examples differ; first: \(mismatches.first ?? "")")
        #expect(examples.count - wikiSyntax > 450)
    }
}
