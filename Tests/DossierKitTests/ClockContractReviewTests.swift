@testable import DossierKit
import Foundation
import Testing

/// A review of version 2's clock (#21) against the contract's "The clock, version 2", rule by rule,
/// on built pages: each filing below is a small fixture whose figures are counted by hand on the
/// official 2025 calendar (`StatutoryClockTests.calendar`; the fixture site writes the same
/// `calendar/2025.yml`). The build's date is Fri 2025-10-31 throughout. October 2025: the 1st is a
/// Wednesday; 10-01..08 are the National Day holidays, Sun 09-28 and Sat 10-11 make-up working days.
@Suite("Review clock against the contract", .serialized)
struct ClockContractReviewTests {
    static let extra: [String: String] = [
        "permits/mlps.md": """
            ---
            name: MLPS filing
            kind: filing
            review_days: 10
            clock_starts: submitted
            ---

            """,
        "permits/drug.md": """
            ---
            name: Drug information licence
            kind: license
            review_days: 20
            application_days: {change: 10}
            ---

            """,
        "permits/cal.md": """
            ---
            name: Calendar-day filing
            kind: filing
            review_days: 20
            review_unit: calendar
            ---

            """,
        // Start: with clock_starts: submitted the clock starts on the submission, not the acceptance.
        "filings/receipt.md": filing("mlps", """
              - {date: 2025-10-20, type: submitted, summary: s}
              - {date: 2025-10-22, type: accepted, summary: a}
            """),
        // Rounds: the entry's own `clock: restart` overrides the permit's default pause.
        "filings/restart-round.md": filing("news", """
              - {date: 2025-08-29, type: submitted, summary: s}
              - {date: 2025-09-01, type: accepted, summary: a}
              - {date: 2025-09-05, type: supplement_requested, clock: restart, summary: r}
              - {date: 2025-09-10, type: supplement_sent, summary: sent}
            """),
        // Application types: a change has its own period.
        "filings/change.md": filing("drug", """
              - {date: 2025-10-13, type: submitted, summary: s}
              - {date: 2025-10-15, type: accepted, summary: a}
            """, extra: "application: change\n"),
        // Art. 203: a calendar-day period's last day on a weekend moves to the next working day.
        "filings/calendar-decided.md": filing("cal", """
              - {date: 2025-10-05, type: accepted, summary: a}
              - {date: 2025-10-27, type: approved, summary: ok}
            """, status: "approved"),
        "filings/calendar-running.md": filing("cal", """
              - {date: 2025-10-12, type: accepted, summary: a}
            """),
        // Stages: a filing still in stage 1 of a two-stage permit.
        "filings/stage-one.md": filing("publishing", """
              - {date: 2025-10-20, type: submitted, summary: s}
              - {date: 2025-10-21, type: accepted, summary: a}
            """),
        // Material completed before acceptance: no `accepted`, a request inside [S, W].
        "filings/completed.md": filing("news", """
              - {date: 2025-09-01, type: submitted, summary: s}
              - {date: 2025-09-05, type: supplement_requested, summary: r}
              - {date: 2025-09-10, type: supplement_sent, summary: sent}
              - {date: 2025-09-30, type: approved, summary: ok}
            """, status: "approved"),
        // Excluded time that begins after the period already ran out.
        "filings/overdue-excluded.md": filing("news", """
              - {date: 2025-09-01, type: submitted, summary: s}
              - {date: 2025-09-01, type: accepted, summary: a}
              - {date: 2025-10-09, type: excluded, until: 2025-11-07, notified: true, reason: 专家评审, summary: x}
            """),
    ]

    static func filing(_ permit: String, _ timeline: String, status: String = "under_review", extra: String = "") -> String {
        "---\ntitle: Fixture\nclient: acme\npermit: \(permit)\nstatus: \(status)\nmemo: {purpose: a, logic: b, risk: c}\n"
            + extra + "timeline:\n" + timeline + "\n---\n"
    }

    static func build(_ extra: [String: String]) throws -> (BuildReport, [String: Data]) {
        let root = try ClockPageTests.site(extra)
        let output = root.deletingLastPathComponent().appendingPathComponent("Output")
        let report = try Pipeline().run(TestSupport.options(content: root.path, output: output.path, today: "2025-10-31"), write: true)
        return (report, try TestSupport.tree(output))
    }

    static func clock(used: String, limit: String, unit: String = "working", remaining: String, deadline: String, state: String,
                      rounds: String = "0", stage: String = "1", excluded: String = "0", deemed: String = "false") -> [String: String] {
        ["data-clock-used": used, "data-clock-limit": limit, "data-clock-unit": unit, "data-clock-remaining": remaining,
         "data-clock-deadline": deadline, "data-clock-state": state, "data-rounds": rounds, "data-clock-stage": stage,
         "data-clock-excluded": excluded, "data-clock-deemed": deemed]
    }

    @Test("start, rounds, application types, art. 203, stages not reached, material completed, exclusion after the period ran out")
    func figures() throws {
        let (report, tree) = try Self.build(Self.extra)
        #expect(report.wrote, "\(report.diagnostics)")
        func page(_ id: String) -> String { String(decoding: tree["filings/\(id)/index.html"] ?? Data(), as: UTF8.self) }
        func clocks(_ id: String) -> [[String: String]] { ClockPageTests.stageClocks(page(id)) }

        // clock_starts: submitted, from Mon 10-20 (not the acceptance of Wed 10-22): 10-21..24 (4),
        // 10-27..31 (9) of 10; the 10th counting day is Mon 11-03. One element, stage 1.
        #expect(clocks("receipt") == [Self.clock(used: "9", limit: "10", remaining: "1", deadline: "2025-11-03", state: "running")])

        // S = Fri 08-29, W = 09-05; accepted Mon 09-01 in time. The request of Fri 09-05 restarts (its own
        // `clock`): a new full period from the material sent on Wed 09-10: 09-11, 09-12 (2), 09-15..19 (7),
        // 09-22..26 (12), Sun 09-28 make-up (13), 09-29, 09-30 (15), 10-09, 10-10 (17), Sat 10-11 make-up
        // (18), 10-13..17 (23), 10-20..24 (28), 10-27..31 (33). The 20th was Tue 10-14. Under the
        // permit's pause it would be 4 (09-02..05) + 33 = 37.
        #expect(clocks("restart-round") == [Self.clock(used: "33", limit: "20", remaining: "-13", deadline: "2025-10-14",
                                                       state: "running", rounds: "1")])
        #expect(page("restart-round").contains("data-round-rule=\"restart\""))

        // application: change picks 10 of application_days: from Wed 10-15 (S = Mon 10-13, W = Mon 10-20,
        // in time): 10-16, 10-17 (2), 10-20..24 (7), 10-27..31 (12); the 10th was Wed 10-29.
        #expect(clocks("change") == [Self.clock(used: "12", limit: "10", remaining: "-2", deadline: "2025-10-29", state: "running")])

        // Calendar days from Sun 10-05: the 20th is Sat 10-25, moved over Sun 10-26 to Mon 10-27 (art. 203).
        // The approval on 10-27 used 22 days (counted as before) but is in time: not overdue.
        #expect(clocks("calendar-decided") == [Self.clock(used: "22", limit: "20", unit: "calendar", remaining: "-2",
                                                          deadline: "", state: "stopped")])
        #expect(page("calendar-decided").contains("<section class=\"clock clock-stopped\" "))
        // From Sun 10-12: 19 calendar days to 10-31; the 20th, Sat 11-01, moves to Mon 11-03.
        #expect(clocks("calendar-running") == [Self.clock(used: "19", limit: "20", unit: "calendar", remaining: "1",
                                                          deadline: "2025-11-03", state: "running")])

        // Stage 1 of two from Tue 10-21: 10-22..24 (3), 10-27..31 (8) of 20; the 20th: 11-03..07 (13),
        // 11-10..14 (18), 11-17 (19), Tue 11-18. Stage 2 not reached: its own element, not started, with
        // its period (every stage's clock is one element).
        #expect(clocks("stage-one") == [
            Self.clock(used: "8", limit: "20", remaining: "12", deadline: "2025-11-18", state: "running"),
            Self.clock(used: "0", limit: "60", remaining: "60", deadline: "", state: "not-started", stage: "2"),
        ])

        // S = Mon 09-01, W = 5 working days later = Mon 09-08; the request of Fri 09-05 is in [S, W] and
        // there is no acceptance: the clock starts on the material sent on Wed 09-10, not on S. To the
        // approval on Tue 09-30: 09-11, 09-12 (2), 09-15..19 (7), 09-22..26 (12), Sun 09-28 (13), 09-29,
        // 09-30 (15). (Version 1 counted 09-02..05 as well: 19.)
        #expect(clocks("completed").first.map { $0.filter { ["data-clock-used", "data-clock-state", "data-clock-deemed"].contains($0.key) } }
                == ["data-clock-used": "15", "data-clock-state": "stopped", "data-clock-deemed": "false"])

        // From Mon 09-01: 09-02..05 (4), 09-08..12 (9), 09-15..19 (14), 09-22..26 (19), Sun 09-28 (20):
        // the period ran out on 09-28; 09-29, 09-30 (22) to the day before the exclusion of Thu 10-09
        // (10-01..08 are off). Left out so far, to today: 10-09, 10-10, Sat 10-11 (3), 10-13..17 (8),
        // 10-20..24 (13), 10-27..31 (18). The deadline is the day the period ran out, not a day after
        // the exclusion.
        #expect(clocks("overdue-excluded") == [Self.clock(used: "22", limit: "20", remaining: "-2", deadline: "2025-09-28",
                                                          state: "paused", excluded: "18")])
    }

    @Test("an exclusion after the decision is warned about (not running, not notified) at its entry")
    func exclusionAfterDecision() throws {
        let (report, _) = try Self.build(["filings/late.md": Self.filing("news", """
              - {date: 2025-09-01, type: submitted, summary: s}
              - {date: 2025-09-02, type: accepted, summary: a}
              - {date: 2025-09-30, type: approved, summary: ok}
              - {date: 2025-10-09, type: excluded, until: 2025-10-10, summary: x}
            """, status: "approved")])
        #expect(report.wrote, "\(report.diagnostics)")
        let warnings = report.diagnostics.filter { $0.path.hasSuffix("filings/late.md") && $0.severity == .warning }
        // Line 11: the fourth entry (lines 1-7 are front matter up to `timeline:`).
        let notRunning = warnings.first { $0.message.contains("while the clock is not running") }
        #expect(notRunning?.position.line == 11, "\(warnings)")
        let notNotified = warnings.first { $0.message.contains("notified: true") }
        #expect(notNotified?.position.line == 11, "\(warnings)")
    }

    @Test("a forwarded beyond the last stage is an error even where the clock never started")
    func forwardedBeforeStart() throws {
        let (report, _) = try Self.build(["filings/early.md": Self.filing("news", """
              - {date: 2025-10-01, type: forwarded, summary: f}
            """, status: "preparing")])
        #expect(!report.wrote)
        let error = report.diagnostics.first { $0.severity == .error && $0.message.contains("beyond the last review stage") }
        #expect(error?.path.hasSuffix("filings/early.md") == true, "\(report.diagnostics)")
        #expect(error?.position.line == 8)
    }
}
