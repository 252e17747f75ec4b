@testable import DossierKit
import Foundation
import Testing

/// Filing pages, permit figures, the dashboard and the export, read from built output.
@Suite("Timelines on built pages")
struct TimelinePageTests {
    /// The `data-*` attributes of the first element that has `data-clock-state`.
    static func clockAttributes(_ html: String) -> [String: String] {
        guard let start = html.range(of: "data-clock-used=") else { return [:] }
        let tagEnd = html[start.lowerBound...].firstIndex(of: ">") ?? html.endIndex
        let tag = html[start.lowerBound..<tagEnd]
        var result: [String: String] = [:]
        for part in tag.components(separatedBy: "\" ") {
            let pieces = part.split(separator: "=", maxSplits: 1)
            guard pieces.count == 2 else { continue }
            result[String(pieces[0])] = String(pieces[1]).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return result
    }

    static func build(_ content: String, today: String) throws -> [String: Data] {
        let folder = try TestSupport.temporaryFolder()
        let output = folder.appendingPathComponent("Output")
        let report = try Pipeline().run(TestSupport.options(content: content, output: output.path, today: today), write: true)
        #expect(report.wrote, "\(report.diagnostics)")
        return try TestSupport.tree(output)
    }

    static func page(_ tree: [String: Data], _ path: String) -> String { String(decoding: tree[path] ?? Data(), as: UTF8.self) }

    @Test("chart coordinates are written exactly as printf's %.1f writes them, ties and negatives included")
    func chartDecimals() {
        var checked = 0
        for total in 1...400 {
            for step in 0...total {
                let x = 10.0 + 740.0 * Double(step) / Double(total)
                #expect(TimelineChart.oneDecimal(x) == String(format: "%.1f", x), "\(x)")
                checked += 1
            }
        }
        for value in [22.95, 0.05, 0.25, -0.04, -0.0, -3.25, 1.05, 749.95, 0] {
            #expect(TimelineChart.oneDecimal(value) == String(format: "%.1f", value), "\(value)")
        }
        #expect(checked > 80_000)
    }

    @Test("the sample's filings show running, paused, overdue, not started and decided clocks, as counted by hand")
    func sampleClocks() throws {
        let tree = try Self.build(TestSupport.packageRoot.appendingPathComponent("Content").path, today: "2026-11-29")
        func clock(_ id: String) -> [String: String] { Self.clockAttributes(Self.page(tree, "filings/\(id)/index.html")) }
        // Accepted 2026-11-06; 11-09..13, 16..20, 23..27 = 15 of 20; the 20th is 2026-12-04.
        #expect(clock("hanhai-culture-license") == ["data-clock-used": "15", "data-clock-limit": "20", "data-clock-unit": "working",
            "data-clock-remaining": "5", "data-clock-deadline": "2026-12-04", "data-clock-state": "running", "data-rounds": "0",
            "data-clock-stage": "1", "data-clock-excluded": "0", "data-clock-deemed": "false"])
        // Accepted 08-05; 10 days to the request of 08-19; paused to 09-02; +10 days extension;
        // 58 working days from 09-03 to 11-27 (09-20 and 10-10 worked, 09-25 and 10-01..07 off).
        #expect(clock("hanhai-performance") == ["data-clock-used": "68", "data-clock-limit": "30", "data-clock-unit": "working",
            "data-clock-remaining": "-38", "data-clock-deadline": "2026-09-30", "data-clock-state": "running", "data-rounds": "1",
            "data-clock-stage": "1", "data-clock-excluded": "0", "data-clock-deemed": "false"])
        // Accepted 09-24; 09-28..30, 10-08, 10-09, 10-10 (worked Saturday), 10-12..16, 10-19, 10-20 = 13; paused since.
        #expect(clock("qingniao-culture-license") == ["data-clock-used": "13", "data-clock-limit": "20", "data-clock-unit": "working",
            "data-clock-remaining": "7", "data-clock-deadline": "", "data-clock-state": "paused", "data-rounds": "0",
            "data-clock-stage": "1", "data-clock-excluded": "0", "data-clock-deemed": "false"])
        #expect(clock("qingniao-performance")["data-clock-state"] == "not-started")
        // Algorithm filing restarts after the supplement of 2025-04-02; approved 2025-05-14 after 27 working days.
        #expect(clock("xingyun-algorithm") == ["data-clock-used": "27", "data-clock-limit": "30", "data-clock-unit": "working",
            "data-clock-remaining": "3", "data-clock-deadline": "", "data-clock-state": "stopped", "data-rounds": "1",
            "data-clock-stage": "1", "data-clock-excluded": "0", "data-clock-deemed": "false"])

        let overdue = Self.page(tree, "filings/hanhai-performance/index.html")
        #expect(overdue.contains("data-whose-move=\"authority\" data-waiting-since=\"2026-09-02\" data-waiting-days=\"88\""))
        #expect(overdue.contains("clock-overdue"))
        #expect(overdue.contains("<svg class=\"timeline-chart\" role=\"img\""))
        #expect(overdue.contains("<desc id=\"chart-desc\">"))
        #expect(overdue.contains("第 1 轮补正"))
        let paused = Self.page(tree, "filings/qingniao-culture-license/index.html")
        #expect(paused.contains("data-whose-move=\"us\" data-waiting-since=\"2026-10-20\" data-waiting-days=\"40\""))

        // The dashboard lists open filings by urgency: overdue first, then least remaining.
        let home = Self.page(tree, "index.html")
        let order = ["hanhai-performance", "hanhai-culture-license", "qingniao-culture-license", "qingniao-performance"]
            .compactMap { home.range(of: "filings/\($0)/index.html")?.lowerBound }
        #expect(order.count == 4 && order == order.sorted())
        #expect(home.contains("要求补充专业人员资质证明及内容审核制度文本。</td><td>40 天</td>"))

        // The export carries the same figures.
        let json = try JSONSerialization.jsonObject(with: tree["data/filings.json"] ?? Data()) as? [String: Any]
        let filings = json?["filings"] as? [[String: Any]] ?? []
        // Seven filings, three the clock (version 2) added, and the granted licence near renewal that
        // the deadlines (version 2) added.
        #expect(filings.count == 11)
        let performance = filings.first { $0["id"] as? String == "hanhai-performance" }
        let exported = performance?["clock"] as? [String: Any]
        #expect(exported?["used"] as? Int == 68)
        #expect(exported?["remaining"] as? Int == -38)
        #expect(exported?["overdue"] as? Bool == true)
        #expect(exported?["deadline"] as? String == "2026-09-30")
        let rounds = performance?["rounds"] as? [[String: Any]]
        // Requested 08-19, answered 09-02: 08-20..22, 08-25..29, 09-01, 09-02 = 10 working days; the
        // authority asked after 10 working days.
        #expect(rounds?.first?["ourWorkingDays"] as? Int == 10)
        #expect(rounds?.first?["authorityWorkingDays"] as? Int == 10)
    }

    @Test("the fixture's filings and permit figures")
    func fixture() throws {
        let tree = try Self.build(TestSupport.fixture("good"), today: "2025-06-01")
        // Accepted 03-12; 6 working days to the request of 03-20; paused to 03-25; 45 more to 06-01.
        #expect(Self.clockAttributes(Self.page(tree, "filings/file-case/index.html")) == [
            "data-clock-used": "51", "data-clock-limit": "30", "data-clock-unit": "working", "data-clock-remaining": "-21",
            "data-clock-deadline": "2025-04-28", "data-clock-state": "running", "data-rounds": "1",
            "data-clock-stage": "1", "data-clock-excluded": "0", "data-clock-deemed": "false"])
        // 20 calendar days from 04-02; approved on 04-15 after 13.
        #expect(Self.clockAttributes(Self.page(tree, "filings/folder-case/index.html")) == [
            "data-clock-used": "13", "data-clock-limit": "20", "data-clock-unit": "calendar", "data-clock-remaining": "7",
            "data-clock-deadline": "", "data-clock-state": "stopped", "data-rounds": "0",
            "data-clock-stage": "1", "data-clock-excluded": "0", "data-clock-deemed": "false"])
        let beta = Self.page(tree, "permits/beta/index.html")
        // 04-03, 04-07..11, 04-14, 04-15 (04-04 is 清明).
        #expect(beta.contains("data-median-days=\"8\""))
        #expect(beta.contains("data-median-rounds=\"0\""))
        #expect(beta.contains("100% (1)"))
        let alpha = Self.page(tree, "permits/alpha/index.html")
        #expect(alpha.contains("Explain the weights."))
    }

    @Test("warnings about timelines that do not add up, each at its entry or key")
    func checks() throws {
        let root = "Tests/Fixtures/timeline"
        let result = try TestSupport.runInRoot(["check", "--content", root, "--themes", "Themes", "--today", "2025-12-31"])
        #expect(result.status == 0)
        let lines = result.stderr.split(separator: "\n").map(String.init).filter { $0.contains(": warning: ") }
        #expect(lines == [
            "\(root)/filings/after-decision.md:10:5: warning: 'email' entry after the final decision ('approved' on 2025-10-20)",
            "\(root)/filings/future.md:9:5: warning: timeline entry is dated 2026-01-05, after today (2025-12-31)",
            "\(root)/filings/no-calendar.md:8:5: warning: there is no calendar/2026.yml: working days in 2026 are counted as Monday to Friday, without official holidays",
            "\(root)/filings/no-memo.md:2:1: warning: filing is past 'preparing' but has no complete 'memo' (purpose, logic, risk) for reviewers",
            "\(root)/filings/orphan-send.md:9:5: warning: 'supplement_sent' with no open 'supplement_requested' before it",
            "\(root)/filings/out-of-order.md:9:5: warning: timeline entry of 2025-09-20 comes after one of 2025-09-26; entries are shown in date order",
            "\(root)/filings/status-mismatch.md:5:9: warning: status is 'approved' but the timeline has no 'approved' entry",
        ])
    }
}
