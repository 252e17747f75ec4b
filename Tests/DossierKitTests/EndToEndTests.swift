import DossierKit
import Foundation
import Testing

@Suite("Building a site end to end")
struct EndToEndTests {
    func build(_ fixture: String = "good", today: String = "2025-06-01") throws -> (URL, BuildReport) {
        let folder = try TestSupport.temporaryFolder()
        let output = folder.appendingPathComponent("Output")
        let report = try Pipeline().run(TestSupport.options(content: TestSupport.fixture(fixture), output: output.path, today: today),
                                        write: true)
        return (output, report)
    }

    @Test("every href and src in every page resolves to a file (and anchor) in the output")
    func linksResolve() throws {
        let (output, report) = try build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        let tree = try TestSupport.tree(output)
        let pages = tree.filter { $0.key.hasSuffix(".html") }
        #expect(pages.count == report.pageCount)
        #expect(pages.count >= 18)
        var checked = 0
        var dangling: [String] = []
        for (path, data) in pages.sorted(by: { $0.key < $1.key }) {
            let html = String(decoding: data, as: UTF8.self)
            for raw in TestSupport.references(in: html) {
                let reference = TestSupport.unescapeAttribute(raw)
                if reference.hasPrefix("http://") || reference.hasPrefix("https://") || reference.hasPrefix("mailto:") { continue }
                #expect(!reference.hasPrefix("/"), "absolute link \(reference) in \(path)")
                let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let target = String(parts[0]).removingPercentEncoding ?? String(parts[0])
                let fragment = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : nil
                let relative = target.isEmpty ? path : Self.join(path, target)
                checked += 1
                guard let file = tree[relative] else {
                    dangling.append("\(path): \(reference)")
                    continue
                }
                if let fragment, !fragment.isEmpty, relative.hasSuffix(".html") {
                    let ids = TestSupport.ids(in: String(decoding: file, as: UTF8.self))
                    if !ids.contains(fragment) { dangling.append("\(path): \(reference) (no id '\(fragment)')") }
                }
            }
        }
        #expect(dangling.isEmpty, "\(dangling)")
        #expect(checked > 200)
    }

    /// Resolves `target` relative to the page at `page` (both relative to the output folder).
    static func join(_ page: String, _ target: String) -> String {
        var parts = page.split(separator: "/").map(String.init).dropLast()
        for component in target.split(separator: "/", omittingEmptySubsequences: false) {
            switch component {
            case "..": if !parts.isEmpty { parts.removeLast() } else { return "<outside>/" + target }
            case ".", "": continue
            default: parts.append(String(component))
            }
        }
        return parts.joined(separator: "/")
    }

    @Test("pages a user expects, with what they should show")
    func pages() throws {
        let (output, _) = try build()
        let tree = try TestSupport.tree(output)
        for expected in ["index.html", "404.html", "robots.txt", "feed.xml", "kb/index.html", "kb/faq-one/index.html",
                         "kb/faq-two/index.html", "permits/index.html", "permits/alpha/index.html", "filings/index.html",
                         "filings/file-case/index.html", "filings/folder-case/index.html", "filings/folder-case/scan copy.txt",
                         "clients/acme/index.html", "tags/index.html", "tags/审核期限/index.html", "tags/deadlines/index.html",
                         "regions/guangdong/index.html", "assets/img/seal.svg", "_theme/style.css"] {
            #expect(tree[expected] != nil, "missing \(expected)")
        }
        // Drafts stay out unless asked for, and the link to one is plain text.
        #expect(tree["kb/draft-one/index.html"] == nil)
        let three = String(decoding: tree["kb/faq-three/index.html"] ?? Data(), as: UTF8.self)
        #expect(three.contains("Links to a draft: (material not included here)."))
        #expect(!three.contains("draft-one"))
        // Headings with ids, wiki link titles, raw HTML dropped, backlinks and related articles.
        let one = String(decoding: tree["kb/faq-one/index.html"] ?? Data(), as: UTF8.self)
        #expect(one.contains("<h2 id=\"期限怎么算-1\">期限怎么算？</h2>"))
        #expect(one.contains("<a class=\"wiki\" href=\"../../kb/faq-three/index.html\">the third</a>"))
        #expect(!one.contains("<span class=\"x\">"))
        #expect(!one.contains("<div>block dropped</div>"))
        #expect(one.contains("<a href=\"../../kb/faq-two/index.html\">Second FAQ</a> <span class=\"kind\">Knowledge base</span>"))
        #expect(one.contains("<link rel=\"canonical\" href=\"https://wiki.example.com/docs/kb/faq-one/\">"))
        let two = String(decoding: tree["kb/faq-two/index.html"] ?? Data(), as: UTF8.self)
        #expect(two.contains("href=\"../../kb/faq-one/index.html#%E6%9C%9F%E9%99%90%E6%80%8E%E4%B9%88%E7%AE%97-1\">First FAQ › 期限怎么算？</a>"))
        #expect(two.contains("<a href=\"https://example.org/x?a=1&amp;b=2\" rel=\"noopener noreferrer\">outside</a>"))
        // The filing lists its timeline in date order with numbered rounds and resolved refs.
        let filing = String(decoding: tree["filings/file-case/index.html"] ?? Data(), as: UTF8.self)
        let timeline = filing.components(separatedBy: "<section class=\"timeline\"").last ?? ""
        let order = ["2025-03-10", "2025-03-12", "2025-03-20", "2025-03-25"].compactMap { timeline.range(of: "<time datetime=\"\($0)\">")?.lowerBound }
        #expect(order.count == 4 && order == order.sorted())
        #expect(filing.contains("Round 1"))
        #expect(filing.contains("<a href=\"../../kb/faq-two/index.html#second-question\">Second FAQ › Second question</a>"))
        #expect(filing.contains("<a class=\"wiki\" href=\"../../filings/folder-case/index.html\">Acme beta filing</a>"))
        let folder = String(decoding: tree["filings/folder-case/index.html"] ?? Data(), as: UTF8.self)
        #expect(folder.contains("<a href=\"../../filings/folder-case/scan%20copy.txt\">scan</a>"))
        // The internal wiki has no sitemap (see PrivateSiteTests); the feed uses base_url and lists
        // the three published articles, newest first.
        #expect(tree["sitemap.xml"] == nil)
        let feed = String(decoding: tree["feed.xml"] ?? Data(), as: UTF8.self)
        #expect(feed.components(separatedBy: "<entry>").count == 4)
        #expect(feed.contains("<updated>2025-04-01T00:00:00+08:00</updated>"))
        // The interface speaks the site's language.
        #expect(one.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    }

    @Test("--drafts includes drafts")
    func drafts() throws {
        let folder = try TestSupport.temporaryFolder()
        var options = TestSupport.options(content: TestSupport.fixture("good"), output: folder.appendingPathComponent("Out").path)
        options.includeDrafts = true
        let report = try Pipeline().run(options, write: true)
        #expect(!report.hasErrors)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Out/kb/draft-one/index.html").path))
        #expect(!report.diagnostics.contains { $0.message.contains("draft-one") })
    }

    @Test("two builds of the same input give identical bytes")
    func deterministic() throws {
        let (first, _) = try build()
        let (second, _) = try build()
        let a = try TestSupport.tree(first)
        let b = try TestSupport.tree(second)
        #expect(a.keys.sorted() == b.keys.sorted())
        #expect(a == b)
    }

    @Test("a failed build leaves the previous output exactly as it was")
    func failedBuildKeepsOutput() throws {
        let folder = try TestSupport.temporaryFolder()
        let output = folder.appendingPathComponent("Output")
        let good = try Pipeline().run(TestSupport.options(content: TestSupport.fixture("good"), output: output.path), write: true)
        #expect(good.wrote)
        let before = try TestSupport.tree(output)
        let bad = try Pipeline().run(TestSupport.options(content: TestSupport.fixture("bad"), output: output.path), write: true)
        #expect(!bad.wrote)
        #expect(bad.hasErrors)
        #expect(try TestSupport.tree(output) == before)
        // No staging folder is left behind, and nothing appeared beside the output but the caches.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
                == [".Output.dossier-cache", ".Output.dossier-pages", "Output"])
    }

    @Test("refuses to replace a folder it did not write, unless --force")
    func refusesForeignFolder() throws {
        let folder = try TestSupport.temporaryFolder()
        let output = folder.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: output.appendingPathComponent("notes.txt"))
        #expect(throws: UsageError.self) {
            try Pipeline().run(TestSupport.options(content: TestSupport.fixture("good"), output: output.path), write: true)
        }
        #expect(try String(contentsOf: output.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep me")
        var options = TestSupport.options(content: TestSupport.fixture("good"), output: output.path)
        options.force = true
        #expect(try Pipeline().run(options, write: true).wrote)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("notes.txt").path))
    }

    @Test("an output folder inside the content folder is refused")
    func outputInsideContent() throws {
        let folder = try TestSupport.temporaryFolder()
        let content = folder.appendingPathComponent("Content")
        try FileManager.default.copyItem(atPath: TestSupport.fixture("good"), toPath: content.path)
        for output in [content.path, content.appendingPathComponent("out").path, folder.path] {
            #expect(throws: UsageError.self) {
                try Pipeline().run(TestSupport.options(content: content.path, output: output), write: true)
            }
        }
    }

    @Test("a placeholder kept in git survives a build")
    func placeholder() throws {
        let folder = try TestSupport.temporaryFolder()
        let output = folder.appendingPathComponent("Output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data().write(to: output.appendingPathComponent(".gitkeep"))
        #expect(try Pipeline().run(TestSupport.options(content: TestSupport.fixture("good"), output: output.path), write: true).wrote)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(".gitkeep").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }

    @Test("the sample Content/ builds without errors or warnings")
    func sample() throws {
        let folder = try TestSupport.temporaryFolder()
        // The sample's filings are dated up to November 2026.
        let report = try Pipeline().run(TestSupport.options(content: TestSupport.packageRoot.appendingPathComponent("Content").path,
                                                            output: folder.appendingPathComponent("Output").path, today: "2026-11-29"),
                                        write: true)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.pageCount >= 25)
    }
}
