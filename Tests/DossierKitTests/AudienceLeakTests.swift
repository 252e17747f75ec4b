import DossierKit
import Foundation
import Testing

/// Confidential material never reaches a site it is not for. The fixture puts a unique marker in
/// every confidential place; the restricted builds are searched byte by byte for each marker,
/// plain and in the escaped forms HTML, JSON and URLs use. Zero hits is the only pass.
@Suite("Audiences: no leaks")
struct AudienceLeakTests {
    static let fixture = TestSupport.fixture("audiences")

    /// In the internal wiki only.
    static let internalOnly = [
        "OTHERCLIENTNAME", "北辰机密", "secretbclient", "OTHERFILINGMARK", "北辰申报", "secretbfiling", "secretbregion",
        "OTHERENTRYMARK", "OTHERREQUESTMARK", "otherattachmentmark", "OTHERATTACHMENTCONTENT",
        "INTERNALSECTIONMARK", "内部段落", "HIDDENHEADINGMARK", "内部标题", "SECRETARTICLEMARK", "内部文章", "secretarticle",
        "SECRETTAGMARK", "secretregionmark", "SECRETDRAFTMARK", "SECRETDRAFTTAG", "secretdraft", "OWNERMARK", "王律师",
        "INTERNALENTRYMARK", "内部电话", "INTERNALNOTEMARK", "CLIENTNOTESMARK", "客户备注机密", "FILINGINTERNALMARK",
        "secretassetmark", "SECRETASSETCONTENT",
        // `verified` / `unverified` of a public article: its unverified note and the badge.
        "UNVERIFIEDMARK", "未全部核实", "尚待核对",
        // Version 2: deadlines. The other client's deadline and an internal one (page, dashboard, deadlines.ics).
        "OTHERDEADLINEMARK", "北辰期限", "INTERNALDEADLINEMARK", "内部期限",
        // Version 2: responses. An internal point, the change answering it, an internal question
        // with its point and the change answering that, another client's point.
        "INTERNALPOINTMARK", "内部意见", "INTERNALANSWERMARK", "内部答复", "INTERNALQUESTIONMARK", "INTERNALQUESTIONPOINTMARK",
        "INTERNALQANSWERMARK", "OTHERPOINTMARK",
    ]
    /// In the internal wiki and Aurora's own brief, never in the public site.
    static let auroraOnly = ["CLIENTANAME", "极光", "aurora", "Aurora alpha filing", "What data do you keep"]

    static func build(_ audience: Audience) throws -> [String: Data] {
        let folder = try TestSupport.temporaryFolder()
        let output = folder.appendingPathComponent("Output")
        var options = TestSupport.options(content: fixture, output: output.path, today: "2025-06-01")
        options.audience = audience
        let report = try Pipeline().run(options, write: true)
        #expect(report.wrote, "\(report.diagnostics)")
        return try TestSupport.tree(output)
    }

    // MARK: - Decoding every escaped form (`LeakScan`, shared with the leak hunt and the fuzzer)

    /// The file's text in every form a marker could hide in: HTML entities, JSON `\\u` escapes,
    /// percent-encoding and their combinations, lower-cased.
    static func readings(_ data: Data) -> [String] { LeakScan.readings(data) }

    /// `"MARKER in path"` for each marker found in a file's bytes (in any reading) or its path.
    static func leaks(_ tree: [String: Data], _ markers: [String]) -> [String] { LeakScan.leaks(tree, markers) }

    @Test("the decoders find markers hidden as entities, \\u escapes and percent-encoding")
    func decodersWork() {
        let hidden = "&#x4E;&#79;pe 北&#36784; \\u5bc6\\u673a %E6%9C%BA%E5%AF%86 &amp;"
        let texts = Self.readings(Data(hidden.utf8))
        #expect(texts.contains { $0.contains("nope") })
        #expect(texts.contains { $0.contains("北辰") })
        #expect(texts.contains { $0.contains("密机") })
        #expect(texts.contains { $0.contains("机密") })
        #expect(Self.leaks(["x.html": Data("a SECRETDRAFT&#77;ARK b".utf8)], ["SECRETDRAFTMARK"]) == ["SECRETDRAFTMARK in x.html"])
    }

    @Test("the decoders read an iCalendar file unfolded and unescaped: a marker split by folding or escaped is found")
    func calendarDecoding() {
        // Folded in the middle of the marker and of a Chinese character's line, with an escaped comma.
        let ics = "BEGIN:VCALENDAR\r\nSUMMARY:a SECRETDR\r\n AFTMARK\\, 北辰\r\n 机密\r\nDESCRIPTION:x\\;INTERNAL\\,MARK\r\nEND:VCALENDAR\r\n"
        let found = Self.leaks(["deadlines.ics": Data(ics.utf8)], ["SECRETDRAFTMARK", "北辰机密", "INTERNAL,MARK"])
        #expect(found == ["SECRETDRAFTMARK in deadlines.ics", "北辰机密 in deadlines.ics", "INTERNAL,MARK in deadlines.ics"])
    }

    @Test("the internal wiki has everything (so the markers are really in the content)")
    func internalHasAll() throws {
        let tree = try Self.build(.internal)
        let missing = (Self.internalOnly + Self.auroraOnly).filter { Self.leaks(tree, [$0]).isEmpty }
        // Drafts stay out even of the internal wiki unless --drafts is given.
        #expect(missing == ["SECRETDRAFTMARK", "SECRETDRAFTTAG", "secretdraft"], "\(missing)")
    }

    @Test("Aurora's brief: nothing of the other client, nothing internal, no drafts")
    func clientBrief() throws {
        let tree = try Self.build(.client("aurora"))
        #expect(Self.leaks(tree, Self.internalOnly) == [])
        // Aurora's own material is there.
        let home = String(decoding: tree["index.html"] ?? Data(), as: UTF8.self)
        #expect(home.contains("由 Fixture Consulting 为 Aurora CLIENTANAME 极光 编制"))
        #expect(tree["filings/aurora-filing/index.html"] != nil)
        #expect(tree["filings/aurora-filing/aurora-scan.txt"] != nil)
        // Version 2: responses. The reply to Aurora's question is there, page and text (the leak
        // search above covered them); the internal question has none.
        #expect(tree["filings/aurora-filing/responses/1/index.html"] != nil)
        #expect(tree["filings/aurora-filing/responses/1.txt"] != nil)
        #expect(tree["filings/aurora-filing/responses/2.txt"] == nil)
        #expect(!tree.keys.contains { $0.hasPrefix("filings/secretbfiling/") })
        #expect(tree["kb/public-one/index.html"] != nil)
        #expect(tree["permits/alpha/index.html"] != nil)
        #expect(tree["clients/aurora/index.html"] == nil)
        #expect(tree["data/filings.json"] == nil)
        // Version 2: deadlines. The brief's calendar feed has Aurora's own deadline (and no other:
        // the leak search above covers it, unfolded and unescaped).
        let feed = String(decoding: tree["deadlines.ics"] ?? Data(), as: UTF8.self)
        #expect(feed.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(feed.replacingOccurrences(of: "\r\n ", with: "").contains("AURORADEADLINEMARK 极光续期"))
        // The permit's figures come from Aurora's filing alone.
        let alpha = String(decoding: tree["permits/alpha/index.html"] ?? Data(), as: UTF8.self)
        #expect(alpha.contains("What data do you keep?"))
    }

    @Test("the public site: permits and public articles only")
    func publicSite() throws {
        let tree = try Self.build(.public)
        #expect(Self.leaks(tree, Self.internalOnly + Self.auroraOnly) == [])
        #expect(tree.keys.filter { $0.hasPrefix("filings/") || $0.hasPrefix("clients/") }.isEmpty)
        #expect(tree["deadlines.ics"] == nil)
        #expect(tree["kb/public-one/index.html"] != nil)
        #expect(tree["kb/public-two/index.html"] != nil)
        #expect(tree["permits/beta/index.html"] != nil)
        let one = String(decoding: tree["kb/public-one/index.html"] ?? Data(), as: UTF8.self)
        // Links to material the audience does not get are plain text, never dangling links.
        #expect(one.contains("Links to material others may not see: （未公开的资料）, （未公开的资料）, （未公开的资料）,"))
        #expect(one.contains("Relative form: the other filing."))
    }

    @Test("the caches beside a brief or a public site hold nothing that site does not show, even after an internal build there")
    func cachesBesideOutput() throws {
        for (audience, markers) in [(Audience.client("aurora"), Self.internalOnly), (.public, Self.internalOnly + Self.auroraOnly)] {
            let folder = try TestSupport.temporaryFolder()
            let output = folder.appendingPathComponent("Output")
            var options = TestSupport.options(content: Self.fixture, output: output.path, today: "2025-06-01")
            // The internal wiki built there first leaves its page cache (every page as parsed).
            _ = try Pipeline().run(options, write: true)
            let pages = folder.appendingPathComponent(".Output.dossier-pages")
            #expect(try FileManager.default.contentsOfDirectory(atPath: pages.path).contains("parsed-0"))
            options.audience = audience
            options.force = true
            for _ in 0..<2 {
                let report = try Pipeline().run(options, write: true)
                #expect(report.wrote && !report.upToDate)
            }
            var beside: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name != "Output" {
                let url = folder.appendingPathComponent(name)
                if name == ".Output.dossier-pages" {
                    for shard in try FileManager.default.contentsOfDirectory(atPath: url.path) {
                        beside[name + "/" + shard] = try Data(contentsOf: url.appendingPathComponent(shard))
                    }
                } else {
                    beside[name] = try Data(contentsOf: url)
                }
            }
            #expect(beside[".Output.dossier-cache"] != nil && beside.keys.contains { $0.hasPrefix(".Output.dossier-pages/search-") })
            #expect(!beside.keys.contains { $0.contains("parsed-") }, "\(audience): a page cache beside the output")
            #expect(Self.leaks(beside, markers) == [], "\(audience)")
        }
    }

    @Test("wiki, then an encrypted brief, then a public site into one folder: nothing of the wiki's caches stays beside them")
    func cachesBesideEncryptedBrief() throws {
        let folder = try TestSupport.temporaryFolder()
        let output = folder.appendingPathComponent("Output")
        var options = TestSupport.options(content: Self.fixture, output: output.path, today: "2025-06-01")
        _ = try Pipeline().run(options, write: true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(".Output.dossier-pages").path).contains("parsed-0"))
        func beside() throws -> [String: Data] {
            var found: [String: Data] = [:]
            let enumerator = FileManager.default.enumerator(atPath: folder.path)
            while let name = enumerator?.nextObject() as? String {
                guard name != "Output", !name.hasPrefix("Output/") else {
                    if name == "Output" { enumerator?.skipDescendants() }
                    continue
                }
                let url = folder.appendingPathComponent(name)
                if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                    found[name] = try Data(contentsOf: url)
                }
            }
            return found
        }
        options.audience = .client("aurora")
        options.passphrase = "correct horse battery staple"
        options.force = true
        let encrypted = try Pipeline().run(options, write: true)
        #expect(encrypted.wrote)
        let afterBrief = try beside()
        #expect(afterBrief.isEmpty, "beside an encrypted brief: \(afterBrief.keys.sorted())")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".Output.dossier-pages").path))
        options.passphrase = nil
        options.audience = .public
        #expect(try Pipeline().run(options, write: true).wrote)
        let afterPublic = try beside()
        #expect(!afterPublic.keys.contains { $0.contains("parsed-") })
        #expect(Self.leaks(afterPublic, Self.internalOnly + Self.auroraOnly) == [])
    }

    @Test("dossier check --audience lists each link to left-out material as a warning")
    func checkWarns() throws {
        let result = try TestSupport.runInRoot(["check", "--content", "Tests/Fixtures/audiences", "--themes", "Themes",
                                                "--today", "2025-06-01", "--audience", "public"])
        #expect(result.status == 0)
        let warnings = result.stderr.split(separator: "\n").filter { $0.contains(": warning: ") }
        #expect(warnings.count == 8)
        #expect(warnings.contains { $0.hasPrefix("Tests/Fixtures/audiences/kb/public-one.md:14:18: warning: link [[aurora-filing]]") })
        let unknown = try TestSupport.runInRoot(["build", "--content", "Tests/Fixtures/audiences", "--themes", "Themes",
                                                 "--audience", "client", "--client", "nobody", "--output", "/tmp/never-written"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("there is no client 'nobody'"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never-written"))
    }
}
