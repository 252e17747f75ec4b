@testable import DossierKit
import Foundation
import Testing

/// The default theme as a keyboard and screen-reader user meets it: axe-core over every page type,
/// light and dark, in headless Chromium (`Tests/Browser/a11y_audit.py`), and what can be read
/// from the HTML without a browser.
@Suite("Accessibility audit")
struct AccessibilityAuditTests {
    static let passphrase = "correct horse battery staple"
    /// The sample's client whose brief is encrypted, and a query that finds pages of the sample.
    static let client = "xingyun-tech"
    static let query = "补正"

    /// The sample site as an internal wiki, and the sample's encrypted brief for `client`.
    static func build() throws -> (site: URL, brief: URL) {
        let folder = try TestSupport.temporaryFolder()
        let content = TestSupport.packageRoot.appendingPathComponent("Content").path
        let site = folder.appendingPathComponent("Site")
        let wiki = try Pipeline().run(TestSupport.options(content: content, output: site.path), write: true)
        #expect(wiki.wrote, "\(wiki.diagnostics.filter { $0.severity == .error })")
        let brief = folder.appendingPathComponent("Brief")
        var options = TestSupport.options(content: content, output: brief.path)
        options.audience = .client(client)
        options.passphrase = passphrase
        let encrypted = try Pipeline().run(options, write: true)
        #expect(encrypted.wrote, "\(encrypted.diagnostics.filter { $0.severity == .error })")
        return (site, brief)
    }

    /// Chromium, chromedriver and the Python packages selenium and axe-selenium-python.
    static var auditTools: Bool {
        let fm = FileManager.default
        guard ["/usr/bin/chromium", "/usr/bin/chromium-browser"].contains(where: { fm.isExecutableFile(atPath: $0) }),
              fm.isExecutableFile(atPath: "/usr/bin/chromedriver") else { return false }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import selenium, axe_selenium_python"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }

    @Test("axe-core in headless Chromium, light and dark: no serious or critical violation on home, every index page, one page of each kind, a reply letter, search with results, a brief's passphrase form and the 404 page; the skip link comes first and shows; every focusable element shows its focus",
          .enabled(if: auditTools, "needs chromium, chromium-driver and the Python packages selenium and axe-selenium-python (.ci/run installs them)"))
    func axeAudit() throws {
        let (site, brief) = try Self.build()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        var arguments = [TestSupport.packageRoot.appendingPathComponent("Tests/Browser/a11y_audit.py").path,
                         site.path, brief.path, Self.query]
        // Screenshots of home, a filing and the search results, light and dark, 1280 and 390 wide.
        if let folder = ProcessInfo.processInfo.environment["DOSSIER_A11Y_SCREENSHOTS"] { arguments.append(folder) }
        let result = try TestSupport.runProcess("/usr/bin/env", ["python3"] + arguments, allowFailure: true, withStatus: true)
        // Each failure is one line: scheme, page, rule id, impact, the element and what to fix.
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("ok: 36 page views"), "\(result.output)")
    }

    @Test("every page of the sample begins with the skip link to <main>, and every search field has a name and no autocomplete value axe-core refuses")
    func namedFields() throws {
        let (site, brief) = try Self.build()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let pages = try TestSupport.tree(site).filter { $0.key.hasSuffix(".html") }
        #expect(pages.count > 100)
        let firstFocusable = try Regex(#"<body>\s*<(a|button|input|select|textarea)\b[^>]*>"#)
        let fields = try Regex(#"<input\b[^>]*>"#)
        for (path, data) in pages {
            let html = String(decoding: data, as: UTF8.self)
            let first = html.firstMatch(of: firstFocusable).map { String(html[$0.range]) }
            #expect(first == "<body>\n" + ##"<a class="skip" href="#main">"##, "\(path): \(first ?? "no focusable element")")
            #expect(html.contains(##"<a class="skip" href="#main">跳到正文</a>"##), "\(path)")
            #expect(html.contains(#"<main id="main""#), "\(path)")
            for match in html.matches(of: fields) {
                let input = String(html[match.range])
                guard input.contains(#"type="search""#) else { continue }
                #expect(input.contains(#"aria-label="搜索本站""#), "\(path): \(input)")
                #expect(!input.contains("autocomplete="), "\(path): \(input)")
            }
        }
        #expect(String(decoding: pages["search/index.html"] ?? Data(), as: UTF8.self).contains(#"id="search-query""#))
        // The brief's passphrase field keeps its visible label.
        let shell = String(decoding: try Data(contentsOf: brief.appendingPathComponent("index.html")), as: UTF8.self)
        #expect(shell.contains(#"<label for="dossier-passphrase">"#), "\(shell.prefix(2000))")
    }
}
