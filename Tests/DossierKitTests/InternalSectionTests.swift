@testable import DossierKit
import Foundation
import Testing

/// Internal sections are cut from the source before cmark parses it, and markers fail closed:
/// each case below once reached a client brief or the public site.
@Suite("Internal sections: cut before parsing, markers fail closed")
struct InternalSectionTests {
    static func render(_ body: String, keep: Bool) -> (html: String, warnings: [(SourcePosition, String)], errors: [(SourcePosition, String)]) {
        var warnings: [(SourcePosition, String)] = []
        var errors: [(SourcePosition, String)] = []
        let document = MarkdownDocument.make(body: body, lineOffset: 0, includeInternal: keep, problems: &warnings, errors: &errors)
        let links: [ResolvedLink] = document.links.map { .external($0.destination) }
        var renderer = MarkdownHTML(pagePath: "index.html", unsafeHTML: false, links: links)
        return (renderer.render(document.root), warnings, errors)
    }

    @Test("a link reference definition inside an internal section does not resolve a public link outside it")
    func referenceDefinitions() {
        let body = """
            Public: [see memo][ref] and ![chart][img].

            <!-- internal -->
            [ref]: https://intranet.example/REFMARK "REFTITLEMARK"
            [img]: https://intranet.example/IMGMARK.png
            <!-- /internal -->

            | a | b |
            |---|---|
            | [cell][ref] | x |

            """
        let outside = Self.render(body, keep: false)
        #expect(!outside.html.contains("intranet"), "\(outside.html)")
        #expect(!outside.html.contains("REFTITLEMARK"))
        #expect(outside.html.contains("[see memo][ref]"))
        #expect(outside.errors.isEmpty && outside.warnings.isEmpty)
        // The internal wiki still has the link.
        let wiki = Self.render(body, keep: true)
        #expect(wiki.html.contains("https://intranet.example/REFMARK") && wiki.html.contains("REFTITLEMARK"))
        #expect(wiki.html.contains("<td><a href=\"https://intranet.example/REFMARK\""))
    }

    @Test("a footnote defined inside an internal section is not shown outside it")
    func footnoteDefinitions() {
        let body = "Public claim[^1].\n\n<!-- internal -->\n[^1]: FOOTNOTEMARK from the client's call\n<!-- /internal -->\n"
        let outside = Self.render(body, keep: false)
        #expect(!outside.html.contains("FOOTNOTEMARK"))
        #expect(Self.render(body, keep: true).html.contains("FOOTNOTEMARK"))
    }

    @Test("markers written loosely are markers: extra dashes, capitals, no spaces, trailing words, split over lines")
    func looseMarkers() {
        let forms = [
            ("<!--- internal --->", "<!--- /internal --->"),
            ("<!--internal-->", "<!--/internal-->"),
            ("<!-- INTERNAL -->", "<!-- /Internal -->"),
            ("<!-- internal: payment terms -->", "<!-- /internal -->"),
            ("<!-- internal -->", "<!-- / internal -->"),
            ("<!-- internal -->", "<!-- end internal -->"),
            ("<!--\ninternal\n-->", "<!--\n/internal\n-->"),
        ]
        for (open, close) in forms {
            let body = "Before.\n\n\(open)\nLOOSEMARK secret\n\n## LOOSEHEADING\n\(close)\n\nAfter.\n"
            let outside = Self.render(body, keep: false)
            #expect(outside.html == "<p>Before.</p>\n<p>After.</p>\n", "\(open)")
            #expect(outside.errors.isEmpty, "\(open): \(outside.errors)")
            let wiki = Self.render(body, keep: true)
            #expect(wiki.html.contains("LOOSEMARK") && !wiki.html.contains("<!--") && !wiki.html.contains("omitted"), "\(open): \(wiki.html)")
            #expect(wiki.warnings.isEmpty, "\(open): \(wiki.warnings)")
        }
    }

    @Test("markers split over lines inside a quote or list item, and indented markers, are markers (found by the leak hunt)")
    func markersInContainers() {
        let bodies = [
            "> [!NOTE]\n> - Public lead-in.\n>\n>    <!--\n>   internal\n>   -->\n>   NESTEDMARK secret\n>\n>   <!--\n>   /internal\n>   -->\n\nAfter.\n",
            "- > Public lead-in.\n  > <!--\n  >   Internal: fees\n  > -->\n  > NESTEDMARK\n  > <!-- /internal -->\n\nAfter.\n",
            "Public lead-in.\n   <!-- internal (not for the client) -->\n> NESTEDMARK\n   <!-- / INTERNAL -->\n\nAfter.\n",
        ]
        for body in bodies {
            let outside = Self.render(body, keep: false)
            #expect(!outside.html.contains("NESTEDMARK") && outside.html.contains("After."), "\(body): \(outside.html)")
            #expect(outside.errors.isEmpty, "\(body): \(outside.errors)")
            let wiki = Self.render(body, keep: true)
            #expect(wiki.html.contains("NESTEDMARK") && !wiki.html.contains("omitted"), "\(body): \(wiki.html)")
        }
    }

    @Test("a marker inside a paragraph or a list item hides up to its close, and is an error outside the wiki")
    func misplacedMarkers() {
        let cases: [(String, SourcePosition)] = [
            // At the end of a paragraph.
            ("Intro text <!-- internal -->\nPARAMARK secret\n<!-- /internal -->\n\nAfter.\n", SourcePosition(line: 1, column: 12)),
            // Opened in one list item, closed in another.
            ("- public item\n  <!-- internal -->\n- LISTMARK secret item\n  <!-- /internal -->\n- After.\n", SourcePosition(line: 2, column: 3)),
            // In the middle of a line.
            ("Text <!-- internal --> MIDMARK <!-- /internal --> After.\n", SourcePosition(line: 1, column: 6)),
            // In a quote, closed outside it.
            ("> quote\n> <!-- internal -->\n> QUOTEMARK\n\n<!-- /internal -->\n\nAfter.\n", SourcePosition(line: 2, column: 3)),
        ]
        for (body, position) in cases {
            let outside = Self.render(body, keep: false)
            for mark in ["PARAMARK", "LISTMARK", "MIDMARK", "QUOTEMARK"] {
                #expect(!outside.html.contains(mark), "\(body)")
            }
            #expect(outside.html.contains("After."), "\(body): \(outside.html)")
            #expect(!outside.errors.isEmpty, "\(body)")
            #expect(outside.errors.first?.0 == position, "\(body): \(outside.errors)")
            let wiki = Self.render(body, keep: true)
            #expect(wiki.errors.isEmpty && !wiki.warnings.isEmpty, "\(body)")
        }
    }

    @Test("unbalanced markers hide to the end and are errors outside the wiki; markers in code are code")
    func unbalancedAndCode() {
        let unclosed = Self.render("A\n\n- item\n  <!-- internal -->\n  x\n- ITEMMARK\n\nENDMARK\n", keep: false)
        #expect(unclosed.html.contains("A") && !unclosed.html.contains("ITEMMARK") && !unclosed.html.contains("ENDMARK"))
        #expect(unclosed.errors.map(\.0) == [SourcePosition(line: 4, column: 3)])
        let stray = Self.render("A\n\n<!-- /internal -->\n\nB\n", keep: false)
        #expect(stray.errors.map(\.1) == ["'<!-- /internal -->' without an opening '<!-- internal -->'"])
        let code = "Write `<!-- internal -->` on a line of its own:\n\n```\n<!-- internal -->\nsecret\n<!-- /internal -->\n```\n"
        let shown = Self.render(code, keep: false)
        #expect(shown.errors.isEmpty && shown.warnings.isEmpty)
        #expect(shown.html.contains("<code>&lt;!-- internal --&gt;</code>"))
        #expect(shown.html.contains("secret"))
    }

    /// The audiences fixture with one more public article, in a folder of its own.
    static func site(extra body: String) throws -> (content: URL, folder: URL) {
        let folder = try TestSupport.temporaryFolder()
        let content = folder.appendingPathComponent("Content")
        try FileManager.default.copyItem(atPath: AudienceLeakTests.fixture, toPath: content.path)
        let article = "---\ntitle: Planted\npermits: [alpha]\ndate: 2025-03-01\nsummary: Planted cases.\n---\n\n" + body
        try Data(article.utf8).write(to: content.appendingPathComponent("kb/planted.md"))
        return (content, folder)
    }

    @Test("a client brief with a misplaced marker is not built: exit 1, the error's position, the previous brief untouched")
    func errorKeepsPreviousOutput() throws {
        let (content, folder) = try Self.site(extra: "Public text.\n")
        let output = folder.appendingPathComponent("Brief").path
        let arguments = ["build", "--content", content.path, "--themes", TestSupport.themes, "--output", output,
                         "--today", "2025-06-01", "--audience", "client", "--client", "aurora"]
        #expect(try TestSupport.run(arguments).status == 0)
        let before = try TestSupport.tree(URL(fileURLWithPath: output))
        try Data("---\ntitle: Planted\npermits: [alpha]\ndate: 2025-03-01\nsummary: Planted cases.\n---\n\nPublic text <!-- internal: fees -->\nFEEMARK\n<!-- /internal -->\n".utf8)
            .write(to: content.appendingPathComponent("kb/planted.md"))
        let failed = try TestSupport.run(arguments)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("kb/planted.md:8:13: error: '<!-- internal -->' must stand on a line of its own"), "\(failed.stderr)")
        #expect(try TestSupport.tree(URL(fileURLWithPath: output)) == before)
        // The internal wiki builds, with a warning.
        let wiki = try TestSupport.run(["check", "--content", content.path, "--themes", TestSupport.themes, "--today", "2025-06-01"])
        #expect(wiki.status == 0)
        #expect(wiki.stderr.contains("kb/planted.md:8:13: warning: '<!-- internal -->' must stand on a line of its own"))
    }

    @Test("planted cases in a real build: nothing reaches the brief, the public site, their search files or JSON-LD")
    func plantedInBuild() throws {
        let body = """
            ## Question

            Public answer, see [the memo][memo] and note[^n].

            <!--- internal --->
            [memo]: https://intranet.example/MEMOMARK "MEMOTITLEMARK"
            [^n]: NOTEMARK
            <!--- /internal --->

            <!-- internal: payment terms -->
            PAYMENTMARK 付款条件
            <!-- /internal -->

            - item one
              <!-- internal -->
              ITEMMARK
              <!-- /internal -->
            - item two

            > quoted
            > <!-- INTERNAL -->
            > QUOTEMARK
            > <!-- /INTERNAL -->

            """
        let (content, folder) = try Self.site(extra: body)
        let markers = ["MEMOMARK", "MEMOTITLEMARK", "intranet.example", "NOTEMARK", "PAYMENTMARK", "付款条件", "ITEMMARK", "QUOTEMARK"]
        for audience in [Audience.client("aurora"), .public] {
            let output = folder.appendingPathComponent("Out-\(audience.clientID ?? "public")")
            var options = TestSupport.options(content: content.path, output: output.path)
            options.audience = audience
            let report = try Pipeline().run(options, write: true)
            #expect(report.wrote && !report.diagnostics.contains { $0.severity == .error }, "\(report.diagnostics)")
            let tree = try TestSupport.tree(output)
            #expect(tree["kb/planted/index.html"] != nil)
            #expect(AudienceLeakTests.leaks(tree, markers) == [], "\(audience)")
            let page = String(decoding: tree["kb/planted/index.html"] ?? Data(), as: UTF8.self)
            #expect(page.contains("item one") && page.contains("item two") && page.contains("quoted"))
        }
        // The internal wiki shows every one of them.
        let output = folder.appendingPathComponent("Wiki")
        _ = try Pipeline().run(TestSupport.options(content: content.path, output: output.path), write: true)
        let wiki = try TestSupport.tree(output)
        #expect(markers.filter { AudienceLeakTests.leaks(wiki, [$0]).isEmpty } == [])
    }
}
