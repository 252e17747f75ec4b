@testable import DossierKit
import Foundation
import Testing

/// Version 2: responses. The reviewer's points, the changes that answer them, the response table,
/// the reply letters and checklists, read from built output (fixture `responses`: a filing with
/// two rounds, an internal point in the first and one point left open in the second).
@Suite("Responses and checklists")
struct ResponsesTests {
    static let fixture = TestSupport.fixture("responses")

    /// The fixture copied into a temporary folder, with site.yml's `language` set.
    static func copy(language: String) throws -> URL {
        let folder = try TestSupport.temporaryFolder().appendingPathComponent("Content")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: fixture), to: folder)
        let settings = folder.appendingPathComponent("site.yml")
        let text = try String(contentsOf: settings, encoding: .utf8).replacingOccurrences(of: "language: zh-CN", with: "language: \(language)")
        try text.write(to: settings, atomically: true, encoding: .utf8)
        return folder
    }

    static func build(_ content: String, audience: Audience = .internal, today: String = "2026-11-29") throws -> (tree: [String: Data], report: BuildReport) {
        let output = try TestSupport.temporaryFolder().appendingPathComponent("Output")
        var options = TestSupport.options(content: content, output: output.path, today: today)
        options.audience = audience
        let report = try Pipeline().run(options, write: true)
        #expect(report.wrote, "\(report.diagnostics)")
        return (try TestSupport.tree(output), report)
    }

    static func text(_ tree: [String: Data], _ path: String) -> String { String(decoding: tree[path] ?? Data(), as: UTF8.self) }

    /// `data-item` → `data-answered` of every point on a page, in page order.
    static func points(_ html: String) -> [(String, String)] {
        let pattern = try! NSRegularExpression(pattern: "data-item=\"([0-9.]+)\" data-answered=\"(true|false)\"")
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { match in
            (String(html[Range(match.range(at: 1), in: html)!]), String(html[Range(match.range(at: 2), in: html)!]))
        }
    }

    static func expected(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: TestSupport.fixture("responses-expected/\(name)")))
    }

    @Test("the filing page numbers each point <k>.<n>, says which are answered and counts the open ones (zh-CN wiki)")
    func tableInternalWiki() throws {
        let (tree, _) = try Self.build(Self.fixture)
        let page = Self.text(tree, "filings/two-rounds/index.html")
        // Round 1: three points, all answered (the second is internal); round 2: point 2 open.
        #expect(Self.points(page).map { "\($0.0)=\($0.1)" } == ["1.1=true", "1.2=true", "1.3=true", "2.1=true", "2.2=false"])
        #expect(page.contains("data-open-items=\"1\""))
        #expect(page.contains("SECRETPOINT") && page.contains("SECRETCHANGE"))
        #expect(page.contains("<strong class=\"state state-open\">未答复</strong>"))
        #expect(page.contains("1 条意见未答复"))
        // Each answer with its clauses and pages; the change that answers nothing stands under its request.
        #expect(page.contains("《示例办法》第七条") && page.contains("第 10–12 页"))
        #expect(page.contains("<h4>其他修改</h4>") && page.contains("<li>统一全文术语"))
        // The letters are linked from the table.
        #expect(page.contains("href=\"../../filings/two-rounds/responses/1/index.html\"")
                && page.contains("href=\"../../filings/two-rounds/responses/2.txt\""))
        // Checklist: licence done, plan waived (counts as done), extra optional: 2 of 2.
        #expect(page.contains("data-checklist-done=\"2\" data-checklist-required=\"2\""))
        #expect(page.contains("data-checklist-item=\"plan\" data-checklist-state=\"waived\""))
    }

    @Test("the plain-text reply is byte for byte the letter written by hand (zh-CN, with the memo and an internal point)")
    func plainTextChinese() throws {
        let (tree, _) = try Self.build(Self.fixture)
        #expect(tree["filings/two-rounds/responses/1.txt"] == (try Self.expected("two-rounds-1.zh-CN.txt")))
    }

    @Test("in English the table and the letter say which point is open, and the plain text is the one written by hand")
    func english() throws {
        let content = try Self.copy(language: "en")
        let (tree, _) = try Self.build(content.path)
        let page = Self.text(tree, "filings/two-rounds/index.html")
        #expect(Self.points(page).map(\.0) == ["1.1", "1.2", "1.3", "2.1", "2.2"])
        #expect(page.contains("points and answers") && page.contains("1 open"))
        #expect(tree["filings/two-rounds/responses/2.txt"] == (try Self.expected("two-rounds-2.en.txt")))
        let letter = Self.text(tree, "filings/two-rounds/responses/2/index.html")
        #expect(letter.contains("<li class=\"reply-point point-open\" value=\"2\" data-item=\"2.2\" data-answered=\"false\">"))
        #expect(letter.contains("[NOT ANSWERED YET]"))
        #expect(letter.contains("Points not answered yet: 1."))
        // The memo heads the first reply only.
        #expect(!letter.contains("Memo for reviewers"))
        #expect(Self.text(tree, "filings/two-rounds/responses/1/index.html").contains("Memo for reviewers"))
    }

    @Test("the letter is addressed to the permit's authority, names the filing, its reference and the request, and prints on A4")
    func letter() throws {
        let (tree, _) = try Self.build(Self.fixture)
        let letter = Self.text(tree, "filings/two-rounds/responses/1/index.html")
        #expect(letter.contains("<dt>致</dt><dd>示例审批局</dd>"))
        #expect(letter.contains("<dd>示例案卷</dd>") && letter.contains("<dd>REF-1</dd>"))
        #expect(letter.contains("现就2026年3月10日的要求补正答复如下。"))
        #expect(letter.contains("<dt>目的</dt><dd>目的一句话。</dd>"))
        #expect(!letter.contains("reply-incomplete"))  // every point of round 1 is answered
        #expect(Self.text(tree, "filings/two-rounds/responses/2/index.html").contains("尚有 1 条审核意见未答复"))
        let css = Self.text(tree, "_theme/style.css")
        #expect(css.contains("@page { size: A4"))
    }

    @Test("a client brief has no internal point, no change that answers only one, and says so in no reply page or text")
    func brief() throws {
        let (tree, _) = try Self.build(Self.fixture, audience: .client("acme"))
        let page = Self.text(tree, "filings/two-rounds/index.html")
        // Point 1.2 is internal: gone, the others keep the reviewer's numbers.
        #expect(Self.points(page).map { "\($0.0)=\($0.1)" } == ["1.1=true", "1.3=true", "2.1=true", "2.2=false"])
        #expect(page.contains("data-open-items=\"1\""))
        #expect(tree["filings/two-rounds/responses/1.txt"] == (try Self.expected("two-rounds-1.brief.zh-CN.txt")))
        for (path, data) in tree {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("SECRETPOINT") && !text.contains("SECRETCHANGE"), "\(path)")
        }
        #expect(tree["filings/two-rounds/responses/2/index.html"] != nil)
    }

    @Test("a public site has no reply page and no reply text")
    func publicSite() throws {
        let (tree, _) = try Self.build(Self.fixture, audience: .public)
        #expect(!tree.keys.contains { $0.contains("responses") })
    }

    @Test("the dashboard lists open points with the days since they were raised, and the checklists of filings being prepared")
    func dashboard() throws {
        let (tree, _) = try Self.build(Self.fixture)
        let home = Self.text(tree, "index.html")
        // Raised 2026-04-01, today 2026-11-29: April 30 - 1 = 29 days left in April, then
        // May 31 + June 30 + July 31 + August 31 + September 30 + October 31 = 184, then 29 in
        // November: 29 + 184 + 29 = 242.
        #expect(home.contains("data-open-points=\"1\" data-open-days=\"242\""))
        // preparing-one: licence done, plan not mentioned (pending): 1 of 2.
        #expect(home.contains("data-checklist-done=\"1\" data-checklist-required=\"2\"><a href=\"filings/preparing-one/index.html\">"))
        let permit = Self.text(tree, "permits/alpha/index.html")
        #expect(permit.contains("data-checklist-item=\"licence\">营业执照副本</li>"))
        #expect(permit.contains("data-checklist-item=\"extra\">补充说明 <span class=\"muted\">（非必需）</span>"))
    }

    @Test("version 1 changes, plain strings, render in the timeline as before")
    func versionOneChanges() throws {
        let (tree, _) = try Self.build(TestSupport.packageRoot.appendingPathComponent("Content").path)
        let page = Self.text(tree, "filings/xingyun-algorithm/index.html")
        #expect(page.contains("<h3>修改点</h3><ul><li>自评估报告第 3.2 节补充权重比例说明</li><li>拟公示内容增加用户关闭个性化推荐的入口说明</li></ul>"))
        // A change written as a mapping shows its text in the timeline the same way.
        let fixturePage = Self.text(try Self.build(Self.fixture).tree, "filings/two-rounds/index.html")
        #expect(fixturePage.contains("<h3>修改点</h3><ul><li>补充营业执照副本</li><li>更新章程版本 SECRETCHANGE</li><li>数据来源说明</li><li>统一全文术语</li></ul>"))
    }

    @Test("dossier new reply prints an entry answering the open point; pasted and filled in, nothing is open")
    func newReply() throws {
        let content = try Self.copy(language: "zh-CN")
        let skeleton = try ReplySkeleton.make(filing: "two-rounds", content: content.path, today: Day("2026-11-29")!)
        #expect(skeleton.contains("  - date: 2026-11-29\n    type: supplement_sent\n"))
        #expect(skeleton.contains("      # 2. 请说明跨境传输情况。\n      - text: 在这里写修改内容（第 2 点）\n        answers: [2]\n"))
        #expect(!skeleton.contains("answers: [1]"))
        // Pasted as it is, the check warns about the placeholder; filled in, the point is answered.
        let file = content.appendingPathComponent("filings/two-rounds.md")
        let original = try String(contentsOf: file, encoding: .utf8)
        let pasted = original.replacingOccurrences(of: "\n---\n\n两轮补正的示例。", with: "\n" + skeleton + "---\n\n两轮补正的示例。")
        try pasted.write(to: file, atomically: true, encoding: .utf8)
        var (tree, report) = try Self.build(content.path)
        #expect(report.diagnostics.contains { $0.severity == .warning && $0.message.contains("still the placeholder of dossier new reply") })
        try pasted.replacingOccurrences(of: "在这里写修改内容（第 2 点）", with: "补充跨境传输说明").write(to: file, atomically: true, encoding: .utf8)
        (tree, report) = try Self.build(content.path)
        #expect(Self.text(tree, "filings/two-rounds/index.html").contains("data-open-items=\"0\""))
        #expect(throws: UsageError.self) { try ReplySkeleton.make(filing: "preparing-one", content: content.path, today: Day("2026-11-29")!) }
    }

    @Test("every diagnostic of responses and checklists, each at its line and column")
    func diagnostics() throws {
        let content = try TestSupport.temporaryFolder().appendingPathComponent("Content")
        let files: [String: String] = [
            "site.yml": "title: 诊断\n",
            "clients/acme.md": "---\nname: 客户\n---\n",
            "permits/alpha.md": """
                ---
                name: 甲
                checklist:
                  - {id: licence, title: 执照}
                  - {id: licence, title: 执照二}
                  - {id: plan, title: 方案}
                ---

                """,
            "filings/bad.md": """
                ---
                title: 坏案卷
                client: acme
                permit: alpha
                status: submitted
                checklist: {licence: done, nosuch: done}
                timeline:
                  - date: 2026-03-01
                    type: note
                    summary: 没有请求就答复。
                    changes:
                      - {text: 无处可答, answers: [1]}
                  - date: 2026-03-02
                    type: supplement_requested
                    summary: 请求。
                    items: [第一点, 第二点]
                  - date: 2026-03-05
                    type: supplement_sent
                    summary: 答复。
                    changes:
                      - {text: 答第三点, answers: [3]}
                ---

                """,
        ]
        for (path, text) in files {
            let url = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let output = try TestSupport.temporaryFolder().appendingPathComponent("Output")
        let report = try Pipeline().run(TestSupport.options(content: content.path, output: output.path, today: "2026-11-29"), write: false)
        let found = report.diagnostics.map { "\(($0.path as NSString).lastPathComponent):\($0.position.line):\($0.position.column): \($0.severity.rawValue): \($0.message)" }
        func has(_ prefix: String, _ words: String) -> Bool { found.contains { $0.hasPrefix(prefix) && $0.contains(words) } }
        // `  - {id: licence` on line 5: the id's value starts at column 10.
        #expect(has("alpha.md:5:10: error:", "duplicate checklist id 'licence'"), "\(found)")
        // `checklist: {licence: done, nosuch: done}`: 'nosuch' at column 12 + 15 + 1 = 28.
        #expect(has("bad.md:6:28: error:", "checklist id 'nosuch' is not in the checklist of permit 'alpha'"), "\(found)")
        // `      - {text: 无处可答, answers: [1]}`: 6 spaces, '- {' (7-9), 'text: ' (10-15), four
        // characters (16-19), ', ' (20-21), 'answers: ' (22-30), '[' (31): the number at 32.
        #expect(has("bad.md:12:32: error:", "no earlier timeline entry has 'items'"), "\(found)")
        // The same layout on line 21, answering a point the request of 03-02 does not have.
        #expect(has("bad.md:21:32: error:", "has no point 3 (it has 2)"), "\(found)")
        // The supplement_sent entry starts at `date` on line 17, column 5.
        #expect(has("bad.md:17:5: warning:", "leaves points 1, 2 of the supplement request of 2026-03-02 unanswered"), "\(found)")
        // `status: submitted`: the value at column 9; 'plan' is required and not mentioned.
        #expect(has("bad.md:5:9: warning:", "required checklist items are still pending: plan"), "\(found)")
    }

    @Test("a rebuild into the same folder renders the replies again when the timeline changes, and removes those that go")
    func incremental() throws {
        let content = try Self.copy(language: "zh-CN")
        let output = try TestSupport.temporaryFolder().appendingPathComponent("Output")
        let options = TestSupport.options(content: content.path, output: output.path, today: "2026-11-29")
        #expect(try Pipeline().run(options, write: true).wrote)
        let text = output.appendingPathComponent("filings/two-rounds/responses/2.txt")
        #expect(try String(contentsOf: text, encoding: .utf8).contains("【尚未答复】"))
        // Answer point 2 of the second request: the letter and its text no longer say it is open.
        let file = content.appendingPathComponent("filings/two-rounds.md")
        let original = try String(contentsOf: file, encoding: .utf8)
        try original.replacingOccurrences(of: "      - {text: 补充任命书, answers: [1], pages: [附件二]}",
                                          with: "      - {text: 补充任命书, answers: [1], pages: [附件二]}\n      - {text: 说明跨境传输, answers: [2]}")
            .write(to: file, atomically: true, encoding: .utf8)
        #expect(try Pipeline().run(options, write: true).wrote)
        let answered = try String(contentsOf: text, encoding: .utf8)
        #expect(!answered.contains("【尚未答复】") && answered.contains("   修改内容：说明跨境传输\n"))
        let letter = try String(contentsOf: output.appendingPathComponent("filings/two-rounds/responses/2/index.html"), encoding: .utf8)
        #expect(letter.contains("data-item=\"2.2\" data-answered=\"true\""))
        // Without the second request's points there is no second reply.
        try original.replacingOccurrences(of: "      - 请补充数据安全负责人任命书。\n      - 请说明跨境传输情况。\n", with: "")
            .replacingOccurrences(of: "      - {text: 补充任命书, answers: [1], pages: [附件二]}", with: "      - 补充任命书")
            .write(to: file, atomically: true, encoding: .utf8)
        let report = try Pipeline().run(options, write: true)
        #expect(report.wrote, "\(report.diagnostics)")
        #expect(!FileManager.default.fileExists(atPath: text.path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("filings/two-rounds/responses/2/index.html").path))
    }
}
