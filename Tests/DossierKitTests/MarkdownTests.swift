@testable import DossierKit
import Testing

@Suite("Markdown passes")
struct MarkdownTests {
    func document(_ body: String, keepInternal: Bool = true, offset: Int = 0) -> (MarkdownDocument, [(SourcePosition, String)]) {
        var problems: [(SourcePosition, String)] = []
        let doc = MarkdownDocument.make(body: body, lineOffset: offset, includeInternal: keepInternal, problems: &problems)
        return (doc, problems)
    }

    @Test("heading ids are GitHub-style slugs that keep Chinese; repeats get -1, -2")
    func headingIDs() {
        let (doc, _) = document("## 期限怎么算？\n\n## 期限怎么算？\n\n## 期限怎么算？\n\n### Hello, World! 2025\n\n## C++ & Go_lang\n")
        #expect(doc.headings.map(\.id) == ["期限怎么算", "期限怎么算-1", "期限怎么算-2", "hello-world-2025", "c--go_lang"])
        #expect(doc.headings.map(\.level) == [2, 2, 2, 3, 2])
    }

    @Test("wiki links in all four forms, with their positions in the file")
    func wikiLinks() {
        let (doc, _) = document("Intro line\n\n见 [[alpha]]、[[beta|文字]] and [[kb/gamma#第一节]].\n", offset: 5)
        #expect(doc.links.map(\.destination) == ["alpha", "beta", "kb/gamma#第一节"])
        #expect(doc.links.allSatisfy { $0.form == .wiki })
        // Line 3 of the body is line 8 of the file; columns count characters, not bytes.
        #expect(doc.links.map(\.position) == [
            SourcePosition(line: 8, column: 3), SourcePosition(line: 8, column: 13), SourcePosition(line: 8, column: 29),
        ])
    }

    @Test("wiki links are not found inside code")
    func wikiLinksInCode() {
        let (doc, _) = document("`[[not-a-link]]`\n\n```\n[[nor-this]]\n```\n")
        #expect(doc.links.isEmpty)
    }

    @Test("Markdown links and images are collected with positions")
    func markdownLinks() {
        let (doc, _) = document("A [link](other.md#x) and ![img](../assets/a.png \"t\").\n")
        #expect(doc.links.map(\.destination) == ["other.md#x", "../assets/a.png"])
        #expect(doc.links.map(\.form) == [.markdown(isImage: false), .markdown(isImage: true)])
        #expect(doc.links.map(\.position.column) == [3, 26])
    }

    @Test("internal sections are dropped for other audiences, with their headings and links")
    func internalSections() {
        let body = "Public.\n\n<!-- internal -->\n## Secret\n\nSee [[x]].\n<!-- /internal -->\n\nAfter.\n"
        let (kept, _) = document(body, keepInternal: true)
        let (dropped, problems) = document(body, keepInternal: false)
        #expect(kept.headings.map(\.text) == ["Secret"])
        #expect(kept.links.count == 1)
        #expect(dropped.headings.isEmpty)
        #expect(dropped.links.isEmpty)
        #expect(problems.isEmpty)
        var renderer = MarkdownHTML(pagePath: "kb/a/index.html", unsafeHTML: false, links: [])
        let html = renderer.render(dropped.root)
        #expect(html == "<p>Public.</p>\n<p>After.</p>\n")
    }

    @Test("an internal section never closed hides the rest and is reported")
    func unclosedInternal() {
        let (doc, problems) = document("A\n\n<!-- internal -->\n\nB\n", keepInternal: false)
        var renderer = MarkdownHTML(pagePath: "index.html", unsafeHTML: false, links: [])
        #expect(renderer.render(doc.root) == "<p>A</p>\n")
        #expect(problems.count == 1)
        #expect(problems.first?.0 == SourcePosition(line: 3, column: 1))
    }

    @Test("raw HTML is dropped unless unsafe_html, as cmark does")
    func rawHTML() {
        let (doc, _) = document("<script>alert(1)</script>\n\nText <b>bold</b>\n")
        var safe = MarkdownHTML(pagePath: "index.html", unsafeHTML: false, links: [])
        var unsafe = MarkdownHTML(pagePath: "index.html", unsafeHTML: true, links: [])
        #expect(safe.render(doc.root) == "<!-- raw HTML omitted -->\n<p>Text <!-- raw HTML omitted -->bold<!-- raw HTML omitted --></p>\n")
        #expect(unsafe.render(doc.root) == "<script>alert(1)</script>\n<p>Text <b>bold</b></p>\n")
    }

    @Test("resolved links become relative URLs; unavailable ones plain text")
    func rendering() {
        let (doc, _) = document("[a](x.md) [[y]] [c](https://e.org/?q=1&r=2) [d](#h)\n")
        var renderer = MarkdownHTML(pagePath: "kb/page/index.html", unsafeHTML: false, links: [
            .page(PageRef(.permits, "p"), fragment: "期限"), .unavailable, .external("https://e.org/?q=1&r=2"), .anchor("h"),
        ])
        #expect(renderer.render(doc.root) ==
            "<p><a href=\"../../permits/p/index.html#%E6%9C%9F%E9%99%90\">a</a> … <a href=\"https://e.org/?q=1&amp;r=2\">c</a> <a href=\"#h\">d</a></p>\n")
    }

    @Test("front matter: split, CRLF, BOM, unterminated")
    func frontMatter() throws {
        let text = try TextDecoding.decode(Array("\u{FEFF}---\r\ntitle: x\r\n---\r\nBody\r\n".utf8)).get()
        let split = try FrontMatter.split(text).get()
        #expect(split.yaml == "title: x")
        #expect(split.body == "Body\n")
        #expect(split.bodyLineOffset == 3)
        #expect(FrontMatter.split("---\ntitle: x\n") == .failure(.unterminated))
        #expect(FrontMatter.split("title: x\n") == .failure(.missing))
    }

    @Test("invalid UTF-8 is located")
    func invalidUTF8() {
        let bytes: [UInt8] = Array("ok\nab".utf8) + [0xFF] + Array("c".utf8)
        #expect(TextDecoding.decode(bytes) == .failure(SourcePosition(line: 2, column: 3)))
    }
}
