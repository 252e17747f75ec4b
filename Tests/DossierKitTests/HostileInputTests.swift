@testable import DossierKit
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Whatever arrives in Content/, the build answers with a diagnostic at the right place (or a
/// documented refusal), never a crash or a hang, and the last good site stays as it was.
@Suite("Hostile content")
struct HostileInputTests {
    /// A small valid site with `files` added (relative path → bytes).
    static func site(_ files: [String: Data]) throws -> URL {
        let root = try TestSupport.temporaryFolder().appendingPathComponent("Content")
        let base: [String: String] = [
            "site.yml": "title: Hostile\n",
            "permits/alpha.md": "---\nname: Alpha\nreview_days: 20\n---\n",
            "clients/c.md": "---\nname: C\n---\n",
        ]
        for (path, text) in base { try write(Data(text.utf8), to: root.appendingPathComponent(path)) }
        for (path, data) in files { try write(data, to: root.appendingPathComponent(path)) }
        return root
    }

    static func write(_ data: Data, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    static func article(_ front: String = "", body: String = "Body.\n") -> Data {
        Data("---\ntitle: T\npermits: [alpha]\ndate: 2025-01-01\n\(front)---\n\(body)".utf8)
    }

    /// Builds into a fresh folder; returns the report and the output folder.
    static func build(_ root: URL, write: Bool = true) throws -> (BuildReport, URL) {
        let output = root.deletingLastPathComponent().appendingPathComponent("Output")
        let report = try Pipeline().run(TestSupport.options(content: root.path, output: output.path), write: write)
        return (report, output)
    }

    /// A file's diagnostics, as `line:col: severity: message`. The hostile articles name no
    /// sources (a line more in their front matter would move every body position these tests
    /// check), so the warning that asks for them is left out here; `SourcesTests` tests it.
    static func messages(_ report: BuildReport, _ file: String) -> [String] {
        report.diagnostics.filter { $0.path.hasSuffix(file) && !$0.message.hasPrefix("a public article should name its sources") }.map { "\($0.position.line):\($0.position.column): \($0.severity.rawValue): \($0.message)" }
    }

    @Test("invalid UTF-8 is an error at its line and column")
    func invalidUTF8() throws {
        let root = try Self.site(["kb/bad.md": Self.article(body: "ok\n") + Data([0x61, 0xC3, 0x28, 0x0A])])
        let (report, _) = try Self.build(root)
        #expect(Self.messages(report, "kb/bad.md") == ["7:2: error: file is not valid UTF-8 text"])
    }

    @Test("a byte-order mark, CRLF and lone CR line endings are read as ordinary lines")
    func lineEndings() throws {
        let crlf = "\u{FEFF}---\r\ntitle: CRLF\r\npermits: [alpha]\r\ndate: 2025-01-01\r\n---\r\n\r\n[[nowhere]]\r\n"
        let cr = "---\rtitle: CR\rpermits: [alpha]\rdate: 2025-01-01\r---\r\r## 标题\r"
        let root = try Self.site(["kb/crlf.md": Data(crlf.utf8), "kb/cr.md": Data(cr.utf8)])
        let (report, output) = try Self.build(root)
        // Positions count lines as a reader does.
        #expect(Self.messages(report, "kb/crlf.md") == ["7:1: error: broken wiki link '[[nowhere]]': no page has the id 'nowhere'"])
        #expect(Self.messages(report, "kb/cr.md").isEmpty)
        _ = output
    }

    @Test("full-width colons and spaces typed with a Chinese input method are named as such")
    func fullWidth() throws {
        let root = try Self.site(["kb/colon.md": Data("---\ntitle：标题\npermits: [alpha]\ndate: 2025-01-01\n---\n".utf8),
                                  "kb/space.md": Data("---\ntitle: T\npermits:\n\u{3000}- alpha\ndate: 2025-01-01\n---\n".utf8)])
        let (report, _) = try Self.build(root)
        #expect(Self.messages(report, "kb/colon.md") == ["2:6: error: full-width colon '：' after 'title'; YAML needs an ASCII ':' followed by a space"])
        #expect(Self.messages(report, "kb/space.md") == ["4:1: error: full-width space (U+3000) in indentation; YAML needs ordinary spaces"])
    }

    @Test("unterminated front matter, front matter that is not a mapping, empty and zero-byte files")
    func brokenFrontMatter() throws {
        let root = try Self.site([
            "kb/open.md": Data("---\ntitle: T\n".utf8),
            "kb/list.md": Data("---\n- a\n- b\n---\n".utf8),
            "kb/empty.md": Data("\n\n".utf8),
            "kb/zero.md": Data(),
        ])
        let (report, _) = try Self.build(root)
        #expect(Self.messages(report, "kb/open.md") == ["1:1: error: front matter is not terminated: no closing '---' line"])
        #expect(Self.messages(report, "kb/list.md") == ["2:1: error: front matter must be a mapping of keys to values"])
        for file in ["kb/empty.md", "kb/zero.md"] {
            #expect(Self.messages(report, file) == ["1:1: error: file must start with front matter: a line '---', YAML keys, and a closing '---'"])
        }
    }

    @Test("YAML alias bombs, deep nesting and enormous scalars are refused fast")
    func yamlBombs() throws {
        var bomb = "---\ntitle: T\npermits: [alpha]\ndate: 2025-01-01\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (name, previous) in zip(["b", "c", "d", "e", "f", "g", "h", "i"], ["a", "b", "c", "d", "e", "f", "g", "h"]) {
            bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        bomb += "tags: *i\n---\n"
        let deep = "---\ntitle: T\npermits: [alpha]\ndate: 2025-01-01\ntags: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n---\n"
        let huge = "---\ntitle: T\npermits: [alpha]\ndate: 2025-01-01\nsummary: " + String(repeating: "很长", count: 400_000) + "\n---\n"
        let root = try Self.site(["kb/bomb.md": Data(bomb.utf8), "kb/deep.md": Data(deep.utf8), "kb/huge.md": Data(huge.utf8)])
        let start = Date()
        let (report, _) = try Self.build(root)
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(Self.messages(report, "kb/bomb.md").contains { $0.contains("each item of 'tags' must be text") })
        #expect(Self.messages(report, "kb/deep.md").first?.contains("YAML syntax error") == true)
        let refused = Self.messages(report, "kb/huge.md")
        #expect(refused.count == 1 && refused[0].hasPrefix("2:1: error: front matter is 24000") && refused[0].hasSuffix(" bytes; more than 1000000 is refused"))
        #expect(report.hasErrors)
    }

    @Test("a 10 MB body builds; 10,000 nested blockquotes and list items are flattened with a warning")
    func bigAndDeep() throws {
        let paragraph = String(repeating: "审核期限按工作日计算，不含法定节假日。", count: 20) + "\n\n"
        let big = String(repeating: paragraph, count: 10 * 1024 * 1024 / paragraph.utf8.count + 1)
        let quotes = String(repeating: "> ", count: 10_000) + "deep\n"
        let lists = (0..<10_000).map { String(repeating: "  ", count: $0) + "- item\n" }.joined()
        let root = try Self.site(["kb/big.md": Self.article(body: big), "kb/quotes.md": Self.article(body: quotes),
                                  "kb/lists.md": Self.article(body: lists)])
        let (report, output) = try Self.build(root)
        #expect(!report.hasErrors, "\(report.diagnostics.prefix(3))")
        #expect(Self.messages(report, "kb/quotes.md") == ["6:201: warning: content is nested more than 100 levels deep; the deeper part is shown as plain text"])
        #expect(Self.messages(report, "kb/lists.md").count == 1)
        let page = try Data(contentsOf: output.appendingPathComponent("kb/big/index.html"))
        #expect(page.count > 10 * 1024 * 1024)
    }

    @Test("input that drives libcmark 0.30.2 into quadratic time (CVE-2023-22486) is refused at once")
    func quadratic() throws {
        let root = try Self.site(["kb/cve.md": Self.article(body: String(repeating: "![[]()", count: 100_000) + "\n")])
        let start = Date()
        let (report, _) = try Self.build(root)
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(Self.messages(report, "kb/cve.md").first?.hasPrefix("6:1: error: the text has 200000 '[' characters") == true)
    }

    @Test("a filing with 100,000 timeline entries is refused as too large, fast, without a crash")
    func hugeTimeline() throws {
        var text = "---\ntitle: F\nclient: c\npermit: alpha\nstatus: under_review\ntimeline:\n"
        for index in 0..<100_000 { text += "  - {date: 2025-01-0\(1 + index % 9), type: email, summary: 第\(index)封邮件}\n" }
        text += "---\n"
        let root = try Self.site(["filings/huge.md": Data(text.utf8)])
        let start = Date()
        let (report, _) = try Self.build(root)
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(Self.messages(report, "filings/huge.md").first?.contains("more than 1000000 is refused") == true)
    }

    @Test("file names with spaces, upper case, Chinese or shell characters get an error naming the file",
          arguments: ["My Article.md", "Upper.md", "中文.md", "a;rm -rf.md", "$(x).md"])
    func fileNames(_ name: String) throws {
        let root = try Self.site(["kb/\(name)": Self.article()])
        let (report, _) = try Self.build(root)
        let id = String(name.dropLast(3))
        #expect(Self.messages(report, "kb/\(name)") == ["1:1: error: id '\(id)' must use only lower-case a-z, 0-9 and '-'; rename the file"])
    }

    @Test("a symbolic link out of the content folder is not followed; a link loop is reported")
    func symlinks() throws {
        let root = try Self.site(["kb/ok.md": Self.article()])
        let outside = root.deletingLastPathComponent().appendingPathComponent("secret.md")
        try Self.article("summary: OUTSIDE-SECRET\n").write(to: outside)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("kb/escape.md").path, withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("kb/loop-a.md").path,
                                                   withDestinationPath: root.appendingPathComponent("kb/loop-b.md").path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("kb/loop-b.md").path,
                                                   withDestinationPath: root.appendingPathComponent("kb/loop-a.md").path)
        let (report, output) = try Self.build(root)
        #expect(Self.messages(report, "kb/escape.md") == ["1:1: warning: symbolic link points outside the content folder; not followed"])
        #expect(Self.messages(report, "kb/loop-a.md") == ["1:1: warning: symbolic link is broken or loops; skipped"])
        #expect(report.wrote)
        #expect(AudienceLeakTests.leaks(try TestSupport.tree(output), ["OUTSIDE-SECRET"]).isEmpty)
    }

    @Test("links and attachments that climb out, absolute paths, file: and javascript: URLs")
    func hostileLinks() throws {
        let body = "[a](../../../etc/passwd) [b](/etc/passwd) [c](file:///etc/passwd) [d](javascript:alert(1)) ![e](../../x.png)\n"
        let root = try Self.site(["kb/links.md": Self.article(body: body)])
        let (report, _) = try Self.build(root)
        #expect(Self.messages(report, "kb/links.md") == [
            "6:1: error: link '../../../etc/passwd' climbs out of the content folder",
            "6:26: error: link '/etc/passwd' is an absolute path; write it relative to this file so the site works from any folder",
            "6:43: warning: link 'file:///etc/passwd' uses an unsafe scheme; it is dropped",
            "6:67: warning: link 'javascript:alert(1)' uses an unsafe scheme; it is dropped",
            "6:92: error: link '../../x.png' climbs out of the content folder",
        ])
    }

    @Test("<script>, quotes and {{ }} in titles, tags, summaries and timeline fields are escaped in HTML, JSON and XML")
    func escaping() throws {
        let nasty = "<script>alert(\\\"x\\\")</script> 'q' {{ui.kb}} & \\\"quoted\\\""
        let article = "---\ntitle: \"\(nasty)\"\npermits: [alpha]\ndate: 2025-01-01\ntags: [\"\(nasty)\"]\nsummary: \"\(nasty)\"\n---\nBody.\n"
        let filing = "---\ntitle: \"\(nasty)\"\nclient: c\npermit: alpha\nstatus: submitted\nreference: \"\(nasty)\"\nmemo: {purpose: \"\(nasty)\", logic: l, risk: r}\n"
            + "timeline:\n  - {date: 2025-01-02, type: submitted, summary: \"\(nasty)\", changes: [\"\(nasty)\"]}\n---\n"
        let root = try Self.site(["kb/nasty.md": Data(article.utf8), "filings/nasty.md": Data(filing.utf8)])
        let (report, output) = try Self.build(root)
        #expect(report.wrote, "\(report.diagnostics)")
        let tree = try TestSupport.tree(output)
        for (path, data) in tree where path != "deadlines.ics" {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("<script>alert"), "raw <script> in \(path)")
        }
        // Version 2: the calendar feed is iCalendar text, not markup: the title is kept as written,
        // escaped as RFC 5545 escapes text (no markup is read there), on one logical line.
        let calendar = String(decoding: tree["deadlines.ics"] ?? Data(), as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
        #expect(calendar.contains("· <script>alert(\"x\")</script> 'q' {{ui.kb}} & \"quoted\"\r\n"))
        // Text from content is never read as a template: `{{ui.kb}}` stays as written.
        let page = String(decoding: tree["kb/nasty/index.html"] ?? Data(), as: UTF8.self)
        #expect(page.contains("<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &#39;q&#39; {{ui.kb}} &amp; &quot;quoted&quot; · Hostile</title>"))
        #expect(page.contains("<meta name=\"description\" content=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        let json = try JSONSerialization.jsonObject(with: tree["data/filings.json"] ?? Data()) as? [String: Any]
        let record = (json?["filings"] as? [[String: Any]])?.first
        #expect(record?["title"] as? String == "<script>alert(\"x\")</script> 'q' {{ui.kb}} & \"quoted\"")
        #expect(String(decoding: tree["data/filings.json"] ?? Data(), as: UTF8.self).contains("\\u003cscript\\u003e"))
        let feed = String(decoding: tree["feed.xml"] ?? Data(), as: UTF8.self)
        #expect(feed.contains("<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &apos;q&apos; {{ui.kb}} &amp; &quot;quoted&quot;</title>"))
        #expect((try? XMLDocument(data: tree["feed.xml"] ?? Data())) != nil)
    }
}
