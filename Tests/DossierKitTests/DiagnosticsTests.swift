import DossierKit
import Foundation
import Testing

@Suite("Diagnostics")
struct DiagnosticsTests {
    static let bad = "Tests/Fixtures/bad"

    /// Every problem of the broken fixture, each at the position a user would look at.
    static let expected = [
        "\(bad)/filings/bad-values.md:3:9: error: unknown client 'acmee' (did you mean 'acme'?)",
        "\(bad)/filings/bad-values.md:5:9: error: 'status' must be one of preparing, submitted, accepted, supplementing, under_review, approved, rejected, withdrawn, cancelled; found 'pending'",
        "\(bad)/filings/bad-values.md:8:11: error: 'type' must be one of submitted, accepted, supplement_requested, supplement_sent, extended, question, reply, call, meeting, email, approved, rejected, withdrawn, note, excluded, forwarded; found 'fax'",
        "\(bad)/filings/bad-values.md:10:5: error: timeline entry is missing the required key 'summary'",
        "\(bad)/filings/dup/index.md:1:1: error: duplicate filing id 'dup': \(bad)/filings/dup.md has the same id",
        "\(bad)/kb/Bad_ID.md:1:1: error: id 'Bad_ID' must use only lower-case a-z, 0-9 and '-'; rename the file",
        "\(bad)/kb/bad-date.md:4:7: error: 'date' is not a date: February 2025 has 28 days (found '2025-02-30')",
        "\(bad)/kb/bad-yaml.md:4:5: error: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence that starts at line 3, column 10)",
        "\(bad)/kb/links.md:8:5: error: broken link 'nothere.md': there is no page at kb/nothere.md",
        "\(bad)/kb/links.md:10:6: error: link [[kb/shared#nope]]: kb/shared has no heading '#nope'",
        "\(bad)/kb/links.md:10:29: error: ambiguous wiki link '[[shared]]': the id 'shared' names 2 pages; write [[kb/shared]] or [[permits/shared]]",
        "\(bad)/kb/missing-title.md:2:1: error: front matter is missing the required key 'title'",
        "\(bad)/kb/unknown-permit.md:4:5: error: unknown permit 'algoritm-filing' (did you mean 'algorithm-filing'?)",
        "\(bad)/kb/unterminated.md:1:1: error: front matter is not terminated: no closing '---' line",
        "\(bad)/kb/wrong-list.md:4:3: error: 'permits' must be a list",
        "\(bad)/permits/wrong-types.md:3:14: error: 'review_days' must be a whole number from 0 to 3650, found 'thirty'",
        "\(bad)/permits/wrong-types.md:4:14: error: 'review_unit' must be one of working, calendar; found 'weeks'",
    ]

    @Test("dossier check lists every error of the broken fixture with file, line and column, and exits 1")
    func badFixture() throws {
        let result = try TestSupport.runInRoot(["check", "--content", Self.bad, "--themes", "Themes"])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") || $0.contains(": warning: ") }
        #expect(lines == Self.expected)
        #expect(result.stderr.contains("17 errors, 0 warnings"))
        #expect(result.stdout.isEmpty)
    }

    @Test("dossier build on broken content exits 1 and writes nothing")
    func buildFails() throws {
        let folder = try TestSupport.temporaryFolder()
        let output = folder.appendingPathComponent("Out").path
        let result = try TestSupport.runInRoot(["build", "--content", Self.bad, "--themes", "Themes", "--output", output])
        #expect(result.status == 1)
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(result.stderr.contains("Build failed"))
    }

    @Test("usage errors exit 2")
    func usage() throws {
        #expect(try TestSupport.runInRoot(["build", "--no-such-option"]).status == 2)
        #expect(try TestSupport.runInRoot(["build", "--today", "yesterday"]).status == 2)
        #expect(try TestSupport.runInRoot(["check", "--content", "Tests/Fixtures/missing"]).status == 2)
        #expect(try TestSupport.runInRoot(["frobnicate"]).status == 2)
    }

    @Test("dossier build prints one summary line and exits 0")
    func buildSucceeds() throws {
        let folder = try TestSupport.temporaryFolder()
        let output = folder.appendingPathComponent("Site").path
        let result = try TestSupport.runInRoot(["build", "--content", "Tests/Fixtures/good", "--themes", "Themes", "--output", output],
                                               environment: ["SOURCE_DATE_EPOCH": "1735747200"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Built 21 pages in "))
        // 39 files, deadlines.ics (version 2: the internal wiki's calendar feed) and
        // search/facets.js (the search page's filters).
        #expect(result.stdout.hasSuffix(" s → \(output)/ (41 files written, 0 unchanged, 0 removed; no cache)\n"))
        #expect(result.stdout.split(separator: "\n").count == 1)
        let home = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        #expect(home.contains("2025-01-02"))
    }

    @Test("a template syntax error names the template and its line")
    func templateError() throws {
        let folder = try TestSupport.temporaryFolder()
        let themes = folder.appendingPathComponent("Themes")
        try FileManager.default.createDirectory(at: themes.appendingPathComponent("broken/templates"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: TestSupport.themes + "/default", toPath: themes.appendingPathComponent("default").path)
        try Data("<h1>{{title}}</h1>\n{{#open}}\nnever closed\n".utf8)
            .write(to: themes.appendingPathComponent("broken/templates/article.mustache"))
        var options = TestSupport.options(content: TestSupport.fixture("good"), output: folder.appendingPathComponent("Out").path)
        options.themesDirectory = themes.path
        options.theme = "broken"
        let report = try Pipeline().run(options, write: true)
        #expect(!report.wrote)
        let error = try #require(report.diagnostics.first { $0.severity == .error })
        #expect(error.path == themes.appendingPathComponent("broken/templates/article.mustache").path)
        #expect(error.message.hasPrefix("template syntax error"))
        #expect(error.position.line >= 2)
    }
}

extension TestSupport {
    /// Runs `dossier` with the package root as working directory, so paths in messages are short.
    static func runInRoot(_ arguments: [String], environment: [String: String] = [:]) throws -> RunResult {
        try run(arguments, environment: environment, directory: packageRoot)
    }
}

extension DiagnosticsTests {
    @Test("a mistyped key is a warning that names the key it was probably meant to be")
    func mistypedKey() throws {
        let folder = try TestSupport.temporaryFolder()
        let content = folder.appendingPathComponent("Content")
        try FileManager.default.copyItem(atPath: TestSupport.fixture("good"), toPath: content.path)
        try Data("---\ntitle: 测试\npermits: [alpha]\ndate: 2025-05-01\nsumary: 摘要\nsources: [{title: 测试依据}]\n---\n正文。\n".utf8)
            .write(to: content.appendingPathComponent("kb/typo.md"))
        let report = try Pipeline().run(TestSupport.options(content: content.path, output: folder.appendingPathComponent("Out").path),
                                        write: false)
        let warning = report.diagnostics.first { $0.path.hasSuffix("kb/typo.md") }
        #expect(warning?.severity == .warning)
        #expect(warning?.position == SourcePosition(line: 5, column: 1))
        #expect(warning?.message == "unknown key 'sumary' is ignored (did you mean 'summary'?)")
    }
}
