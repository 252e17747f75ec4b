@testable import DossierKit
import Foundation
import Testing

@Suite("Encrypted briefs")
struct EncryptedBriefTests {
    static let passphrase = "correct horse battery staple"

    static func build() throws -> (URL, [String: Data]) {
        let folder = try TestSupport.temporaryFolder()
        let output = folder.appendingPathComponent("Brief")
        var options = TestSupport.options(content: AudienceLeakTests.fixture, output: output.path, today: "2025-06-01")
        options.audience = .client("aurora")
        options.passphrase = passphrase
        let report = try Pipeline().run(options, write: true)
        #expect(report.wrote)
        return (output, try TestSupport.tree(output))
    }

    static func payload(_ html: String) throws -> (salt: Data, iterations: Int, data: String) {
        let start = try #require(html.range(of: "<script type=\"application/json\" id=\"dossier-protected\">"))
        let end = try #require(html[start.upperBound...].range(of: "</script>"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        return (try #require(Data(base64Encoded: json["salt"] as? String ?? "")), json["iterations"] as? Int ?? 0,
                json["data"] as? String ?? "")
    }

    @Test("no confidential word, title or path in plain text; only opaque pages, the theme and the unlock script")
    func nothingInPlainText() throws {
        let (_, tree) = try Self.build()
        let words = AudienceLeakTests.internalOnly + AudienceLeakTests.auroraOnly
            + ["Alpha permit", "Audience fixture", "A public article", "public-one", "公开标签", "kb/", "filings/", "permits/", "guangdong"]
        // The ciphertext is random base64, where a short word can turn up by chance: leave it out.
        let readable = tree.mapValues { data -> Data in
            let text = String(decoding: data, as: UTF8.self)
            guard let start = text.range(of: "\"data\":\""), let end = text[start.upperBound...].firstIndex(of: "\"") else { return data }
            return Data((text[..<start.upperBound] + text[end...]).utf8)
        }
        #expect(AudienceLeakTests.leaks(readable, words) == [])
        let paths = tree.keys.sorted()
        #expect(paths.allSatisfy { ["index.html", "404.html", "sitemap.xml", "_theme/style.css", "_dossier/unlock.js", ".dossier-output"].contains($0)
            || ($0.hasPrefix("p/") && $0.hasSuffix(".html")) })
        // The brief has 14 pages and one attachment; each is one opaque page.
        #expect(paths.filter { $0.hasPrefix("p/") }.count == 13)
        let titles = Set(tree.filter { $0.key.hasSuffix(".html") }.map { page in
            String(decoding: page.value, as: UTF8.self).components(separatedBy: "<title>").last?.components(separatedBy: "</title>").first ?? ""
        })
        #expect(titles == ["受保护的简报"])
    }

    @Test("each page decrypts with the key derived from the passphrase (PBKDF2-SHA256, 600,000 rounds), and only with it")
    func decrypts() throws {
        let (_, tree) = try Self.build()
        let home = String(decoding: tree["index.html"] ?? Data(), as: UTF8.self)
        let payload = try Self.payload(home)
        #expect(payload.iterations >= 600_000)
        #expect(payload.salt.count == 16)
        let right = try BriefEncryptor(passphrase: Self.passphrase, salt: payload.salt, language: .zhCN)
        let page = String(decoding: try right.open(payload.data), as: UTF8.self)
        #expect(page.contains("由 Fixture Consulting 为 Aurora CLIENTANAME 极光 编制"))
        // Links inside point at the opaque pages.
        #expect(page.contains("href=\"p/"))
        #expect(!page.contains("filings/aurora-filing"))
        let wrong = try BriefEncryptor(passphrase: "correct horse battery stapler", salt: payload.salt, language: .zhCN)
        #expect(throws: (any Error).self) { try wrong.open(payload.data) }
        // The attachment is encrypted too: its page offers the file once decrypted.
        let attachments = try tree.filter { $0.key.hasPrefix("p/") }.compactMap { entry -> String? in
            let text = String(decoding: try right.open(try Self.payload(String(decoding: entry.value, as: UTF8.self)).data), as: UTF8.self)
            return text.contains("download=\"aurora-scan.txt\"") ? text : nil
        }
        #expect(attachments.count == 1)
        #expect(attachments.first?.contains(Data("Aurora's own scan.\n".utf8).base64EncodedString()) == true)
    }

    @Test("--encrypt takes its passphrase from DOSSIER_PASSPHRASE only, and only for client briefs")
    func usage() throws {
        let base = ["build", "--content", "Tests/Fixtures/audiences", "--themes", "Themes", "--output", "/tmp/dossier-never"]
        let missing = try TestSupport.runInRoot(base + ["--audience", "client", "--client", "aurora", "--encrypt"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("DOSSIER_PASSPHRASE"))
        let publicSite = try TestSupport.runInRoot(base + ["--audience", "public", "--encrypt"],
                                                   environment: ["DOSSIER_PASSPHRASE": Self.passphrase])
        #expect(publicSite.status == 2)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/dossier-never"))
    }

    static var browserCheck: Bool {
        let fm = FileManager.default
        let hasChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].contains { fm.isExecutableFile(atPath: $0) }
        guard hasChromium else { return false }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import websocket"]
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }

    @Test("in headless Chromium: the form only; a wrong passphrase shows an error and no content; the right one opens every page",
          .enabled(if: browserCheck, "needs chromium and the Python package websocket-client (.ci/run installs both)"))
    func browser() throws {
        let (output, _) = try Self.build()
        let result = try Self.python([TestSupport.packageRoot.appendingPathComponent("Tests/Browser/unlock_check.py").path,
                                      output.path, Self.passphrase, "CLIENTANAME"])
        #expect(result.status == 0, "\(result.output)")
    }

    static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try TestSupport.runProcess("/usr/bin/env", ["python3"] + arguments, allowFailure: true, withStatus: true)
    }
}
