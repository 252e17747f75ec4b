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

    static let shellJSONStart = "<script type=\"application/json\" id=\"dossier-protected\">"

    static func payload(_ html: String) throws -> (salt: Data, iterations: Int, data: String, path: String, version: Int) {
        let start = try #require(html.range(of: shellJSONStart))
        let end = try #require(html[start.upperBound...].range(of: "</script>"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        return (try #require(Data(base64Encoded: json["salt"] as? String ?? "")), json["iterations"] as? Int ?? 0,
                json["data"] as? String ?? "", json["path"] as? String ?? "", json["v"] as? Int ?? 0)
    }

    /// Every page of a brief, decrypted with the passphrase: path → HTML.
    static func decrypted(_ tree: [String: Data]) throws -> [String: String] {
        let salt = try payload(String(decoding: tree["index.html"] ?? Data(), as: UTF8.self)).salt
        let encryptor = try BriefEncryptor(passphrase: passphrase, salt: salt, language: .zhCN)
        var pages: [String: String] = [:]
        for (path, data) in tree where path.hasSuffix(".html") {
            let shell = try payload(String(decoding: data, as: UTF8.self))
            pages[path] = String(decoding: try encryptor.open(shell.data, path: path), as: UTF8.self)
        }
        return pages
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
        #expect(paths.allSatisfy { ["index.html", "404.html", "robots.txt", "_theme/style.css", "_dossier/unlock.js", ".dossier-output"].contains($0)
            || ($0.hasPrefix("p/") && $0.hasSuffix(".html")) })
        // The brief has 15 pages (the reply letter to Aurora's question among them), one attachment
        // and the reply's plain text; each is one opaque page (the text encrypted like the pages).
        #expect(paths.filter { $0.hasPrefix("p/") }.count == 15)
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
        #expect(payload.version == 2)
        #expect(payload.path == "index.html")
        let page = String(decoding: try right.open(payload.data, path: "index.html"), as: UTF8.self)
        #expect(page.contains("由 Fixture Consulting 为 Aurora CLIENTANAME 极光 编制"))
        // Links inside point at the opaque pages.
        #expect(page.contains("href=\"p/"))
        #expect(!page.contains("filings/aurora-filing"))
        let wrong = try BriefEncryptor(passphrase: "correct horse battery stapler", salt: payload.salt, language: .zhCN)
        #expect(throws: (any Error).self) { try wrong.open(payload.data, path: "index.html") }
        // The attachment is encrypted too: its page offers the file once decrypted.
        let attachments = try tree.filter { $0.key.hasPrefix("p/") }.compactMap { entry -> String? in
            let text = String(decoding: try right.open(try Self.payload(String(decoding: entry.value, as: UTF8.self)).data, path: entry.key),
                              as: UTF8.self)
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
        let weakAlone = try TestSupport.runInRoot(base + ["--audience", "client", "--client", "aurora", "--allow-weak-passphrase"])
        #expect(weakAlone.status == 2)
        #expect(weakAlone.stderr.contains("--allow-weak-passphrase is for --encrypt"), "\(weakAlone.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/dossier-never"))
    }

    @Test("a payload opens only with the associated data of its own path: moved into another shell, it fails authentication")
    func boundToPath() throws {
        let (_, tree) = try Self.build()
        let home = String(decoding: try #require(tree["index.html"]), as: UTF8.self)
        let otherPath = try #require(tree.keys.sorted().first { $0.hasPrefix("p/") })
        let other = String(decoding: try #require(tree[otherPath]), as: UTF8.self)
        let homePayload = try Self.payload(home)
        let otherPayload = try Self.payload(other)
        #expect(otherPayload.path == otherPath)
        let encryptor = try BriefEncryptor(passphrase: Self.passphrase, salt: homePayload.salt, language: .zhCN)
        #expect(throws: Never.self) { try encryptor.open(otherPayload.data, path: otherPath) }
        // The other page's payload in the home page's shell, as someone who can write to the hosting could put it.
        let start = try #require(home.range(of: "\"data\":\""))
        let end = try #require(home[start.upperBound...].firstIndex(of: "\""))
        let swapped = home.replacingCharacters(in: start.upperBound..<end, with: otherPayload.data)
        let moved = try Self.payload(swapped)
        #expect(moved.path == "index.html" && moved.data == otherPayload.data)
        #expect(throws: (any Error).self) { try encryptor.open(moved.data, path: moved.path) }
        // And the other way round, and under the format's other fixed paths.
        #expect(throws: (any Error).self) { try encryptor.open(homePayload.data, path: otherPath) }
        #expect(throws: (any Error).self) { try encryptor.open(homePayload.data, path: "404.html") }
        #expect(throws: Never.self) { try encryptor.open(homePayload.data, path: "index.html") }
    }

    @Test("HKDF separates the keys: opaque paths are HMAC with the path key, never with the encryption key or the PBKDF2 output")
    func separateKeys() throws {
        let (_, tree) = try Self.build()
        let salt = try Self.payload(String(decoding: tree["index.html"] ?? Data(), as: UTF8.self)).salt
        let keys = try BriefEncryptor.keys(passphrase: Self.passphrase, salt: salt)
        // The original paths of the same brief, built without encryption.
        let folder = try TestSupport.temporaryFolder()
        var options = TestSupport.options(content: AudienceLeakTests.fixture, output: folder.appendingPathComponent("Plain").path,
                                          today: "2025-06-01")
        options.audience = .client("aurora")
        _ = try Pipeline().run(options, write: true)
        let originals = try TestSupport.tree(folder.appendingPathComponent("Plain")).keys.filter { path in
            !path.hasPrefix(".") && !path.hasPrefix("search/") && !BriefEncryptor.isPublic(path) && !BriefEncryptor.isDropped(path)
                && path != "index.html" && path != "404.html"
                && path != "deadlines.ics"  // version 2: an encrypted brief has no calendar feed
        }
        let opaque = Set(tree.keys.filter { $0.hasPrefix("p/") })
        #expect(opaque.count == 15)  // 13, plus the reply letter and its plain text (version 2: responses)
        #expect(Set(originals.map { "p/\(BriefEncryptor.token($0, key: keys.path)).html" }) == opaque)
        for key in [keys.encryption, keys.master] {
            #expect(opaque.isDisjoint(with: originals.map { "p/\(BriefEncryptor.token($0, key: key)).html" }))
        }
        #expect(BriefEncryptor.token("path", key: keys.path) != BriefEncryptor.token("path", key: keys.encryption))
        #expect(BriefEncryptor.token("path", key: keys.encryption) != BriefEncryptor.token("path", key: keys.master))
    }

    @Test("plaintexts are padded to size buckets: 4, 8, 16 … 1024 KiB, then whole MiB")
    func paddedSizes() throws {
        #expect(BriefEncryptor.bucket(for: 0) == 4096)
        #expect(BriefEncryptor.bucket(for: 4095) == 4096)
        #expect(BriefEncryptor.bucket(for: 4096) == 8192)
        #expect(BriefEncryptor.bucket(for: 300_000) == 512 * 1024)
        #expect(BriefEncryptor.bucket(for: (1 << 20) - 1) == 1 << 20)
        #expect(BriefEncryptor.bucket(for: 1 << 20) == 2 << 20)
        #expect(BriefEncryptor.bucket(for: 5 << 20) == 6 << 20)
        for text in ["", "a", String(repeating: "页", count: 5000)] {
            let padded = BriefEncryptor.pad(Data(text.utf8))
            #expect(padded.count == BriefEncryptor.bucket(for: Data(text.utf8).count))
            #expect(try BriefEncryptor.unpad(padded) == Data(text.utf8))
        }
        #expect(throws: (any Error).self) { try BriefEncryptor.unpad(Data([1, 2, 0, 0])) }

        let (_, tree) = try Self.build()
        var buckets = Set((12...20).map { 1 << $0 })
        buckets.formUnion((2...64).map { $0 << 20 })
        let lengths = try tree.filter { $0.key.hasSuffix(".html") }.map { entry -> Int in
            let sealed = try #require(Data(base64Encoded: try Self.payload(String(decoding: entry.value, as: UTF8.self)).data))
            return sealed.count - 12 - 16  // nonce and tag
        }
        #expect(lengths.count == 17)  // 15, plus the reply letter and its plain text (version 2: responses)
        #expect(lengths.allSatisfy { buckets.contains($0) }, "\(lengths)")
    }

    @Test("no sitemap; the shell carries a Content-Security-Policy and no-referrer; decrypted pages need no inline script, style or handler")
    func policy() throws {
        let (_, tree) = try Self.build()
        #expect(tree["sitemap.xml"] == nil)
        #expect(tree["feed.xml"] == nil)
        #expect(!tree.keys.contains { $0.hasPrefix("data/") })
        let policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'"
        for (path, data) in tree where path.hasSuffix(".html") {
            let shell = String(decoding: data, as: UTF8.self)
            #expect(shell.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"\(policy)\">"), "\(path)")
            #expect(shell.contains("<meta name=\"referrer\" content=\"no-referrer\">"), "\(path)")
        }
        let pages = try Self.decrypted(tree)
        #expect(pages.count == 17)  // 15, plus the reply letter and its plain text (version 2: responses)
        let scripts = try Regex(#"<script(?![^>]*type="application/(?:ld\+)?json")[^>]*>"#)
        let handlers = try Regex(#"<[^>]*\son[a-z]+\s*="#).ignoresCase()
        for (path, html) in pages {
            #expect(html.firstMatch(of: scripts) == nil, "\(path): a script the policy would block")
            #expect(html.firstMatch(of: handlers) == nil, "\(path): an inline event handler")
            #expect(!html.contains(" style=\""), "\(path): an inline style the policy would block")
            #expect(!html.contains("<style"), "\(path): a style element the policy would block")
        }
    }

    @Test("a passphrase under 12 characters (counted as characters) is refused before anything is written, unless --allow-weak-passphrase")
    func weakPassphrase() throws {
        let folder = try TestSupport.temporaryFolder()
        let output = folder.appendingPathComponent("Brief").path
        let base = ["build", "--content", "Tests/Fixtures/audiences", "--themes", "Themes", "--output", output,
                    "--audience", "client", "--client", "aurora", "--encrypt", "--today", "2025-06-01"]
        // 11 characters; the Chinese one is 33 bytes of UTF-8 but still 11 characters.
        for weak in ["abcdefghijk", "一二三四五六七八九十甲"] {
            let refused = try TestSupport.runInRoot(base, environment: ["DOSSIER_PASSPHRASE": weak])
            #expect(refused.status == 2, "\(refused.stderr)")
            #expect(refused.stderr.contains("12 characters") && refused.stderr.contains("--allow-weak-passphrase"))
            #expect(!FileManager.default.fileExists(atPath: output))
        }
        let twelve = try TestSupport.runInRoot(base, environment: ["DOSSIER_PASSPHRASE": "一二三四五六七八九十甲乙"])
        #expect(twelve.status == 0, "\(twelve.stderr)")
        try FileManager.default.removeItem(atPath: output)
        let allowed = try TestSupport.runInRoot(base + ["--allow-weak-passphrase"], environment: ["DOSSIER_PASSPHRASE": "abcdefghijk"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(FileManager.default.fileExists(atPath: output + "/index.html"))
        // The library refuses it too.
        var options = TestSupport.options(content: AudienceLeakTests.fixture, output: folder.appendingPathComponent("Other").path)
        options.audience = .client("aurora")
        options.passphrase = "short"
        #expect(throws: UsageError.self) { try Pipeline().run(options, write: true) }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Other").path))
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

    @Test("in headless Chromium: the form only; a wrong passphrase shows an error; the right one opens every page, keeps no key bytes in web storage, breaks no CSP rule; swapped payloads and moved shells are refused",
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
