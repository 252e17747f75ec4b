@testable import DossierKit
import Foundation
import Testing

/// Review of #22: the deadlines in combination with version 2's clock (stages, excluded time,
/// `forwarded`) and with audiences. Small sites written by the test; every day is counted by hand
/// on the official 2026 calendar (`StatutoryClockTests.calendar`: 4-6 April (清明), 1-5 May and 1-7
/// October are holidays; Saturday 9 May and Saturday 10 October are worked).
@Suite("Deadlines with stages, exclusions and audiences")
struct DeadlineCombinationTests {
    static let calendar2026 = """
        holidays: [2026-01-01, 2026-01-02, 2026-01-03,
          2026-02-15, 2026-02-16, 2026-02-17, 2026-02-18, 2026-02-19, 2026-02-20, 2026-02-21, 2026-02-22, 2026-02-23,
          2026-04-04, 2026-04-05, 2026-04-06, 2026-05-01, 2026-05-02, 2026-05-03, 2026-05-04, 2026-05-05,
          2026-06-19, 2026-06-20, 2026-06-21, 2026-09-25, 2026-09-26, 2026-09-27,
          2026-10-01, 2026-10-02, 2026-10-03, 2026-10-04, 2026-10-05, 2026-10-06, 2026-10-07]
        workdays: [2026-01-04, 2026-02-14, 2026-02-28, 2026-05-09, 2026-09-20, 2026-10-10]

        """

    /// A two-stage licence: 20 working days at the province, then 30 calendar days nationally.
    static let stagedPermit = """
        ---
        name: 分级许可
        kind: license
        review_days: 20
        stages:
          - {name: 国家审核, review_days: 30, review_unit: calendar}
        duties:
          - {title: 报送说明, after: forwarded, days: 15}
          - {title: 五个工作日内告知, after: forwarded, days: 5, unit: working}
          - {title: 一个月内说明鉴定, after: excluded, months: 1}
        ---

        """

    /// Stage 1 from acceptance on Tue 3 March; forwarded Fri 20 March, received Mon 23 March;
    /// experts 1-3 April (excluded).
    static let stagedFiling = """
        ---
        title: 两级审核
        client: acme
        permit: staged
        status: under_review
        timeline:
          - {date: 2026-03-02, type: submitted, summary: 提交}
          - {date: 2026-03-03, type: accepted, summary: 受理}
          - {date: 2026-03-20, type: forwarded, received: 2026-03-23, stage: 国家审核, summary: 报送国家}
          - {date: 2026-04-01, type: excluded, until: 2026-04-03, reason: 专家评审, notified: true, summary: 专家评审}
        ---

        """

    static func site(_ files: [String: String]) throws -> URL {
        let root = try TestSupport.temporaryFolder().appendingPathComponent("Content")
        let fm = FileManager.default
        for folder in ["permits", "clients", "filings", "calendar"] {
            try fm.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        var all = [
            "site.yml": "title: 期限复核\nbase_url: https://wiki.example.com/\n",
            "clients/acme.md": "---\nname: 甲公司\n---\n",
            "clients/other.md": "---\nname: OTHERCLIENTMARK\n---\n",
            "calendar/2026.yml": calendar2026,
            "permits/staged.md": stagedPermit,
        ]
        for (path, text) in files { all[path] = text }
        for (path, text) in all {
            try text.write(to: root.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        return root
    }

    static func build(_ content: URL, today: String, audience: Audience = .internal) throws -> (tree: [String: Data], report: BuildReport) {
        let output = try TestSupport.temporaryFolder().appendingPathComponent("Output")
        var options = TestSupport.options(content: content.path, output: output.path, today: today)
        options.audience = audience
        let report = try Pipeline().run(options, write: true)
        #expect(report.wrote, "\(report.diagnostics)")
        return (try TestSupport.tree(output), report)
    }

    static func filing(_ tree: [String: Data], _ id: String) -> [String] {
        DeadlineTests.filingDeadlines(tree, id)
    }

    @Test("the running stage's deadline: stage 2 in calendar days, excluded days added, a Saturday moved to Monday; one authority deadline only")
    func secondStageWithExclusion() throws {
        let content = try Self.site(["filings/two.md": Self.stagedFiling])
        // Stage 2 starts on Mon 23 March (received): 24-31 March are days 1-8; 1-3 April are
        // excluded; 4 April is day 9, so day 30 is 4 April + 21 = Sat 25 April -> Mon 2026-04-27
        // (art. 203).
        // Duties: 15 calendar days after forwarded (Fri 20 March) = Sat 4 April, in the 清明
        // holiday (4-6 April) -> Tue 2026-04-07. 5 working days after it: 23, 24, 25, 26, 27 March
        // -> 2026-03-27. One month after excluded (1 April) = Fri 1 May, a holiday to 5 May
        // -> Wed 2026-05-06.
        let (tree, _) = try Self.build(content, today: "2026-04-10")
        #expect(Self.filing(tree, "two") == [
            "duty 2026-03-27", "duty 2026-04-07", "authority 2026-04-27", "duty 2026-05-06",
        ])
        // The clock element of stage 2 says the same day.
        #expect(DeadlineTests.text(tree, "filings/two/index.html").contains("data-clock-deadline=\"2026-04-27\""))
    }

    @Test("inside the excluded stretch, whose end is known, the authority's deadline is already the day after it")
    func duringExclusion() throws {
        let content = try Self.site(["filings/two.md": Self.stagedFiling])
        // Same count as above: Mon 2026-04-27. On 2 April the stage-2 clock waits for the
        // experts (until 3 April).
        let (tree, _) = try Self.build(content, today: "2026-04-02")
        #expect(Self.filing(tree, "two").contains("authority 2026-04-27"))
        #expect(Self.filing(tree, "two").filter { $0.hasPrefix("authority") }.count == 1)
    }

    @Test("stage 2's deadline passed with no decision: 复议 (不予答复) 60 calendar days after it")
    func noReplyInStageTwo() throws {
        let content = try Self.site(["filings/two.md": Self.stagedFiling])
        // Deadline Mon 27 April; on 8 May it has passed. 27 April + 60: 3 days to 30 April,
        // 31 in May (34), 26 June is day 60: Fri 2026-06-26, a working day.
        let (tree, _) = try Self.build(content, today: "2026-05-08")
        let listed = Self.filing(tree, "two")
        #expect(listed.contains("authority 2026-04-27"))
        #expect(listed.contains("remedy 2026-06-26"))
        #expect(listed.filter { $0.hasPrefix("remedy") }.count == 1)
    }

    @Test("a passed stage-1 deadline followed by forwarding is no 不予答复: the running stage's deadline counts")
    func passedFirstStageThenForwarded() throws {
        // Stage 1: accepted Tue 3 March, 20 working days: 4-6 March (3), 9-13 (8), 16-20 (13),
        // 23-27 (18), 30 (19), Tue 31 March (20). Forwarded late on Wed 8 April (received the
        // same day): stage 2 runs 30 calendar days to Fri 2026-05-08. On 20 April stage 1's
        // passed deadline is not the running stage's: no remedy.
        let filing = """
            ---
            title: 迟报
            client: acme
            permit: staged
            status: under_review
            timeline:
              - {date: 2026-03-02, type: submitted, summary: 提交}
              - {date: 2026-03-03, type: accepted, summary: 受理}
              - {date: 2026-04-08, type: forwarded, summary: 报送国家}
            ---

            """
        let content = try Self.site(["filings/late.md": filing])
        let (tree, _) = try Self.build(content, today: "2026-04-20")
        let listed = Self.filing(tree, "late")
        #expect(listed.filter { $0.hasPrefix("authority") } == ["authority 2026-05-08"])
        #expect(!listed.contains { $0.hasPrefix("remedy") })
    }

    @Test("a refusal in stage 2: remedies from the day served, no authority deadline, no certificate")
    func refusalAfterStages() throws {
        let filing = String(Self.stagedFiling.dropLast("---\n".count))
            .replacingOccurrences(of: "status: under_review", with: "status: rejected")
            + "  - {date: 2026-04-20, type: rejected, served: 2026-04-24, summary: 不予许可}\n---\n"
        let content = try Self.site(["filings/two.md": filing])
        // Served Fri 24 April: + 60 days: 6 to 30 April, 31 in May (37), 23 June is day 60:
        // Tue 2026-06-23. + 6 months: Sat 24 October -> Mon 2026-10-26.
        let (tree, _) = try Self.build(content, today: "2026-05-08")
        let listed = Self.filing(tree, "two")
        #expect(listed.filter { $0.hasPrefix("remedy") } == ["remedy 2026-06-23", "remedy 2026-10-26"])
        #expect(!listed.contains { $0.hasPrefix("authority") || $0.hasPrefix("issue") })
    }

    @Test("a client brief: an internal request's due day and internal own deadlines are left out, in the page and in the feed")
    func briefLeavesInternalOut() throws {
        let own = """
            ---
            title: 甲的备案
            client: acme
            permit: staged
            status: supplementing
            deadlines:
              - {date: 2026-04-30, title: INTERNALOWNMARK, internal: true}
              - {date: 2026-05-06, title: 公开期限}
            timeline:
              - {date: 2026-04-07, type: submitted, summary: 提交}
              - {date: 2026-04-08, type: accepted, summary: 受理}
              - {date: 2026-04-09, type: supplement_requested, due: 2026-04-24, summary: 补正, items: [营业执照]}
            ---

            """
        let others = """
            ---
            title: OTHERFILINGMARK
            client: other
            permit: staged
            status: supplementing
            timeline:
              - {date: 2026-04-07, type: submitted, summary: 提交}
              - {date: 2026-04-09, type: supplement_requested, due: 2026-04-27, summary: 补正}
            ---

            """
        let content = try Self.site(["filings/own.md": own, "filings/others.md": others])
        let (wiki, _) = try Self.build(content, today: "2026-04-10")
        // The clock is paused on the request: no authority deadline; the due day as written.
        #expect(Self.filing(wiki, "own") == ["supplement 2026-04-24", "other 2026-04-30", "other 2026-05-06"])
        let wikiFeed = DeadlineTests.text(wiki, "deadlines.ics")
        #expect(wikiFeed.contains("DTSTART;VALUE=DATE:20260430") && wikiFeed.contains("DTSTART;VALUE=DATE:20260427"))

        let (brief, _) = try Self.build(content, today: "2026-04-10", audience: .client("acme"))
        #expect(Self.filing(brief, "own") == ["supplement 2026-04-24", "other 2026-05-06"])
        let feed = ICalendarText.unfold(DeadlineTests.text(brief, "deadlines.ics"))
        #expect(feed.contains("DTSTART;VALUE=DATE:20260424") && feed.contains("DTSTART;VALUE=DATE:20260506"))
        #expect(!feed.contains("20260430") && !feed.contains("20260427"))
        #expect(LeakScan.leaks(brief, ["INTERNALOWNMARK", "OTHERCLIENTMARK", "OTHERFILINGMARK"]) == [])
        // The home page of the brief lists only its own deadlines.
        #expect(!DeadlineTests.deadlines(DeadlineTests.text(brief, "index.html")).contains("supplement 2026-04-27"))
    }

    @Test("a `continue` round: the clock runs on, so the authority's deadline and the request's due day are both listed; a paused round has no authority deadline")
    func continueRound() throws {
        // Accepted Tue 3 March, 20 working days: 4-6 March (3), 9-13 (8), 16-20 (13), 23-27 (18),
        // 30 (19), Tue 2026-03-31 (20). The request of 10 March wants the material by Fri 20 March.
        func filing(_ clock: String) -> String {
            """
            ---
            title: 续行
            client: acme
            permit: staged
            status: supplementing
            timeline:
              - {date: 2026-03-02, type: submitted, summary: 提交}
              - {date: 2026-03-03, type: accepted, summary: 受理}
              - {date: 2026-03-10, type: supplement_requested, clock: \(clock), due: 2026-03-20, summary: 补正}
            ---

            """
        }
        let content = try Self.site(["filings/go.md": filing("continue"), "filings/stop.md": filing("pause")])
        let (tree, _) = try Self.build(content, today: "2026-03-12")
        #expect(Self.filing(tree, "go") == ["supplement 2026-03-20", "authority 2026-03-31"])
        #expect(Self.filing(tree, "stop") == ["supplement 2026-03-20"])
    }

    @Test("the home page: a deadline 60 days after the build's date is listed, one 61 days after is not; a past one is")
    func homeWindow() throws {
        // Build on Fri 10 April: 20 days to 30 April, 31 in May (51), 9 June is day 60.
        let filing = """
            ---
            title: 窗口
            client: acme
            permit: staged
            status: preparing
            deadlines:
              - {date: 2026-06-09, title: 第六十日}
              - {date: 2026-06-10, title: 第六十一日}
              - {date: 2026-01-05, title: 已过}
            ---

            """
        let content = try Self.site(["filings/window.md": filing])
        let (tree, _) = try Self.build(content, today: "2026-04-10")
        #expect(DeadlineTests.deadlines(DeadlineTests.text(tree, "index.html")) == ["other 2026-01-05", "other 2026-06-09"])
        #expect(Self.filing(tree, "window") == ["other 2026-01-05", "other 2026-06-09", "other 2026-06-10"])
    }

    @Test("an exclusion notified after the period ran out does not move the passed deadline: still 不予答复")
    func exclusionAfterDeadline() throws {
        // Accepted Tue 3 March, 20 working days: Tue 2026-03-31 (see continueRound). The experts
        // are announced for 8-17 April, after that day: the days used already exceed the period.
        // On 14 April (inside the exclusion) the deadline that passed is still 31 March, and
        // 复议 (不予答复) runs 60 days from it: 30 to 30 April, 31 in May (61) -> day 60 is
        // Sat 30 May -> Mon 2026-06-01 (art. 203).
        let filing = """
            ---
            title: 迟延鉴定
            client: acme
            permit: staged
            status: under_review
            timeline:
              - {date: 2026-03-02, type: submitted, summary: 提交}
              - {date: 2026-03-03, type: accepted, summary: 受理}
              - {date: 2026-04-08, type: excluded, until: 2026-04-17, reason: 鉴定, notified: true, summary: 鉴定}
            ---

            """
        let content = try Self.site(["filings/late.md": filing])
        let (during, _) = try Self.build(content, today: "2026-04-14")
        // (The permit's duty one month after `excluded`: 8 April -> Fri 2026-05-08.)
        #expect(Self.filing(during, "late") == ["authority 2026-03-31", "duty 2026-05-08", "remedy 2026-06-01"])
        #expect(DeadlineTests.text(during, "filings/late/index.html").contains("data-clock-deadline=\"2026-03-31\""))
        // After the exclusion, the same.
        let (after, _) = try Self.build(content, today: "2026-04-24")
        #expect(Self.filing(after, "late") == ["authority 2026-03-31", "duty 2026-05-08", "remedy 2026-06-01"])

    }

    @Test("in stage 2: material sent after the due day warns at the supplement_sent (line, column); a `due` on an excluded or forwarded entry is no deadline")
    func stageTwoWarningAndStrayDue() throws {
        let filing = """
            ---
            title: 二阶段补正
            client: acme
            permit: staged
            status: under_review
            timeline:
              - {date: 2026-03-02, type: submitted, summary: 提交}
              - {date: 2026-03-03, type: accepted, summary: 受理}
              - {date: 2026-03-20, type: forwarded, due: 2026-03-25, summary: 报送国家}
              - {date: 2026-04-01, type: excluded, until: 2026-04-03, due: 2026-04-02, reason: 专家评审, notified: true, summary: 专家评审}
              - {date: 2026-04-13, type: supplement_requested, clock: restart, due: 2026-04-17, summary: 补正}
              - {date: 2026-04-20, type: supplement_sent, summary: 已补正}
            ---

            """
        let content = try Self.site(["filings/two.md": filing])
        let (tree, report) = try Self.build(content, today: "2026-04-21")
        // Material sent Mon 20 April, after the due day Fri 17 April: a warning at line 12
        // (the `supplement_sent` entry), column 5.
        let warnings = report.diagnostics.filter { $0.path.hasSuffix("filings/two.md") && $0.message.contains("'due'") }
        #expect(warnings.map { "\($0.position.line):\($0.position.column)" } == ["12:5"], "\(report.diagnostics)")
        // The request is answered: no supplement deadline; the stray `due` days are none either.
        // Stage 2 restarts on 20 April: 30 calendar days -> Wed 2026-05-20.
        let listed = Self.filing(tree, "two")
        #expect(!listed.contains { $0.hasPrefix("supplement") })
        #expect(!listed.contains("other 2026-03-25") && !listed.contains { $0.contains("2026-04-02") })
        #expect(listed.contains("authority 2026-05-20"))
    }
}
