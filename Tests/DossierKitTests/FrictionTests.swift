@testable import DossierKit
@testable import DossierServe
import Foundation
import Testing

/// "A new user's first hour": the small frictions a new user met, one test each.
@Suite("A new user's first hour")
struct FrictionTests {
    /// A copy of the good fixture in a fresh folder, with `extraClients` more client files.
    static func site(extraClients: [String] = []) throws -> URL {
        let root = try TestSupport.temporaryFolder()
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(atPath: TestSupport.fixture("good"), toPath: content.path)
        for id in extraClients {
            try Data("---\nname: \(id)\n---\n".utf8).write(to: content.appendingPathComponent("clients/\(id).md"))
        }
        return root
    }

    // MARK: - 1. An unknown --client lists the clients there are

    @Test("an unknown --client with no close match lists the client ids (at most ten)")
    func unknownClient() throws {
        let root = try Self.site()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("Content").path
        let output = root.appendingPathComponent("Output").path
        let run = try TestSupport.run(["build", "--content", content, "--themes", TestSupport.themes, "--output", output,
                                       "--today", "2025-06-01", "--audience", "client", "--client", "nobody"])
        #expect(run.status == 2)
        #expect(run.stderr == "error: there is no client 'nobody'; the clients are: acme (see \(content)/clients/)\n")
        #expect(!FileManager.default.fileExists(atPath: output))

        // A close match is still suggested as before, and only it.
        let typo = try TestSupport.run(["check", "--content", content, "--themes", TestSupport.themes, "--today", "2025-06-01",
                                        "--audience", "client", "--client", "acme-"])
        #expect(typo.status == 2)
        #expect(typo.stderr == "error: there is no client 'acme-' (did you mean 'acme'?)\n")

        // Many clients: the first ten, sorted, and how many more.
        let many = try Self.site(extraClients: (1...11).map { String(format: "client-%02d", $0) })
        defer { try? FileManager.default.removeItem(at: many) }
        let manyContent = many.appendingPathComponent("Content").path
        let long = try TestSupport.run(["check", "--content", manyContent, "--themes", TestSupport.themes, "--today", "2025-06-01",
                                        "--audience", "client", "--client", "nobody"])
        #expect(long.status == 2)
        #expect(long.stderr == "error: there is no client 'nobody'; the clients are: acme, client-01, client-02, client-03, client-04, "
            + "client-05, client-06, client-07, client-08, client-09 and 2 more (see \(manyContent)/clients/)\n")
    }

    @Test("an unknown --client on a site without clients says there are none")
    func noClients() throws {
        let root = try Self.site()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("Content")
        // Filings name their client; without clients they would be errors, so they go too.
        try FileManager.default.removeItem(at: content.appendingPathComponent("clients"))
        try FileManager.default.removeItem(at: content.appendingPathComponent("filings"))
        let run = try TestSupport.run(["check", "--content", content.path, "--themes", TestSupport.themes, "--today", "2025-06-01",
                                       "--audience", "client", "--client", "nobody"])
        #expect(run.status == 2)
        #expect(run.stderr == "error: there is no client 'nobody'; the site has no clients (see \(content.path)/clients/)\n")
    }

    // MARK: - 2. The combination of options is checked before the environment

    @Test("--encrypt without --audience client --client says so first, passphrase or not")
    func encryptOrder() throws {
        let root = try Self.site()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("Content").path
        let output = root.appendingPathComponent("Output").path
        let base = ["build", "--content", content, "--themes", TestSupport.themes, "--output", output, "--today", "2025-06-01", "--encrypt"]
        for audience in [[], ["--audience", "public"], ["--audience", "internal"]] {
            for passphrase in ["", "a long enough passphrase"] {
                let run = try TestSupport.run(base + audience, environment: ["DOSSIER_PASSPHRASE": passphrase])
                #expect(run.status == 2)
                #expect(run.stderr.hasPrefix("error: --encrypt is for client briefs"), "\(audience) \(passphrase.isEmpty): \(run.stderr)")
                #expect(!run.stderr.contains("DOSSIER_PASSPHRASE"), "\(run.stderr)")
            }
        }
        // With a client, the missing passphrase is the mistake.
        let brief = try TestSupport.run(base + ["--audience", "client", "--client", "acme"], environment: ["DOSSIER_PASSPHRASE": ""])
        #expect(brief.status == 2)
        #expect(brief.stderr.contains("DOSSIER_PASSPHRASE"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test("the --audience/--client combination is checked before --today and SOURCE_DATE_EPOCH")
    func audienceBeforeEnvironment() throws {
        let run = try TestSupport.run(["check", "--content", TestSupport.fixture("good"), "--themes", TestSupport.themes,
                                       "--audience", "client"], environment: ["SOURCE_DATE_EPOCH": "not a number"])
        #expect(run.status == 2)
        #expect(run.stderr == "error: --audience client needs --client ID\n")
    }

    // MARK: - 3. JSON output of a clean site

    @Test("check --format json prints [] for a clean site; a non-empty list keeps its format")
    func emptyJSON() throws {
        #expect(DiagnosticFormat.json.format([]) == "[]\n")
        let one = DiagnosticFormat.json.format([.warning("Content/kb/a.md", SourcePosition(line: 3, column: 5), "unknown key 'tilte' is ignored")])
        #expect(one == """
            [
              {
                "column" : 5,
                "line" : 3,
                "message" : "unknown key 'tilte' is ignored",
                "path" : "Content/kb/a.md",
                "severity" : "warning"
              }
            ]

            """)
        // The fixture's one warning is about a link to a draft: with --drafts it is clean.
        let root = try Self.site()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try TestSupport.run(["check", "--content", root.appendingPathComponent("Content").path, "--themes", TestSupport.themes,
                                       "--today", "2025-06-01", "--drafts", "--format", "json"])
        #expect(run.status == 0)
        #expect(run.stdout == "[]\n", "\(run.stdout)\(run.stderr)")
    }

    // MARK: - 4. One wording for built pages

    @Test("serve reports a build with the words build uses")
    func serveWording() async throws {
        let root = try Self.site()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("Content").path
        let output = root.appendingPathComponent("Output").path
        let build = try TestSupport.run(["build", "--content", content, "--themes", TestSupport.themes, "--output", output, "--today", "2025-06-01"])
        #expect(build.status == 0)
        let built = try #require(build.stdout.split(separator: "\n").first.map(String.init))
        #expect(built.hasPrefix("Built "))

        let lines = Lines()
        var options = TestSupport.options(content: content, output: output)
        options.themesDirectory = TestSupport.themes
        let server = try DevServer(options: options, host: "127.0.0.1", port: 0) { lines.append($0) }
        defer { server.buildFolder.remove() }
        await server.build(reason: nil)
        await server.build(reason: "a file changed")
        // Diagnostics (the fixture has a warning) come first; then the line about the build.
        let said = lines.all.filter { $0.contains(" pages in ") }
        #expect(said.count == 2, "\(lines.all)")
        #expect(said.last?.hasSuffix(" s (a file changed)") == true, "\(said)")
        // "Built 12 pages in 0.11 s" as far as `dossier build` says it before the output folder.
        let words = { (line: String) in line.split(separator: " ").prefix(3).joined(separator: " ") }
        for line in said {
            #expect(line.hasPrefix("Built "), "\(line)")
            #expect(words(line) == words(built), "\(line) / \(built)")
            #expect(line.range(of: #"^Built \d+ pages in \d+\.\d\d s"#, options: .regularExpression) != nil, "\(line)")
        }
    }

    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func append(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    // MARK: - 5. Callouts with a title, and folding ones

    static let zh = Theme.load(name: "default", themesDirectory: TestSupport.themes, fileSystem: .local).theme?.strings["zh-CN"] ?? [:]

    static func render(_ markdown: String) -> String {
        MarkdownRendering.standalone(markdown, unsafeHTML: false, strings: zh).html
    }

    @Test("a title after the callout marker replaces the default title")
    func calloutTitle() {
        #expect(Self.render("> [!NOTE] 自定义标题\n> 正文。\n") == """
            <div class="callout callout-note">
            <p class="callout-title">自定义标题</p>
            <p>正文。</p>
            </div>

            """)
        // Inline Markdown in the title; a title alone; no title keeps the default.
        #expect(Self.render("> [!tip] 先 *电话* 确认\n") == """
            <div class="callout callout-tip">
            <p class="callout-title">先 <em>电话</em> 确认</p>
            </div>

            """)
        #expect(Self.render("> [!WARNING]\n> 材料须加盖公章。\n").contains("<p class=\"callout-title\">警告</p>\n<p>材料须加盖公章。</p>"))
        #expect(Self.render("> [!NOTE]   \n> x\n").contains("<p class=\"callout-title\">说明</p>"))
        // Not a marker followed by a title: text glued to it, an unknown kind.
        #expect(Self.render("> [!NOTE]x\n").hasPrefix("<blockquote>"))
        #expect(Self.render("> [!INFO] 标题\n").hasPrefix("<blockquote>"))
    }

    @Test("[!KIND]- folds a callout shut, [!KIND]+ folds it open")
    func foldingCallouts() {
        #expect(Self.render("> [!WARNING]- 折叠\n> 内容。\n") == """
            <details class="callout callout-warning">
            <summary class="callout-title">折叠</summary>
            <p>内容。</p>
            </details>

            """)
        #expect(Self.render("> [!TIP]+ 标题\n> 内容。\n") == """
            <details class="callout callout-tip" open="">
            <summary class="callout-title">标题</summary>
            <p>内容。</p>
            </details>

            """)
        // Without a title the summary is the default one.
        #expect(Self.render("> [!CAUTION]-\n> 内容。\n").contains("<details class=\"callout callout-caution\">\n<summary class=\"callout-title\">注意</summary>"))
    }

    @Test("a callout title with a link keeps link order and survives the page cache")
    func calloutTitleLinks() throws {
        var problems: [(SourcePosition, String)] = []
        let document = MarkdownDocument.make(body: "> [!NOTE]- 见 [[kb/a]]\n> 再见 [b](https://e.cn/b)\n", lineOffset: 4,
                                             includeInternal: true, problems: &problems)
        #expect(document.links.map(\.destination) == ["kb/a", "https://e.cn/b"])
        #expect(document.links.first?.position == SourcePosition(line: 5, column: 14))
        var writer = BinaryWriter()
        writer.write(document)
        let bytes = writer.bytes
        // Read back at once, and left encoded until used (checked by `MarkdownNode.skip`).
        for lazy in [false, true] {
            let decoded: MarkdownDocument = try bytes.withUnsafeBytes { buffer in
                var reader = BinaryReader(buffer, storage: lazy ? bytes : nil)
                return try reader.read()
            }
            var renderer = MarkdownHTML(pagePath: "index.html", unsafeHTML: false,
                                        links: [.page(PageRef(.kb, "a"), fragment: nil), .external("https://e.cn/b")],
                                        titleOf: { _, _ in "甲" })
            let html = renderer.render(decoded.root)
            #expect(html == """
                <details class="callout callout-note">
                <summary class="callout-title">见 <a class="wiki" href="kb/a/index.html">甲</a></summary>
                <p>再见 <a href="https://e.cn/b">b</a></p>
                </details>

                """, "lazy: \(lazy)")
        }
    }

    // MARK: - 6. Unused footnote definitions

    @Test("a footnote definition nothing refers to gets a warning at the definition")
    func unusedFootnote() {
        let result = MarkdownRendering.standalone("正文[^used]。\n\n[^used]: 用到的\n[^x]: 没用到的\n\n引用\n\n  [^y]: 也没用到\n", unsafeHTML: false, strings: [:])
        #expect(result.problems.map(\.1) == [
            "footnote '[^x]' is defined but never referred to; it is not shown",
            "footnote '[^y]' is defined but never referred to; it is not shown",
        ])
        #expect(result.problems.map(\.0) == [SourcePosition(line: 4, column: 1), SourcePosition(line: 8, column: 3)])
        #expect(!result.html.contains("没用到"))

        // In a file, positions count the front matter; a reference in a cut internal section is
        // still a reference (the definition is simply not shown to that audience).
        var problems: [(SourcePosition, String)] = []
        let body = "公开。\n\n<!-- internal -->\n内部[^secret]\n<!-- /internal -->\n\n[^secret]: 依据\n[^z]: 无人引用\n"
        _ = MarkdownDocument.make(body: body, lineOffset: 3, includeInternal: false, problems: &problems)
        #expect(problems.map(\.1) == ["footnote '[^z]' is defined but never referred to; it is not shown"])
        #expect(problems.map(\.0) == [SourcePosition(line: 11, column: 1)])
        problems = []
        _ = MarkdownDocument.make(body: body, lineOffset: 3, includeInternal: true, problems: &problems)
        #expect(problems.map(\.1) == ["footnote '[^z]' is defined but never referred to; it is not shown"])
    }

    @Test("check reports an unused footnote with path, line and column")
    func unusedFootnoteInCheck() throws {
        let root = try Self.site()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("Content")
        let article = content.appendingPathComponent("kb/unused-footnote.md")
        try Data("---\ntitle: 脚注\npermits: [alpha]\ndate: 2025-03-01\n---\n\n正文。\n\n[^old]: 旧的依据\n".utf8).write(to: article)
        let run = try TestSupport.run(["check", "--content", content.path, "--themes", TestSupport.themes, "--today", "2025-06-01"])
        #expect(run.stderr.contains("kb/unused-footnote.md:9:1: warning: footnote '[^old]' is defined but never referred to; it is not shown"),
                "\(run.stderr)")
    }
}
