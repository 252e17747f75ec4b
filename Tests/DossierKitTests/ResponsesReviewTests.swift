@testable import DossierKit
import Foundation
import Testing

/// Version 2: responses, reviewed against the contract ("Responses and checklists"): the number k
/// of an entry with items when entries are written out of date order, and when a client brief
/// drops an internal entry with items (the brief's k counts what it shows, its reply paths follow
/// the table, and the changes bound to the dropped entry do not move under another request).
@Suite("Responses: numbering and binding across audiences")
struct ResponsesReviewTests {
    static func content(_ files: [String: String]) throws -> String {
        let content = try TestSupport.temporaryFolder().appendingPathComponent("Content")
        for (path, text) in files {
            let url = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return content.path
    }

    static let common: [String: String] = [
        "site.yml": "title: 复核\nlanguage: zh-CN\norganization: 示例咨询\n",
        "clients/acme.md": "---\nname: 客户甲\n---\n",
        "permits/alpha.md": "---\nname: 示例许可\nkind: license\nauthority: 示例审批局\n---\n\n示例。\n",
    ]

    /// Written newest first: the entries with items are numbered in date order, as the page shows them.
    static let outOfOrder = """
        ---
        title: 倒序案卷
        client: acme
        permit: alpha
        status: under_review
        timeline:
          - date: 2026-04-08
            type: supplement_sent
            summary: 第二次补正材料。
            changes:
              - {text: 答第二轮第一点, answers: [1]}
          - date: 2026-04-01
            type: supplement_requested
            summary: 第二次补正通知。
            due: 2026-04-20
            items: [二轮一, 二轮二]
          - date: 2026-03-20
            type: supplement_sent
            summary: 第一次补正材料。
            changes:
              - {text: 答第一轮第一点, answers: [1], clauses: [第五条], pages: [第 3 页]}
          - date: 2026-03-10
            type: supplement_requested
            summary: 第一次补正通知。
            items: [一轮一]
          - date: 2026-03-02
            type: submitted
            summary: 提交。
        ---

        """

    /// An internal question with items between two public requests; a public reply answers it and
    /// carries a change that answers no point.
    static let mixed = """
        ---
        title: 混合案卷
        client: acme
        permit: alpha
        status: under_review
        timeline:
          - date: 2026-03-02
            type: submitted
            summary: 提交。
          - date: 2026-03-10
            type: supplement_requested
            summary: 第一次补正通知。
            items: [公开一, 公开二]
          - date: 2026-03-20
            type: supplement_sent
            summary: 第一次补正材料。
            changes:
              - {text: 答公开一, answers: [1]}
              - {text: 答公开二, answers: [2]}
          - date: 2026-04-01
            type: question
            internal: true
            summary: 审核老师电话提问 SECRETQ。
            items: [内部问题 SECRETQ]
          - date: 2026-04-03
            type: reply
            summary: 回复。
            changes:
              - {text: 内部答复 SECRETA, answers: [1]}
              - 顺带统一术语 OTHERCHANGE
          - date: 2026-04-10
            type: supplement_requested
            summary: 第二次补正通知。
            items: [三轮一]
        ---

        """

    /// The memo heads the first reply the audience sees; here request 1 is internal.
    static let memoFirst = """
        ---
        title: 备忘案卷
        client: acme
        permit: alpha
        status: under_review
        memo: {purpose: 目的句 MEMOPURPOSE。, logic: 逻辑句。, risk: 风险句。}
        timeline:
          - date: 2026-03-05
            type: question
            internal: true
            summary: 内部提问。
            items: [内部 SECRETQ2]
          - date: 2026-03-10
            type: supplement_requested
            summary: 补正通知。
            items: [公开点]
        ---

        """

    static func build(_ files: [String: String], audience: Audience = .internal) throws -> [String: Data] {
        let content = try content(common.merging(files) { _, new in new })
        let output = try TestSupport.temporaryFolder().appendingPathComponent("Output")
        var options = TestSupport.options(content: content, output: output.path, today: "2026-11-29")
        options.audience = audience
        let report = try Pipeline().run(options, write: true)
        #expect(report.wrote, "\(report.diagnostics)")
        return try TestSupport.tree(output)
    }

    static func text(_ tree: [String: Data], _ path: String) -> String { String(decoding: tree[path] ?? Data(), as: UTF8.self) }

    @Test("entries written out of date order: k counts the entries with items in date order, and answers bind to the one dated before")
    func outOfDateOrder() throws {
        let tree = try Self.build(["filings/order.md": Self.outOfOrder])
        let page = Self.text(tree, "filings/order/index.html")
        // Date order: 03-10 request (k = 1, one point), 03-20 answers 1.1; 04-01 request (k = 2, two
        // points), 04-08 answers 2.1; 2.2 is open.
        #expect(ResponsesTests.points(page).map { "\($0.0)=\($0.1)" } == ["1.1=true", "2.1=true", "2.2=false"])
        #expect(page.contains("data-open-items=\"1\""))
        let first = Self.text(tree, "filings/order/responses/1.txt")
        #expect(first.contains("一轮一") && first.contains("答第一轮第一点") && first.contains("第五条") && first.contains("第 3 页"))
        #expect(!first.contains("二轮"))
        let second = Self.text(tree, "filings/order/responses/2.txt")
        #expect(second.contains("二轮一") && second.contains("答第二轮第一点") && second.contains("【尚未答复】"))
        #expect(tree["filings/order/responses/3.txt"] == nil)
    }

    @Test("a client brief drops an internal entry with items: its k counts the entries it shows, the paths follow, and the changes bound to the internal entry move under no other request")
    func briefRequestNumbers() throws {
        let wiki = try Self.build(["filings/mixed.md": Self.mixed])
        let wikiPage = Self.text(wiki, "filings/mixed/index.html")
        // Wiki: 03-10 request k = 1 (both answered on 03-20), the internal question k = 2 (answered
        // on 04-03, which also carries OTHERCHANGE, answering no point), 04-10 request k = 3 (open).
        #expect(ResponsesTests.points(wikiPage).map { "\($0.0)=\($0.1)" } == ["1.1=true", "1.2=true", "2.1=true", "3.1=false"])
        #expect(wiki["filings/mixed/responses/3/index.html"] != nil)
        #expect(Self.text(wiki, "filings/mixed/responses/2.txt").contains("OTHERCHANGE"))
        #expect(!Self.text(wiki, "filings/mixed/responses/1.txt").contains("OTHERCHANGE"))

        let brief = try Self.build(["filings/mixed.md": Self.mixed], audience: .client("acme"))
        let page = Self.text(brief, "filings/mixed/index.html")
        // The brief shows two entries with items: 03-10 (k = 1) and 04-10 (k = 2); no gap betrays
        // the internal question.
        #expect(ResponsesTests.points(page).map { "\($0.0)=\($0.1)" } == ["1.1=true", "1.2=true", "2.1=false"])
        #expect(page.contains("data-open-items=\"1\""))
        #expect(page.contains("href=\"../../filings/mixed/responses/2/index.html\""))
        #expect(brief["filings/mixed/responses/3/index.html"] == nil && brief["filings/mixed/responses/3.txt"] == nil)
        let second = Self.text(brief, "filings/mixed/responses/2.txt")
        #expect(second.contains("三轮一") && second.contains("【尚未答复】"))
        #expect(Self.text(brief, "filings/mixed/responses/2/index.html").contains("data-item=\"2.1\" data-answered=\"false\""))
        // OTHERCHANGE was bound to the internal question: in the brief it is under no request (its
        // entry being public, it stays in the timeline), not under request 1.
        let first = Self.text(brief, "filings/mixed/responses/1.txt")
        #expect(!first.contains("OTHERCHANGE") && first.contains("答公开一") && first.contains("答公开二"))
        #expect(!Self.text(brief, "filings/mixed/responses/1/index.html").contains("OTHERCHANGE"))
        #expect(!second.contains("OTHERCHANGE"))
        #expect(brief["filings/mixed/responses/1.txt"] == wiki["filings/mixed/responses/1.txt"])
        #expect(page.contains("OTHERCHANGE"))
        for (path, data) in brief {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("SECRETQ") && !text.contains("SECRETA"), "\(path)")
        }
    }

    @Test("the memo heads the first reply of each audience: the wiki's reply 1 (internal), the brief's reply 1 (the public request)")
    func memoOnFirstVisibleReply() throws {
        let wiki = try Self.build(["filings/memo.md": Self.memoFirst])
        #expect(Self.text(wiki, "filings/memo/responses/1.txt").contains("MEMOPURPOSE"))
        #expect(!Self.text(wiki, "filings/memo/responses/2.txt").contains("MEMOPURPOSE"))
        let brief = try Self.build(["filings/memo.md": Self.memoFirst], audience: .client("acme"))
        #expect(brief["filings/memo/responses/2.txt"] == nil)
        let reply = Self.text(brief, "filings/memo/responses/1.txt")
        #expect(reply.contains("MEMOPURPOSE") && reply.contains("公开点") && !reply.contains("SECRETQ2"))
        #expect(Self.text(brief, "filings/memo/responses/1/index.html").contains("MEMOPURPOSE"))
    }

    @Test("checklist: waived counts as done, an optional item done counts for nothing, a required item missing is pending")
    func checklistCounts() throws {
        let permit = """
            ---
            name: 乙许可
            kind: license
            authority: 乙局
            checklist:
              - {id: a, title: 材料甲}
              - {id: b, title: 材料乙}
              - {id: c, title: 材料丙, required: false}
              - {id: d, title: 材料丁}
            ---

            """
        let filing = """
            ---
            title: 清单案卷
            client: acme
            permit: beta
            status: preparing
            checklist: {a: waived, c: done, d: pending}
            ---

            """
        let tree = try Self.build(["permits/beta.md": permit, "filings/list.md": filing])
        let page = Self.text(tree, "filings/list/index.html")
        // Required: a, b, d (3). Done: a (waived); b is not mentioned (pending), d pending, c is optional.
        #expect(page.contains("data-checklist-done=\"1\" data-checklist-required=\"3\""))
        #expect(page.contains("data-checklist-item=\"b\" data-checklist-state=\"pending\""))
        #expect(page.contains("data-checklist-item=\"a\" data-checklist-state=\"waived\""))
        #expect(page.contains("data-checklist-item=\"c\" data-checklist-state=\"done\""))
    }

    @Test("dossier new reply answers only the latest entry with items: open points of an earlier round are a usage error, not a skeleton whose answers would bind to the wrong request")
    func newReplyLatestRequest() throws {
        let filing = """
            ---
            title: 旧点未答
            client: acme
            permit: alpha
            status: under_review
            timeline:
              - date: 2026-03-10
                type: supplement_requested
                summary: 第一次补正通知。
                items: [一轮一, 一轮二]
              - date: 2026-03-20
                type: supplement_sent
                summary: 第一次补正材料。
                changes:
                  - {text: 答一轮一, answers: [1]}
              - date: 2026-04-01
                type: supplement_requested
                summary: 第二次补正通知。
                items: [二轮一, 二轮二]
              - date: 2026-04-08
                type: supplement_sent
                summary: 第二次补正材料。
                changes:
                  - {text: 答二轮一, answers: [1]}
                  - {text: 答二轮二, answers: [2]}
            ---

            """
        let content = try Self.content(Self.common.merging(["filings/old.md": filing]) { _, new in new })
        // Point 1.2 is open, request 2 has none open: an entry dated 2026-11-29 with answers [2]
        // would bind to request 2 (the nearest earlier entry with items), not to 1.2.
        #expect(throws: UsageError.self) { try ReplySkeleton.make(filing: "old", content: content, today: Day("2026-11-29")!) }
        // With point 2.2 open as well, the skeleton answers request 2 only.
        let file = URL(fileURLWithPath: content).appendingPathComponent("filings/old.md")
        try filing.replacingOccurrences(of: "      - {text: 答二轮二, answers: [2]}\n", with: "")
            .write(to: file, atomically: true, encoding: .utf8)
        let skeleton = try ReplySkeleton.make(filing: "old", content: content, today: Day("2026-11-29")!)
        #expect(skeleton.contains("      # 2. 二轮二\n") && skeleton.contains("        answers: [2]\n"))
        #expect(!skeleton.contains("一轮二"))
    }
}
