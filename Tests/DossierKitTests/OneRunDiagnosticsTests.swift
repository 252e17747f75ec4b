@testable import DossierKit
import Foundation
import Testing

/// A new user's usual mistakes are all reported by one `dossier check`, each with its position
/// and a message that says how to fix it.
@Suite("Every problem in one run, with the fix")
struct OneRunDiagnosticsTests {
    static let files: [String: String] = [
        // Six mistakes in one file: a date written with slashes, a region in Chinese, a mistyped
        // audience, a broken relative link, a missing heading (through an ambiguous link) and a
        // mistyped wiki link.
        "kb/mistakes.md": """
            ---
            title: 备案需要哪些材料？
            permits: [alpha]
            date: 2026/11/20
            region: 广东
            audience: pulbic
            summary: Six mistakes, one run.
            ---

            ## 材料清单

            See [the missing page](nothere.md), [[kb/faq-one#no-such-heading]] and [[faq-onw]].

            """,
        // A colon in a Chinese title: a YAML error, and the body is still checked.
        "kb/colon.md": "---\ntitle: 备案: 需要哪些材料？\npermits: [alpha]\ndate: 2026-02-30\n---\n\nBody link [x](gone.md).\n",
        // A tab used to indent.
        "kb/tab.md": "---\ntitle: x\npermits:\n\t- alpha\ndate: 2026-01-01\n---\n\nSee [[nowhere]].\n",
        // A full-width colon, and a wiki link typo that used to stay hidden behind it.
        "kb/fullwidth.md": "---\ntitle：全角冒号\npermits: [alpha]\n---\n\nSee [[faq-tree]].\n",
        // Impossible dates name the impossible part; a wrong status warns about nothing else.
        "kb/dates.md": "---\ntitle: Dates\npermits: [alpha]\ndate: 2026-13-01\nupdated: 2026-04-31\n---\n\nText.\n",
        "filings/bad-status.md": """
            ---
            title: Bad status
            client: acme
            permit: alpha
            status: submited
            timeline:
              - {date: 2025-03-03, type: submitted, summary: 提交}
            ---

            Text.

            """,
    ]

    static func check() throws -> [String] {
        let folder = try TestSupport.temporaryFolder()
        let content = folder.appendingPathComponent("Content")
        try FileManager.default.copyItem(atPath: TestSupport.fixture("good"), toPath: content.path)
        for (path, text) in files {
            try Data(text.utf8).write(to: content.appendingPathComponent(path))
        }
        let result = try TestSupport.run(["check", "--content", content.path, "--themes", TestSupport.themes, "--today", "2025-06-01"])
        #expect(result.status == 1)
        return result.stderr.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: "/Content/") else { return nil }
            let rest = String(line[range.upperBound...])
            return files.keys.contains { rest.hasPrefix($0 + ":") } ? rest : nil
        }
    }

    @Test("one check reports every mistake of every file, each with the fix")
    func everyProblemOnce() throws {
        let lines = try Self.check()
        let expected = [
            "filings/bad-status.md:5:9: error: 'status' must be one of preparing, submitted, accepted, supplementing, under_review, approved, rejected, withdrawn, cancelled; found 'submited' (did you mean 'submitted'?)",
            "kb/colon.md:2:10: error: the value of 'title' contains ': ', which YAML reads as the start of another key; put the value in quotes: title: \"备案: 需要哪些材料？\"",
            "kb/colon.md:7:11: error: broken link 'gone.md': there is no page at kb/gone.md",
            "kb/dates.md:4:7: error: 'date' is not a date: there is no month 13; write the date as YYYY-MM-DD (found '2026-13-01')",
            "kb/dates.md:5:10: error: 'updated' is not a date: April 2026 has 30 days (found '2026-04-31')",
            "kb/fullwidth.md:2:6: error: full-width colon '：' after 'title'; YAML needs an ASCII ':' followed by a space",
            "kb/fullwidth.md:6:5: error: broken wiki link '[[faq-tree]]': no page has the id 'faq-tree' (did you mean 'faq-three'?)",
            "kb/mistakes.md:4:7: error: 'date' is not a date: write it as YYYY-MM-DD: 2026-11-20 (found '2026/11/20')",
            "kb/mistakes.md:5:9: error: region '广东' is written as an id: region: guangdong",
            "kb/mistakes.md:6:11: error: 'audience' must be one of public, internal; found 'pulbic' (did you mean 'public'?)",
            "kb/mistakes.md:12:5: error: broken link 'nothere.md': there is no page at kb/nothere.md",
            "kb/mistakes.md:12:37: error: link [[kb/faq-one#no-such-heading]]: kb/faq-one has no heading '#no-such-heading'",
            "kb/mistakes.md:12:72: error: broken wiki link '[[faq-onw]]': no page has the id 'faq-onw' (did you mean 'faq-one'?)",
            "kb/tab.md:4:1: error: YAML is indented with spaces, not tabs: replace the tab on line 4 with spaces",
            "kb/tab.md:8:5: error: broken wiki link '[[nowhere]]': no page has the id 'nowhere'",
        ]
        #expect(lines == expected)
    }

    @Test("impossible and misspelt days say what to change")
    func dayProblems() {
        #expect(Day.problem(with: "2026-02-30") == "February 2026 has 28 days")
        #expect(Day.problem(with: "2028-02-30") == "February 2028 has 29 days")
        #expect(Day.problem(with: "2026-02-00") == "there is no day 0")
        #expect(Day.problem(with: "2026-1-5") == "write the month and day with two digits each: 2026-01-05")
        #expect(Day.problem(with: "2026年11月20日") == "write it as YYYY-MM-DD: 2026-11-20")
        #expect(Day.problem(with: "next week") == "it must be a date written YYYY-MM-DD, such as 2026-11-20")
        #expect(Day.problem(with: "2026-11-20") == nil)
    }
}
