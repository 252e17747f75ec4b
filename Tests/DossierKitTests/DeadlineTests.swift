@testable import DossierKit
import Foundation
import Testing

/// Version 2, "Deadlines and the calendar feed": every deadline a filing page lists, its kind and
/// its day, against days counted by hand on the official 2026 calendar (see
/// `StatutoryClockTests.calendar`: 1-7 October are holidays, Saturday 10 October is worked). The
/// fixture is built on Sunday 2026-11-29.
@Suite("Deadlines")
struct DeadlineTests {
    static let fixture = TestSupport.fixture("deadlines")
    static let today = "2026-11-29"

    static func build(_ content: String = fixture, audience: Audience = .internal, today: String = today)
        throws -> (tree: [String: Data], report: BuildReport) {
        let folder = try TestSupport.temporaryFolder()
        let output = folder.appendingPathComponent("Output")
        var options = TestSupport.options(content: content, output: output.path, today: today)
        options.audience = audience
        let report = try Pipeline().run(options, write: true)
        #expect(report.wrote, "\(report.diagnostics)")
        return (try TestSupport.tree(output), report)
    }

    static func text(_ tree: [String: Data], _ path: String) -> String { String(decoding: tree[path] ?? Data(), as: UTF8.self) }

    /// `kind date` of every element carrying both attributes, in page order.
    static func deadlines(_ html: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "data-deadline-date=\"") {
            let date = rest[start.upperBound...].prefix(10)
            rest = rest[start.upperBound...]
            guard let kindStart = rest.range(of: "data-deadline-kind=\"") else { break }
            let kind = rest[kindStart.upperBound...].prefix { $0 != "\"" }
            found.append("\(kind) \(date)")
        }
        return found
    }

    static func filingDeadlines(_ tree: [String: Data], _ id: String) -> [String] {
        deadlines(text(tree, "filings/\(id)/index.html"))
    }

    @Test("a granted licence: the certificate's issue, duties in calendar days, months and working days, expiry and renewal, soonest first")
    func grantedLicence() throws {
        let (tree, _) = try Self.build()
        // Approved Wednesday 2026-09-30.
        // issue: 10 working days after it: 1-7 Oct are holidays; 8 (Thu) 1, 9 (Fri) 2, 10 (Sat,
        //   worked) 3, 12-16 Oct 4-8, 19 Oct 9, Tue 20 Oct 10 -> 2026-10-20.
        // duty of 7 working days: 8, 9, 10, 12, 13, 14, 15 Oct -> 2026-10-15.
        // duty of 31 calendar days: 30 Sep + 31 = Sat 31 Oct, a day off -> Mon 2026-11-02 (art. 203).
        // duty of 5 months: 30 Sep -> 30 Feb 2027 does not exist -> Sun 28 Feb 2027 -> Mon 2027-03-01.
        // expiry: granted 2026-09-30 + 3 years = 2029-09-30, the day before: 2029-09-29 (estimate).
        // renewal: 2029-09-29 - 30 days = Thu 2029-08-30.
        // The duty after 'withdrawn' has no such entry: not listed.
        #expect(Self.filingDeadlines(tree, "granted") == [
            "duty 2026-10-15", "issue 2026-10-20", "duty 2026-11-02", "duty 2027-03-01", "renewal 2029-08-30", "expiry 2029-09-29",
        ])
        let page = Self.text(tree, "filings/granted/index.html")
        #expect(page.contains("七个工作日内公示"))
        #expect(!page.contains("撤回后说明"))
        // The expiry computed from validity_years is marked as an estimate; days left from the build's date.
        #expect(page.contains("许可有效期届满 <span class=\"badge estimate\">估算</span>"))
        // 2026-11-29 to 2029-09-29: 1,035 days (Nov 29 -> Nov 29 2029 is 1,096 days, less 61).
        #expect(page.contains("还有 1035 天"))
        // 2026-10-20 to 2026-11-29: 11 + 29 = 40 days ago.
        #expect(page.contains("已过 40 天"))
        #expect(page.contains("data-expiry-state=\"valid\""))
    }

    @Test("expiry written on the certificate, renewal counted backwards onto a holiday moves to the working day before")
    func renewalBackwards() throws {
        let (tree, _) = try Self.build()
        // expires 2026-11-03; minus 30 days = Sun 4 Oct, in the National Day holiday (1-7 Oct):
        // the working day before is Wed 2026-09-30 (never later).
        let written = Self.filingDeadlines(tree, "written")
        #expect(written.contains("renewal 2026-09-30"))
        #expect(written.contains("expiry 2026-11-03"))
        let page = Self.text(tree, "filings/written/index.html")
        #expect(page.contains("data-expiry-state=\"expired\""))
        #expect(!page.contains("badge estimate"))
        // granted 2024-01-10 (not the approval of 2024-01-08): 3 years -> 2027-01-10, the day before
        // 2027-01-09; renewal 30 days earlier: Thu 2026-12-10, eleven days after the build's date.
        let renew = Self.filingDeadlines(tree, "renew")
        #expect(renew.contains("expiry 2027-01-09") && renew.contains("renewal 2026-12-10"))
        #expect(Self.text(tree, "filings/renew/index.html").contains("data-expiry-state=\"renewal\""))
    }

    @Test("after a refusal: 复议 within 60 days and 诉讼 within 6 months of the day served, as alternatives, off days moved")
    func remediesAfterRefusal() throws {
        let (tree, _) = try Self.build()
        // Served Mon 2026-08-03: + 60 days = Fri 2 Oct, a holiday -> Thu 2026-10-08;
        // + 6 months = Wed 2027-02-03.
        #expect(Self.filingDeadlines(tree, "refused") == ["remedy 2026-10-08", "remedy 2027-02-03"])
        let page = Self.text(tree, "filings/refused/index.html")
        #expect(page.contains("申请行政复议") && page.contains("提起行政诉讼"))
        #expect(page.components(separatedBy: "badge alternative").count == 3)
        // No `served`: the entry's date, Mon 2026-08-31: + 60 days = Fri 2026-10-30; + 6 months =
        // 31 Feb 2027, no such day -> Sun 28 Feb -> Mon 2027-03-01.
        #expect(Self.filingDeadlines(tree, "refused-late") == ["remedy 2026-10-30", "remedy 2027-03-01"])
    }

    @Test("a calendar-day period ending on a holiday, passed without a decision: the authority's deadline moves, then 复议 (不予答复) 60 days later")
    func noReply() throws {
        let (tree, _) = try Self.build()
        // Accepted Tue 2026-09-01, 30 calendar days: Thu 1 Oct, a holiday -> Thu 2026-10-08.
        // Passed on 2026-11-29 with no decision: 8 Oct + 60 days = 7 Dec (23 + 30 + 7) -> Mon 2026-12-07.
        #expect(Self.filingDeadlines(tree, "silent") == ["authority 2026-10-08", "remedy 2026-12-07"])
        #expect(Self.text(tree, "filings/silent/index.html").contains("申请行政复议（逾期不予答复）"))
        // A working-day clock still running: accepted Mon 2026-11-16, 20 working days: 17-20 Nov 4,
        // 23-27 Nov 9, 30 Nov-4 Dec 14, 7-11 Dec 19, Mon 2026-12-14 20. Not passed: no remedy.
        #expect(Self.filingDeadlines(tree, "running") == ["authority 2026-12-14"])
    }

    @Test("remedies: false in site.yml leaves the remedies out")
    func remediesOff() throws {
        let folder = try TestSupport.temporaryFolder()
        let content = folder.appendingPathComponent("Content")
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: content.path)
        let site = content.appendingPathComponent("site.yml")
        try (String(contentsOf: site, encoding: .utf8) + "remedies: false\n").write(to: site, atomically: true, encoding: .utf8)
        let (tree, _) = try Self.build(content.path)
        #expect(Self.filingDeadlines(tree, "refused") == [])
        #expect(Self.filingDeadlines(tree, "silent") == ["authority 2026-10-08"])
    }

    @Test("an open request's due day, the filing's own deadlines; internal ones only in the wiki")
    func supplementAndOwn() throws {
        let (tree, _) = try Self.build()
        // The clock is paused (no authority deadline); the request wants the material by 2026-12-04.
        #expect(Self.filingDeadlines(tree, "waiting") == ["supplement 2026-12-04", "other 2026-12-20", "other 2026-12-21"])
        let (brief, _) = try Self.build(audience: .client("c"))
        #expect(Self.filingDeadlines(brief, "waiting") == ["supplement 2026-12-04", "other 2026-12-20"])
        #expect(LeakScan.leaks(brief, ["INTERNALDEADLINEMARK", "客户乙", "被驳回的备案"]) == [])
    }

    @Test("the home page: every deadline in the next 60 days and every one missed, by date, with filing and client")
    func dashboard() throws {
        let (tree, _) = try Self.build()
        let home = Self.text(tree, "index.html")
        let listed = Self.deadlines(home)
        // 60 days after 2026-11-29 is 2027-01-28: the litigation deadlines of February and March
        // 2027 and the expiries of 2029 are left out; everything before the build's date is in.
        #expect(listed.contains("renewal 2026-12-10") && listed.contains("expiry 2027-01-09"))
        #expect(listed.contains("authority 2026-12-14") && listed.contains("supplement 2026-12-04"))
        #expect(listed.contains("remedy 2026-12-07") && listed.contains("remedy 2026-10-08"))
        #expect(!listed.contains("remedy 2027-02-03") && !listed.contains("expiry 2029-09-29"))
        #expect(listed.map { $0.split(separator: " ")[1] } == listed.map { $0.split(separator: " ")[1] }.sorted())
        #expect(home.contains("客户甲") && home.contains("等待补正"))
        // The permit in its renewal window, on the dashboard too.
        #expect(home.contains("data-expiry-state=\"renewal\""))
        #expect(home.contains("href=\"deadlines.ics\""))
        // The permit page lists the permits of that type expiring in the next 90 days: only renew
        // (2027-01-09, 41 days); written has expired, granted expires in 2029.
        let permit = Self.text(tree, "permits/lic/index.html")
        #expect(permit.contains("data-expires=\"2027-01-09\""))
        #expect(!permit.contains("data-expires=\"2026-11-03\"") && !permit.contains("data-expires=\"2029-09-29\""))
        let (brief, _) = try Self.build(audience: .client("c"))
        #expect(!Self.text(brief, "permits/lic/index.html").contains("data-expires="))
    }

    @Test("warnings: material sent after its due day, granted before the first submission, expiry before the grant; an unknown 'after' is an error")
    func warnings() throws {
        let (_, report) = try Self.build()
        let messages = report.diagnostics.filter { $0.path.hasSuffix("warns.md") }.map { "\($0.position.line): \($0.message)" }
        #expect(messages.contains("12: 'supplement_sent' on 2026-03-12 is after the 'due' day 2026-03-10 of the request of 2026-03-02"))
        #expect(messages.contains("6: the permit is granted on 2026-01-05, before the first 'submitted' entry (2026-02-02)"))
        #expect(messages.contains("7: 'expires' (2025-12-31) is before the day the permit was granted (2026-01-05)"))
        // Consistent dates draw none (renew.md's clock runs through 2023 and 2024, which have no calendar file: those warnings only).
        #expect(!report.diagnostics.contains { $0.path.hasSuffix("granted.md") })
        #expect(report.diagnostics.filter { $0.path.hasSuffix("renew.md") }.allSatisfy { $0.message.contains("there is no calendar/") })

        let folder = try TestSupport.temporaryFolder()
        let content = folder.appendingPathComponent("Content")
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: content.path)
        try """
        ---
        name: Bad duties
        duties:
          - {title: 登记, after: approve, days: 3}
          - {title: 无期限, after: approved}
        ---
        """.write(to: content.appendingPathComponent("permits/bad.md"), atomically: true, encoding: .utf8)
        let result = try TestSupport.run(["check", "--content", content.path, "--themes", TestSupport.themes, "--today", Self.today])
        #expect(result.status == 1)
        // Column 24: the value after "  - {title: 登记, after: " (characters, not bytes).
        #expect(result.stderr.contains("permits/bad.md:4:24: error: 'after' of a duty must be a timeline entry type, found 'approve' (did you mean 'approved'?)"), "\(result.stderr)")
        #expect(result.stderr.contains("permits/bad.md:5:5: error: a duty needs 'days' or 'months'"), "\(result.stderr)")
    }

    @Test("months and periods as the contract counts them, on hand-counted days")
    func arithmetic() {
        #expect(FilingDeadlines.estimatedExpiry(granted: Day("2024-01-10")!, years: 3) == Day("2027-01-09"))
        // 29 February plus one year: 28 February 2025 (the month's last day), the day before: 27 February.
        #expect(FilingDeadlines.estimatedExpiry(granted: Day("2024-02-29")!, years: 1) == Day("2025-02-27"))
        #expect(FilingDeadlines.estimatedExpiry(granted: Day("2025-03-01")!, years: 5) == Day("2030-02-28"))
    }
}
