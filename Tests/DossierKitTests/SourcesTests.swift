import DossierKit
import Foundation
import Testing

/// `sources`, `verified` and `unverified` on articles and permits; the warning about a public
/// article without sources; the entry labels that depend on the permit's kind.
@Suite("Sources")
struct SourcesTests {
    static func write(_ files: [String: String]) throws -> URL {
        let folder = try TestSupport.temporaryFolder()
        let content = folder.appendingPathComponent("Content")
        for (path, text) in files {
            let url = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return folder
    }

    static let site: [String: String] = [
        "site.yml": "title: Sources test\n",
        "permits/lic.md": """
            ---
            name: 某许可
            kind: license
            sources:
              - title: 中华人民共和国行政许可法
                article: 第四十二条
                url: https://www.gov.cn/xzxk
            verified: 2026-11-20
            ---

            Body.

            """,
        "permits/fil.md": "---\nname: 某备案\nkind: filing\nsources: [{title: 某规定}]\n---\n",
        "clients/c.md": "---\nname: 客户\n---\n",
        "filings/one.md": """
            ---
            title: 许可申请
            client: c
            permit: lic
            status: rejected
            timeline:
              - {date: 2026-01-05, type: submitted, summary: 提交}
              - {date: 2026-01-20, type: rejected, summary: 决定}
            ---

            """,
        "filings/two.md": """
            ---
            title: 备案申请
            client: c
            permit: fil
            status: rejected
            timeline:
              - {date: 2026-01-05, type: submitted, summary: 提交}
              - {date: 2026-01-20, type: rejected, summary: 决定}
            ---

            """,
        "kb/good.md": """
            ---
            title: 有依据的文章
            permits: [lic]
            date: 2026-01-01
            sources:
              - title: 中华人民共和国行政许可法
                article: 第四十二条
                url: https://www.gov.cn/xzxk
              - title: 某部门规章
            verified: 2026-11-20
            unverified: [第二款是否适用 NOTCHECKEDMARK]
            ---

            ## 问题一？

            回答一。

            ## 问题二？

            回答二。

            """,
        "kb/broken.md": """
            ---
            title: 依据写错的文章
            permits: [lic]
            date: 2026-01-01
            sources:
              - tittle: 中华人民共和国行政许可法
              - title: 《中华人民共和国行政许可法》
                url: www.gov.cn
              - just text
            verified: 2026-13-01
            ---

            """,
        "kb/bare.md": "---\ntitle: 没有依据的公开文章\npermits: [lic]\ndate: 2026-01-01\n---\n",
        "kb/empty.md": "---\ntitle: 空依据\npermits: [lic]\ndate: 2026-01-01\nsources: []\n---\n",
        "kb/inside.md": "---\ntitle: 内部文章\npermits: [lic]\ndate: 2026-01-01\naudience: internal\n---\n",
        "kb/draft.md": "---\ntitle: 草稿\npermits: [lic]\ndate: 2026-01-01\ndraft: true\n---\n",
    ]

    static func build(_ audience: Audience, write: Bool = true) throws -> (report: BuildReport, output: URL) {
        let folder = try Self.write(site)
        let output = folder.appendingPathComponent("Output")
        var options = TestSupport.options(content: folder.appendingPathComponent("Content").path, output: output.path,
                                          today: "2026-11-29")
        options.audience = audience
        return (try Pipeline().run(options, write: write), output)
    }

    static func page(_ output: URL, _ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    @Test("each sources item's problems are positioned; a public article without sources is warned about")
    func diagnostics() throws {
        let (report, _) = try Self.build(.internal, write: false)
        let lines = report.diagnostics.map { "\(($0.path as NSString).lastPathComponent):\($0.position.line):\($0.position.column): \($0.severity.rawValue): \($0.message)" }
            .filter { !$0.contains("calendar") }
        let expected = [
            "broken.md:6:5: error: 'sources' item is missing the required key 'title'",
            "broken.md:6:5: warning: unknown key 'tittle' is ignored (did you mean 'title'?)",
            "broken.md:7:12: warning: write the 'title' of a source without 《》: the page adds them",
            "broken.md:8:10: error: 'url' of a source must be an http:// or https:// address, found 'www.gov.cn'",
            "broken.md:9:5: error: each item of 'sources' (title, article, url) must be a mapping of keys to values",
            "broken.md:10:11: error: 'verified' is not a date",
            "bare.md:2:1: warning: a public article should name its sources: add 'sources' (statute or rule, article, official address)",
            "empty.md:2:1: warning: a public article should name its sources: add 'sources' (statute or rule, article, official address)",
        ]
        for line in expected {
            #expect(lines.contains { $0.hasPrefix(line) }, "missing \(line) in \(lines)")
        }
        #expect(!lines.contains { $0.hasPrefix("good.md") || $0.hasPrefix("inside.md") || $0.hasPrefix("draft.md") }, "\(lines)")
        #expect(!lines.contains { $0.hasPrefix("broken.md") && $0.contains("should name its sources") }, "\(lines)")
        #expect(!lines.contains { $0.contains("lic.md") || $0.contains("fil.md") }, "\(lines)")
    }

    @Test("the internal wiki shows sources, the checked badge and the unverified notes; links to official sites get rel")
    func internalWiki() throws {
        var site = Self.site
        site.removeValue(forKey: "kb/broken.md")
        let folder = try Self.write(site)
        let output = folder.appendingPathComponent("Output")
        let options = TestSupport.options(content: folder.appendingPathComponent("Content").path, output: output.path,
                                          today: "2026-11-29")
        let report = try Pipeline().run(options, write: true)
        #expect(report.wrote, "\(report.diagnostics)")
        let article = try Self.page(output, "kb/good/index.html")
        #expect(article.contains("<h2 id=\"sources-title\">依据</h2>"))
        #expect(article.contains("<a href=\"https://www.gov.cn/xzxk\" rel=\"noopener noreferrer\">《中华人民共和国行政许可法》第四十二条</a>"))
        #expect(article.contains("<li>《某部门规章》</li>"))
        #expect(article.contains("<span class=\"badge unverified\">未全部核实</span>"))
        #expect(article.contains("NOTCHECKEDMARK"))
        let permit = try Self.page(output, "permits/lic/index.html")
        #expect(permit.contains("<span class=\"badge verified\">已核实 <time datetime=\"2026-11-20\">"))
        #expect(permit.contains("《中华人民共和国行政许可法》第四十二条</a>"))
        // 不予备案 for a filing (备案), 不予许可 for a licence.
        #expect(try Self.page(output, "filings/two/index.html").contains("不予备案"))
        let licence = try Self.page(output, "filings/one/index.html")
        #expect(licence.contains("不予许可") && !licence.contains("不予备案"))
    }

    @Test("the public site and a brief show the sources but nothing of verified or unverified; the FAQ schema cites them")
    func publicSite() throws {
        var site = Self.site
        site.removeValue(forKey: "kb/broken.md")
        for audience in [Audience.public, .client("c")] {
            let folder = try Self.write(site)
            let output = folder.appendingPathComponent("Output")
            var options = TestSupport.options(content: folder.appendingPathComponent("Content").path, output: output.path,
                                              today: "2026-11-29")
            options.audience = audience
            let report = try Pipeline().run(options, write: true)
            #expect(report.wrote, "\(report.diagnostics)")
            let tree = try TestSupport.tree(output)
            #expect(LeakScan.leaks(tree, ["NOTCHECKEDMARK", "未全部核实", "已核实", "尚待核对"]) == [], "\(audience)")
            let article = try Self.page(output, "kb/good/index.html")
            #expect(article.contains("《中华人民共和国行政许可法》第四十二条</a>"))
            #expect(try Self.page(output, "permits/lic/index.html").contains("《中华人民共和国行政许可法》第四十二条</a>"))
            if audience == .public {
                #expect(article.contains("<a href=\"https://www.gov.cn/xzxk\">《中华人民共和国行政许可法》第四十二条</a>"))
                let start = try #require(article.range(of: "<script type=\"application/ld+json\">"))
                let end = try #require(article.range(of: "</script>", range: start.upperBound..<article.endIndex))
                let json = try #require(try JSONSerialization.jsonObject(with: Data(article[start.upperBound..<end.lowerBound].utf8))
                    as? [String: Any])
                let citations = try #require(json["citation"] as? [[String: Any]])
                #expect(citations.count == 2)
                #expect(citations.first?["@type"] as? String == "CreativeWork")
                #expect(citations.first?["name"] as? String == "《中华人民共和国行政许可法》第四十二条")
                #expect(citations.first?["url"] as? String == "https://www.gov.cn/xzxk")
                #expect(citations.last?["name"] as? String == "《某部门规章》")
                #expect(citations.last?["url"] == nil)
            }
        }
    }
}
