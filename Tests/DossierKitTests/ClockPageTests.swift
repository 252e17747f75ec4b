@testable import DossierKit
import Foundation
import Testing

/// Version 2's clock on built pages: one element per review stage with its attributes, the words
/// that explain it, the export, the warnings with positions, and bad input as positioned errors
/// that leave the previous output whole.
@Suite("Review clock on built pages", .serialized)
struct ClockPageTests {
    /// The attributes of every element that has `data-clock-stage`, in page order.
    static func stageClocks(_ html: String) -> [[String: String]] {
        var result: [[String: String]] = []
        var rest = html[...]
        while let found = rest.range(of: "data-clock-used=") {
            let tagEnd = rest[found.lowerBound...].firstIndex(of: ">") ?? rest.endIndex
            let tag = rest[found.lowerBound..<tagEnd]
            var attributes: [String: String] = [:]
            for part in tag.components(separatedBy: "\" ") {
                let pieces = part.split(separator: "=", maxSplits: 1)
                guard pieces.count == 2 else { continue }
                attributes[String(pieces[0])] = String(pieces[1]).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
            result.append(attributes)
            rest = rest[tagEnd...]
        }
        return result
    }

    /// A small site with the official 2025 and 2026 calendars; `extra` files are added or replace.
    static func site(_ extra: [String: String] = [:]) throws -> URL {
        let root = try TestSupport.temporaryFolder().appendingPathComponent("Content")
        let fm = FileManager.default
        for folder in ["permits", "clients", "filings", "calendar", "kb"] {
            try fm.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        var files = [
            "site.yml": "title: Clock site\nlanguage: en\n",
            "clients/acme.md": "---\nname: Acme\n---\n",
            "calendar/2025.yml": """
                holidays: [2025-01-01, 2025-01-28, 2025-01-29, 2025-01-30, 2025-01-31, 2025-02-01, 2025-02-02, 2025-02-03, 2025-02-04, 2025-04-04, 2025-04-05, 2025-04-06, 2025-05-01, 2025-05-02, 2025-05-03, 2025-05-04, 2025-05-05, 2025-05-31, 2025-06-01, 2025-06-02, 2025-10-01, 2025-10-02, 2025-10-03, 2025-10-04, 2025-10-05, 2025-10-06, 2025-10-07, 2025-10-08]
                workdays: [2025-01-26, 2025-02-08, 2025-04-27, 2025-09-28, 2025-10-11]

                """,
            "permits/news.md": """
                ---
                name: News licence
                kind: license
                review_days: 20
                max_extension_days: 10
                ---

                """,
            "permits/publishing.md": """
                ---
                name: Publishing licence
                kind: license
                review_days: 20
                stages:
                  - {name: National review, review_days: 60}
                ---

                """,
            "filings/deemed.md": """
                ---
                title: Deemed
                client: acme
                permit: news
                status: under_review
                memo: {purpose: a, logic: b, risk: c}
                timeline:
                  - {date: 2025-09-26, type: submitted, summary: Sent.}
                  - {date: 2025-10-13, type: accepted, summary: Late notice.}
                  - {date: 2025-10-16, type: excluded, until: 2025-10-17, reason: 专家评审, summary: Experts.}
                ---

                """,
            "filings/staged.md": """
                ---
                title: Staged
                client: acme
                permit: publishing
                status: under_review
                memo: {purpose: a, logic: b, risk: c}
                timeline:
                  - {date: 2025-03-03, type: accepted, summary: Accepted.}
                  - {date: 2025-03-17, type: forwarded, received: 2025-03-20, stage: National review, summary: Forwarded.}
                  - {date: 2025-03-27, type: supplement_requested, clock: continue, summary: One more paper.}
                  - {date: 2025-04-01, type: supplement_sent, summary: Sent it.}
                ---

                """,
        ]
        for (path, text) in extra { files[path] = text }
        for (path, text) in files {
            try text.write(to: root.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test("one element per stage with version 2's attributes; deemed acceptance and excluded days in words and figures")
    func pages() throws {
        let root = try Self.site()
        let output = root.deletingLastPathComponent().appendingPathComponent("Output")
        let report = try Pipeline().run(TestSupport.options(content: root.path, output: output.path, today: "2025-10-31"), write: true)
        #expect(report.wrote, "\(report.diagnostics)")
        let tree = try TestSupport.tree(output)
        let deemed = String(decoding: tree["filings/deemed/index.html"] ?? Data(), as: UTF8.self)
        // Submitted Fri 09-26, W = 10-10; the notice of 10-13 is late: the clock starts on 09-26.
        // Counted: 09-28 (make-up), 09-29, 09-30, 10-09, 10-10, 10-11 (make-up), 10-13..15 = 9, then
        // 10-16 and 10-17 left out (2), then 10-20..24, 10-27..31 = 10: 19 of 20. The 20th counting
        // day after the exclusion is Mon 11-03.
        #expect(Self.stageClocks(deemed) == [[
            "data-clock-used": "19", "data-clock-limit": "20", "data-clock-unit": "working", "data-clock-remaining": "1",
            "data-clock-deadline": "2025-11-03", "data-clock-state": "running", "data-rounds": "0", "data-clock-stage": "1",
            "data-clock-excluded": "2", "data-clock-deemed": "true"]])
        #expect(deemed.contains("Deemed accepted on"))
        #expect(deemed.contains("专家评审, 2 working days not counted"))
        #expect(deemed.contains("not notified in writing"))

        let staged = String(decoding: tree["filings/staged/index.html"] ?? Data(), as: UTF8.self)
        // The current stage first: stage 2 from 03-20, 60 working days: 03-21, 03-24..28, 03-31..04-03 (the
        // 清明 days 04-04..06 are off), 04-07..11, ... to 10-31. Stage 1 stopped on 03-17 after 10.
        let clocks = Self.stageClocks(staged)
        #expect(clocks.map { $0["data-clock-stage"] } == ["2", "1"])
        #expect(clocks.last?["data-clock-used"] == "10")
        #expect(clocks.last?["data-clock-state"] == "stopped")
        #expect(clocks.last?["data-rounds"] == "0")
        // The continue round is counted in stage 2 and the days ran on through it.
        #expect(clocks.first?["data-rounds"] == "1")
        #expect(clocks.first?["data-clock-state"] == "running")
        #expect(staged.contains("data-round-rule=\"continue\""))
        #expect(staged.contains("class=\"stage-boundary\""))

        let json = try JSONSerialization.jsonObject(with: tree["data/filings.json"] ?? Data()) as? [String: Any]
        let filings = json?["filings"] as? [[String: Any]] ?? []
        let exported = filings.first { $0["id"] as? String == "deemed" }
        #expect(exported?["deemed"] as? Bool == true)
        let stages = exported?["stages"] as? [[String: Any]]
        #expect(stages?.first?["excludedDays"] as? Int == 2)
        #expect((filings.first { $0["id"] as? String == "staged" }?["stages"] as? [[String: Any]])?.count == 2)

        // The exclusion without notified: true is warned about at its entry (line 10 of the file).
        let warning = report.diagnostics.first { $0.message.contains("notified: true") }
        #expect(warning?.path.hasSuffix("filings/deemed.md") == true)
        #expect(warning?.position.line == 10)
    }

    @Test("the clock's warnings, each at its entry: a second request before acceptance, extensions beyond the cap or too late, an exclusion while paused")
    func warnings() throws {
        let root = try Self.site(["filings/warned.md": """
            ---
            title: Warned
            client: acme
            permit: news
            status: under_review
            memo: {purpose: a, logic: b, risk: c}
            timeline:
              - {date: 2025-09-01, type: submitted, summary: s}
              - {date: 2025-09-02, type: supplement_requested, summary: r1}
              - {date: 2025-09-03, type: supplement_requested, summary: r2}
              - {date: 2025-09-05, type: supplement_sent, summary: sent}
              - {date: 2025-09-08, type: accepted, summary: a}
              - {date: 2025-09-10, type: extended, days: 15, summary: e}
              - {date: 2025-09-12, type: supplement_requested, summary: r3}
              - {date: 2025-09-15, type: excluded, until: 2025-09-16, notified: true, summary: x}
              - {date: 2025-09-17, type: supplement_sent, summary: s}
              - {date: 2025-10-31, type: extended, days: 5, summary: late}
            ---

            """])
        let output = root.deletingLastPathComponent().appendingPathComponent("Output")
        let report = try Pipeline().run(TestSupport.options(content: root.path, output: output.path, today: "2025-10-31"), write: true)
        #expect(report.wrote)
        let warned = report.diagnostics.filter { $0.path.hasSuffix("filings/warned.md") && $0.severity == .warning }
        // W = 5 working days after Mon 09-01 = 09-08: the acceptance is in time, both requests came before it.
        // After the acceptance: 09-09..12 = 4; from 09-17: 09-18, 09-19, 09-22..26, 09-28 (make-up),
        // 09-29, 09-30, 10-09..11, 10-13..17, 10-20..24, 10-27..31 = 28: 32 days used on 10-31, over 20 + 10.
        #expect(warned.map { "\($0.position.line):\($0.position.column)" } == ["10:5", "13:5", "15:5", "17:5"], "\(warned)")
        #expect(warned.map(\.message).joined().contains("second 'supplement_requested' before acceptance"))
        #expect(warned.map(\.message).joined().contains("only 10 counted"))
        #expect(warned.map(\.message).joined().contains("while the clock is not running"))
        #expect(warned.map(\.message).joined().contains("after the period had run out (32 of 30 days used)"))
        let page = String(decoding: try TestSupport.tree(output)["filings/warned/index.html"] ?? Data(), as: UTF8.self)
        #expect(Self.stageClocks(page).first?["data-clock-limit"] == "30")
        #expect(Self.stageClocks(page).first?["data-clock-used"] == "32")
    }

    @Test("the sample's deemed acceptance, expert review, two-stage review and MLPS filing, as counted by hand")
    func sample() throws {
        let root = TestSupport.packageRoot.appendingPathComponent("Content")
        let output = try TestSupport.temporaryFolder().appendingPathComponent("Output")
        let report = try Pipeline().run(TestSupport.options(content: root.path, output: output.path, today: "2026-11-29"), write: true)
        #expect(report.wrote, "\(report.diagnostics)")
        let tree = try TestSupport.tree(output)
        func clocks(_ id: String) -> [[String: String]] {
            Self.stageClocks(String(decoding: tree["filings/\(id)/index.html"] ?? Data(), as: UTF8.self))
        }
        // Submitted Thu 2026-09-24; 5 working days: 09-28, 09-29, 09-30, 10-08, 10-09 (09-25 中秋 and
        // 10-01..07 off): W = 10-09. The notice of 10-15 is late: deemed accepted on 09-24. To the
        // approval on 10-28: 09-28..30 (3), 10-08, 10-09, 10-10 (make-up Saturday) (6), 10-12..16 (11),
        // 10-19..23 (16), 10-26..28 (19).
        #expect(clocks("hanhai-news-license") == [[
            "data-clock-used": "19", "data-clock-limit": "20", "data-clock-unit": "working", "data-clock-remaining": "1",
            "data-clock-deadline": "", "data-clock-state": "stopped", "data-rounds": "0", "data-clock-stage": "1",
            "data-clock-excluded": "0", "data-clock-deemed": "true"]])
        // Accepted Wed 10-14: 10-15, 10-16, 10-19..23 = 7; expert review 10-26..11-13 = 15 working days left
        // out; 11-16..20, 11-23..27 = 10 more: 17 of 20, the 20th is Wed 12-02.
        #expect(clocks("qingniao-radio-tv") == [[
            "data-clock-used": "17", "data-clock-limit": "20", "data-clock-unit": "working", "data-clock-remaining": "3",
            "data-clock-deadline": "2026-12-02", "data-clock-state": "running", "data-rounds": "0", "data-clock-stage": "1",
            "data-clock-excluded": "15", "data-clock-deemed": "false"]])
        let radio = String(decoding: tree["filings/qingniao-radio-tv/index.html"] ?? Data(), as: UTF8.self)
        #expect(radio.contains("data-whose-move=\"authority\" data-waiting-since=\"2026-10-12\""))
        // Stage 1 from the acceptance on Wed 06-03 to the forwarding on Mon 06-29: 06-04, 06-05, 06-08..12,
        // 06-15..18 (06-19 端午), 06-22..26, 06-29 = 17 of 20. Stage 2 from the national receipt on Thu 07-02:
        // 07-03 .. 08-03 = 22 to the request; paused to 08-10; 08-11 .. 09-18 = 29: 51 of 60, one round.
        #expect(clocks("xingyun-publishing") == [
            ["data-clock-used": "51", "data-clock-limit": "60", "data-clock-unit": "working", "data-clock-remaining": "9",
             "data-clock-deadline": "", "data-clock-state": "stopped", "data-rounds": "1", "data-clock-stage": "2",
             "data-clock-excluded": "0", "data-clock-deemed": "false"],
            ["data-clock-used": "17", "data-clock-limit": "20", "data-clock-unit": "working", "data-clock-remaining": "3",
             "data-clock-deadline": "", "data-clock-state": "stopped", "data-rounds": "0", "data-clock-stage": "1",
             "data-clock-excluded": "0", "data-clock-deemed": "false"],
        ])
        let permit = String(decoding: tree["permits/online-publishing-license/index.html"] ?? Data(), as: UTF8.self)
        #expect(permit.contains("data-stage=\"1\" data-stage-median-used=\"17\" data-stage-median-rounds=\"0\""))
        #expect(permit.contains("data-stage=\"2\" data-stage-median-used=\"51\" data-stage-median-rounds=\"1\""))
        // 等保备案 counts 10 working days from receipt and starts again on each completed supplement: from
        // Mon 05-25, 05-26..29 and 06-01 = 5 of 10, not overdue (version 1 showed 11 of 10).
        #expect(clocks("hanhai-mlps").first?["data-clock-used"] == "5")
        #expect(clocks("hanhai-mlps").first?["data-clock-remaining"] == "5")
        #expect(clocks("hanhai-mlps").first?["data-rounds"] == "2")
        // A permit with no published period keeps no clock.
        #expect(clocks("xingyun-genai").first?["data-clock-used"] == "")
    }

    @Test("bad clock input is an error at its position, never a crash, and the previous output stays whole",
          arguments: [
            ("filings/bad.md", "  - {date: 2025-10-01, type: excluded, until: soon, summary: x}", "'soon'", 10),
            ("filings/bad.md", "  - {date: 2025-10-01, type: supplement_requested, clock: stop, summary: x}", "stop", 10),
            ("filings/bad.md", "  - {date: 2025-10-01, type: excluded, until: 2025-09-30, summary: x}", "'until'", 10),
            ("filings/bad.md", "  - {date: 2025-10-01, type: note, clock: pause, summary: x}", "'clock' belongs on", 10),
            ("filings/bad.md", "  - {date: 2025-10-01, type: forwarded, received: 2025-09-01, summary: x}", "'received'", 10),
            ("filings/bad.md", "  - {date: 2025-10-01, type: forwarded, summary: x}", "beyond the last review stage", 10),
            ("permits/bad.md", "application_days: {changes: 10}", "not an application type", 4),
            ("permits/bad.md", "stages:\n  - {name: Second}", "review_days", 5),
          ])
    func badInput(file: String, line: String, expected: String, expectedLine: Int) throws {
        let root = try Self.site()
        let output = root.deletingLastPathComponent().appendingPathComponent("Output")
        #expect(try Pipeline().run(TestSupport.options(content: root.path, output: output.path, today: "2025-10-31"), write: true).wrote)
        let before = try TestSupport.tree(output)
        let bad: [String: String]
        if file.hasPrefix("permits/") {
            bad = [file: "---\nname: Bad\nreview_days: 20\n\(line)\n---\n"]
        } else {
            bad = [file: """
                ---
                title: Bad
                client: acme
                permit: news
                status: under_review
                memo: {purpose: a, logic: b, risk: c}
                timeline:
                  - {date: 2025-09-26, type: submitted, summary: Sent.}
                  - {date: 2025-09-29, type: accepted, summary: Accepted.}
                \(line)
                ---

                """]
        }
        for (path, text) in bad { try text.write(to: root.appendingPathComponent(path), atomically: true, encoding: .utf8) }
        let report = try Pipeline().run(TestSupport.options(content: root.path, output: output.path, today: "2025-10-31"), write: true)
        #expect(!report.wrote)
        let error = report.diagnostics.first { $0.severity == .error && $0.message.contains(expected) }
        #expect(error != nil, "\(report.diagnostics)")
        #expect(error?.path.hasSuffix(file) == true)
        #expect(error?.position.line == expectedLine, "\(String(describing: error))")
        #expect(try TestSupport.tree(output) == before)
    }
}
