@testable import DossierKit
import Foundation
import Testing

/// The extensions against the examples of the GFM specification and of cmark-gfm's extension
/// tests (both in `../shared/vectors/`; the expected HTML there is normative). Compared after
/// normalising whitespace, `align="x"` to Dossier's `class="align-x"`, the attribute order of
/// task-list checkboxes, and without the task count Dossier adds to task lists.
@Suite("Markdown extensions")
struct GFMExtensionTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var file: String
        var number: Int
        var markdown: String
        var html: String
        var testDescription: String { "\(file) #\(number)" }
    }

    static func examples(_ file: String, where keep: (String, String) -> Bool) -> [Example] {
        guard let url = TestSupport.shared?.appendingPathComponent("vectors/\(file)"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var result: [Example] = []
        var section = ""
        var markdown: [String] = []
        var html: [String] = []
        var state = 0  // 0 outside, 1 markdown, 2 html
        var header = ""
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if state == 0 && line.hasPrefix("#") { section = String(line) }
            if state == 0 && line.hasPrefix("```````````````````````````````` example") {
                state = 1; header = String(line); markdown = []; html = []; number += 1
                continue
            }
            if state == 1 && line == "." { state = 2; continue }
            if state > 0 && line == "````````````````````````````````" {
                state = 0
                if keep(section, header) {
                    result.append(Example(file: file, number: number,
                                          markdown: markdown.joined(separator: "\n").replacingOccurrences(of: "→", with: "\t") + "\n",
                                          html: html.joined(separator: "\n").replacingOccurrences(of: "→", with: "\t")))
                }
                continue
            }
            if state == 1 { markdown.append(String(line)) }
            if state == 2 { html.append(String(line)) }
        }
        return result
    }

    static let specExamples = examples("gfm-spec.txt") { _, header in
        ["table", "strikethrough", "autolink", "disabled"].contains { header.hasSuffix(" " + $0) }
    }
    static let extensionExamples = examples("gfm-extensions.txt") { section, _ in
        ["## Tables", "### ", "## Strikethroughs", "## Autolinks", "## Footnotes", "## Interop", "## Task lists"]
            .contains { section.hasPrefix($0) }
    }

    static func normalize(_ html: String) -> String {
        var text = html
        for (pattern, replacement) in [
            (#" align="(left|center|right)""#, #" class="align-$1""#),
            (#"<input (?:type="checkbox" )?checked="" disabled=""(?: type="checkbox")? ?/?>"#, "<input checked>"),
            (#"<input (?:type="checkbox" )?disabled=""(?: type="checkbox")? ?/?>"#, "<input>"),
            (#" class="task-list" data-tasks="[0-9]+ / [0-9]+""#, ""),
            (#">\s+<"#, "><"),
            (#"\s+"#, " "),
        ] {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func render(_ markdown: String) -> String {
        MarkdownRendering.standalone(markdown, unsafeHTML: true, strings: [:]).html
    }

    @Test("the GFM spec's table, strikethrough, autolink and task list examples",
          .enabled(if: !specExamples.isEmpty, "needs ../shared/vectors/gfm-spec.txt"), arguments: specExamples)
    func spec(_ example: Example) {
        #expect(Self.normalize(Self.render(example.markdown)) == Self.normalize(example.html), "\(example.markdown)")
    }

    @Test("cmark-gfm's extension tests: tables, strikethrough, autolinks, footnotes, interop, task lists",
          .enabled(if: !extensionExamples.isEmpty, "needs ../shared/vectors/gfm-extensions.txt"), arguments: extensionExamples)
    func extensions(_ example: Example) {
        let html = Self.render(example.markdown)
        if example.html == "<IGNORE>" { return }  // only must not crash
        #expect(Self.normalize(html) == Self.normalize(example.html), "\(example.markdown)")
    }

    @Test("the spec files were found with their examples", .enabled(if: TestSupport.shared != nil, "needs ../shared"))
    func counts() {
        #expect(Self.specExamples.count == 23)
        #expect(Self.extensionExamples.count >= 20)
    }

    // MARK: - Always run: Chinese text, callouts, footnotes, task counts

    @Test("autolinks stop before Chinese punctuation and may follow Chinese text")
    func chinese() {
        let cases: [(String, String)] = [
            ("详见 https://www.gov.cn/zhengce/content_6986383.htm。", "https://www.gov.cn/zhengce/content_6986383.htm"),
            ("网址：www.example.com，请访问", "www.example.com"),
            ("（见 http://example.org/a）", "http://example.org/a"),
            ("「https://e.cn/x」", "https://e.cn/x"),
            ("联系 a@b.cn；或来电", "a@b.cn"),
            ("网站https://beian.cac.gov.cn；", "https://beian.cac.gov.cn"),
            ("A list: http://e.com/a;b, then", "http://e.com/a;b"),
        ]
        for (markdown, linked) in cases {
            let html = Self.render(markdown)
            #expect(html.contains(">\(linked)</a>"), "\(markdown) → \(html)")
        }
        #expect(!Self.render("不是链接：example.com").contains("<a "))
        #expect(!Self.render("`https://e.com` and [x](https://f.com)").contains("https://e.com</a>"))
    }

    @Test("callouts get their title in the site's language")
    func callouts() {
        let markdown = "> [!WARNING]\n> 材料须加盖公章。\n\n> [!TIP]\n> 先电话确认。\n\n> [!UNKNOWN]\n> plain quote\n"
        var problems: [(SourcePosition, String)] = []
        let document = MarkdownDocument.make(body: markdown, lineOffset: 0, includeInternal: true, problems: &problems)
        var renderer = MarkdownHTML(pagePath: "index.html", unsafeHTML: false, links: [])
        renderer.calloutTitles = MarkdownRendering.calloutTitles(Theme.load(name: "default", themesDirectory: TestSupport.themes, fileSystem: .local).theme?.strings["zh-CN"] ?? [:])
        let html = renderer.render(document.root)
        #expect(html == """
            <div class="callout callout-warning">
            <p class="callout-title">警告</p>
            <p>材料须加盖公章。</p>
            </div>
            <div class="callout callout-tip">
            <p class="callout-title">提示</p>
            <p>先电话确认。</p>
            </div>
            <blockquote>
            <p>[!UNKNOWN]
            plain quote</p>
            </blockquote>

            """)
        #expect(MarkdownRendering.standalone("> [!NOTE]\n> x\n", unsafeHTML: false, strings: [:]).html.contains(">Note</p>"))
    }

    @Test("footnotes: numbered by first reference, back-links, unknown references reported, kept out of other audiences")
    func footnotes() {
        let markdown = """
            依据[^xk]和[^law]，另见[^xk]。缺失[^none]。

            [^law]: 《行政许可法》第四十二条
            [^xk]: 《互联网信息服务算法推荐管理规定》第二十四条

            <!-- internal -->
            内部[^secret]

            [^secret]: 内部依据
            <!-- /internal -->

            """
        let result = MarkdownRendering.standalone(markdown, unsafeHTML: false, strings: Theme.load(name: "default", themesDirectory: TestSupport.themes, fileSystem: .local).theme?.strings["zh-CN"] ?? [:])
        #expect(result.html.contains("依据<sup class=\"footnote-ref\"><a href=\"#fn1\" id=\"fnref1\">1</a></sup>和<sup class=\"footnote-ref\"><a href=\"#fn2\" id=\"fnref2\">2</a></sup>，另见<sup class=\"footnote-ref\"><a href=\"#fn1\" id=\"fnref1-2\">1</a></sup>。缺失[^none]。"))
        #expect(result.html.contains("<li id=\"fn1\">\n<p>《互联网信息服务算法推荐管理规定》第二十四条 <a href=\"#fnref1\" class=\"footnote-backref\">↩</a> <a href=\"#fnref1-2\" class=\"footnote-backref\">↩<sup>2</sup></a></p>"))
        #expect(result.html.contains("<li id=\"fn2\">\n<p>《行政许可法》第四十二条 <a href=\"#fnref2\""))
        #expect(result.problems.map(\.1) == ["footnote '[^none]' has no definition '[^none]: ...'"])
        #expect(result.problems.first?.0 == SourcePosition(line: 1, column: 26))

        var problems: [(SourcePosition, String)] = []
        let outside = MarkdownDocument.make(body: markdown, lineOffset: 0, includeInternal: false, problems: &problems)
        var renderer = MarkdownHTML(pagePath: "index.html", unsafeHTML: false, links: [])
        let html = renderer.render(outside.root)
        #expect(!html.contains("内部"))
        #expect(html.contains("<li id=\"fn2\">"))
    }

    @Test("task lists count what is done")
    func taskCount() {
        let html = Self.render("材料清单：\n\n- [x] 营业执照\n- [x] 法定代表人身份证明\n- [ ] 安全自评估报告\n- [x] 拟公示内容\n- [ ] 用户协议\n")
        #expect(html.contains("<ul class=\"task-list\" data-tasks=\"3 / 5\">"))
        #expect(html.contains("<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> 营业执照</li>"))
    }

    @Test("tables: Chinese cells, links inside cells are resolved like any link")
    func tableLinks() {
        var problems: [(SourcePosition, String)] = []
        let document = MarkdownDocument.make(body: "前言\n\n| 材料 | 说明 |\n| --- | :-: |\n| 营业执照 | 见 [[supplement-period]] |\n", lineOffset: 4,
                                             includeInternal: true, problems: &problems)
        #expect(document.links.map(\.destination) == ["supplement-period"])
        #expect(document.links.first?.position.line == 9)
        var renderer = MarkdownHTML(pagePath: "kb/a/index.html", unsafeHTML: false, links: [.page(PageRef(.kb, "supplement-period"), fragment: nil)],
                                    titleOf: { _, _ in "补正期间" })
        let html = renderer.render(document.root)
        #expect(html.contains("<td class=\"align-center\">见 <a class=\"wiki\" href=\"../../kb/supplement-period/index.html\">补正期间</a></td>"))
    }
}
