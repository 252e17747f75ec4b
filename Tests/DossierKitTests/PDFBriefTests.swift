@testable import DossierKit
import Foundation
import Testing

/// `dossier pdf`: the sample's client brief as one PDF, read back with poppler-utils and qpdf as a
/// reader's tools read it. Skipped, saying so, without Chromium, qpdf or poppler-utils (`.ci/run`
/// installs them).
@Suite("dossier pdf: a brief as one PDF", .serialized)
struct PDFBriefTests {
    static func tool(_ name: String) -> URL? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static let hasTools = (tool("chromium") ?? tool("chromium-browser") ?? tool("google-chrome")) != nil
        && tool("qpdf") != nil && tool("pdftotext") != nil && tool("pdfinfo") != nil && hasCJKFont

    /// A font for Chinese (fonts-noto-cjk): without one the pages print boxes, not text.
    static let hasCJKFont: Bool = {
        guard let fcList = tool("fc-list"), let run = try? TestSupport.run([":lang=zh"], executable: fcList) else { return false }
        return !run.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }()

    static let sampleContent = TestSupport.packageRoot.appendingPathComponent("Content").path

    /// Makes a PDF; returns its path (in a fresh temporary folder).
    static func make(content: String, audience: Audience, filing: String? = nil, today: String = "2026-11-29",
                     passphrase: String? = nil, output: String = "brief.pdf") throws -> (URL, PDFReport) {
        let folder = try TestSupport.temporaryFolder()
        let file = folder.appendingPathComponent(output)
        var options = TestSupport.options(content: content, output: folder.appendingPathComponent("unused").path, today: today)
        options.themesDirectory = TestSupport.themes
        options.audience = audience
        options.passphrase = passphrase
        let report = try PDFBrief().run(PDFOptions(build: options, output: file.path, filing: filing))
        return (file, report)
    }

    /// The text of pages `first` through `last` (`pdftotext -layout`), with a password when given.
    static func text(_ pdf: URL, first: Int? = nil, last: Int? = nil, password: String? = nil) throws -> TestSupport.RunResult {
        var arguments = ["-layout", "-enc", "UTF-8"]
        if let first { arguments += ["-f", String(first)] }
        if let last { arguments += ["-l", String(last)] }
        if let password { arguments += ["-upw", password] }
        return try TestSupport.run(arguments + [pdf.path, "-"], executable: tool("pdftotext"))
    }

    static func pageText(_ pdf: URL, _ page: Int) throws -> String { try text(pdf, first: page, last: page).stdout }

    static func info(_ pdf: URL) throws -> [String: String] {
        let out = try TestSupport.run(["-enc", "UTF-8", pdf.path], executable: tool("pdfinfo")).stdout
        var fields: [String: String] = [:]
        for line in out.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    /// The contents page's entries: title and page number, in order.
    static func contents(_ pdf: URL) throws -> [(title: String, page: Int)] {
        try pageText(pdf, 2).split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count >= 2, let page = Int(parts[parts.count - 1]) else { return nil }
            return (parts.dropLast().joined(separator: " "), page)
        }
    }

    static let sample: Result<(URL, PDFReport), any Error> = Result {
        try make(content: sampleContent, audience: .client("xingyun-tech"))
    }

    @Test("the sample's client: cover, a contents page with every filing, letter and article and the page each starts on",
          .enabled(if: hasTools, "needs chromium, qpdf and poppler-utils (apt-get install chromium qpdf poppler-utils fonts-noto-cjk; .ci/run installs them)"))
    func sampleContents() throws {
        let (pdf, report) = try Self.sample.get()
        #expect(report.wrote)
        let info = try Self.info(pdf)
        // Four filings of 星云科技 with their letters and articles: 24 A4 pages.
        #expect(info["Pages"] == "24")
        #expect(report.pageCount == 24)
        #expect(info["Page size"]?.hasPrefix("594.96 x 841.92") == true)
        let cover = try Self.pageText(pdf, 1)
        #expect(cover.contains("保密"))
        #expect(cover.contains("星云科技有限公司 · 合规简报"))
        #expect(cover.contains("示例合规咨询"))
        #expect(cover.contains("2026年11月29日"))
        // The cover has no running header or page number; the next pages do ("第 2 页，共 24 页").
        #expect(!cover.contains("第 1 页"))
        #expect(try Self.pageText(pdf, 2).contains("第 2 页，共 24 页"))
        #expect(try Self.pageText(pdf, 24).contains("第 24 页，共 24 页"))

        let entries = try Self.contents(pdf)
        #expect(entries.map(\.title) == [
            "星云科技 · 兴趣推荐算法备案", "星云科技 · 网络文化经营许可证（2024 年取得，待延续）", "星云科技 · 对话助手生成式人工智能服务备案",
            "审核意见答复函 (1)", "审核意见答复函 (2)", "星云科技 · 网络出版服务许可证申请", "附录：相关知识库文章",
            "每轮修改后，怎么给审核方写“审计式”沟通邮件？", "给审核老师的\"三句话备忘\"怎么写？", "大模型备案属地审核未通过，修改后重审要多久？",
            "大模型备案中，用户管理与监看人员怎么配置？", "大模型备案的安全自评估，知识产权合规怎么写？",
        ])
        #expect(entries.map(\.page) == [3, 6, 8, 12, 13, 14, 17, 17, 19, 21, 22, 23])
        // Each entry's page starts with it (a letter with its heading, after the warning of an
        // incomplete one), under the running header of its client and filing or the appendix.
        for entry in entries {
            let page = try Self.pageText(pdf, entry.page)
            let lines = page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let heading = entry.title.hasPrefix("审核意见答复函") ? "审核意见答复函" : entry.title
            #expect(lines.first?.hasPrefix("星云科技有限公司 · ") == true, "page \(entry.page): \(lines.prefix(1))")
            #expect(lines.dropFirst().prefix(3).contains(heading), "page \(entry.page): \(lines.prefix(4))")
        }
        let algorithm = try Self.pageText(pdf, 3)
        #expect(algorithm.hasPrefix("星云科技有限公司 · 星云科技 · 兴趣推荐算法备案"))
    }

    @Test("the memo and a reply letter are on the pages the contents give them", .enabled(if: hasTools, "needs chromium, qpdf and poppler-utils (apt-get install chromium qpdf poppler-utils fonts-noto-cjk; .ci/run installs them)"))
    func memoAndLetterPages() throws {
        let (pdf, _) = try Self.sample.get()
        // The algorithm filing (page 3 to 5): its three-sentence memo is on its first page.
        let filing = try Self.pageText(pdf, 3)
        #expect(filing.contains("为社交平台用户推荐兴趣圈层内的内容，减少无关信息干扰。"))
        #expect(filing.contains("敏感词过滤、人工干预队列和一键关闭个性化推荐三层控制。"))
        #expect(filing.contains("27 / 30 个工作日"))
        // The first reply letter of the generative-AI filing, page 12: addressee, points, changes, signature.
        let letter = try Self.pageText(pdf, 12)
        #expect(letter.contains("审核意见答复函"))
        #expect(letter.contains("训练语料中采购部分未附授权证明，请补充授权合同。"))
        #expect(letter.contains("新增采购语料的授权合同关键页"))
        #expect(letter.contains("示例合规咨询"))
        // ... and not on the page before it (the filing's own pages).
        #expect(!(try Self.pageText(pdf, 11)).contains("现就2026年4月28日的要求补正答复如下"))
        #expect(letter.contains("现就2026年4月28日的要求补正答复如下"))
    }

    @Test("links inside the PDF go to the contents' pages; metadata from site.yml and --today; qpdf --check passes",
          .enabled(if: hasTools, "needs chromium, qpdf and poppler-utils (apt-get install chromium qpdf poppler-utils fonts-noto-cjk; .ci/run installs them)"))
    func linksMetadataAndCheck() throws {
        let (pdf, _) = try Self.sample.get()
        let check = try TestSupport.run(["--check", pdf.path], executable: Self.tool("qpdf"))
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
        #expect(check.stdout.contains("No syntax or stream encoding errors"))
        let info = try Self.info(pdf)
        #expect(info["Title"] == "星云科技有限公司 · 合规简报")
        #expect(info["Author"] == "示例合规咨询")
        #expect(info["Subject"] == "示例合规咨询为星云科技有限公司准备的备案与许可简报")
        #expect(info["Creator"] == "Dossier")
        // Midnight of --today in China Standard Time.
        #expect(info["CreationDate"] == "Sat Nov 28 16:00:00 2026 UTC")
        #expect(info["ModDate"] == "Sat Nov 28 16:00:00 2026 UTC")
        // Internal links are PDF links: a /Dest for each contents entry, on the page the contents print.
        let json = try TestSupport.run(["--json", pdf.path], executable: Self.tool("qpdf")).stdout
        #expect(json.contains("\"/part-1\""))
        #expect(json.contains("\"/appendix\""))
        #expect(json.contains("\"/Dest\": \"/part-4\"") || json.contains("\"/Dest\":\"/part-4\""))
        // The chart stays a vector drawing: page 3 has no image at all.
        let pdfimages = try #require(Self.tool("pdfimages"), "pdfimages comes with pdftotext in poppler-utils")
        let images = try TestSupport.run(["-list", "-f", "3", "-l", "3", pdf.path], executable: pdfimages)
        #expect(images.status == 0)
        #expect(images.stdout.split(separator: "\n").count == 2, "\(images.stdout)")
    }

    @Test("an English interface: the same brief in English words", .enabled(if: hasTools, "needs chromium, qpdf and poppler-utils (apt-get install chromium qpdf poppler-utils fonts-noto-cjk; .ci/run installs them)"))
    func englishInterface() throws {
        let folder = try TestSupport.temporaryFolder()
        let content = folder.appendingPathComponent("Content")
        try FileManager.default.copyItem(atPath: Self.sampleContent, toPath: content.path)
        let siteFile = content.appendingPathComponent("site.yml")
        var site = try String(contentsOf: siteFile, encoding: .utf8)
        site = site.split(separator: "\n").filter { !$0.hasPrefix("language:") }.joined(separator: "\n") + "\nlanguage: en\n"
        try site.write(to: siteFile, atomically: true, encoding: .utf8)
        let (pdf, report) = try Self.make(content: content.path, audience: .client("xingyun-tech"), filing: "xingyun-genai")
        #expect(report.wrote, "\(report.diagnostics)")
        let cover = try Self.pageText(pdf, 1)
        #expect(cover.contains("Confidential"))
        #expect(cover.contains("星云科技有限公司 · Compliance brief"))
        #expect(cover.contains("Prepared by"))
        #expect(cover.contains("November 29, 2026"))
        let contents = try Self.pageText(pdf, 2)
        #expect(contents.contains("Contents"))
        #expect(contents.contains("Page 2 of"))
        // One filing: its letters, no other filing.
        #expect(contents.contains("星云科技 · 对话助手生成式人工智能服务备案"))
        #expect(!contents.contains("兴趣推荐算法备案"))
        #expect(contents.contains("Reply to the reviewer's points (1)"))
        let all = try Self.text(pdf).stdout
        #expect(all.contains("Statutory review period") || all.contains("Memo"), "English labels of the filing page")
        #expect(try Self.info(pdf)["Subject"] == "Filings and permits brief prepared by 示例合规咨询 for 星云科技有限公司")
    }

    @Test("a client's PDF: no confidential marker in its text or metadata; the internal one has them",
          .enabled(if: hasTools, "needs chromium, qpdf and poppler-utils (apt-get install chromium qpdf poppler-utils fonts-noto-cjk; .ci/run installs them)"))
    func noLeaks() throws {
        let (pdf, report) = try Self.make(content: AudienceLeakTests.fixture, audience: .client("aurora"), today: "2025-06-01")
        #expect(report.wrote, "\(report.diagnostics)")
        let text = try Self.text(pdf)
        #expect(text.status == 0)
        let raw = try TestSupport.run(["-raw", "-enc", "UTF-8", pdf.path, "-"], executable: Self.tool("pdftotext")).stdout
        let metadata = try TestSupport.run(["-enc", "UTF-8", "-meta", pdf.path], executable: Self.tool("pdfinfo"))
        let encryption = try TestSupport.run(["--show-encryption", pdf.path], executable: Self.tool("qpdf"))
        let json = try TestSupport.run(["--json", pdf.path], executable: Self.tool("qpdf")).stdout
        // Everything a reader's tools show, with line breaks and spaces gone (a marker broken over two lines is found).
        func squeezed(_ text: String) -> String { text.filter { !$0.isWhitespace }.lowercased() }
        let everything = squeezed(text.stdout + raw + metadata.stdout + metadata.stderr + encryption.stdout + json)
        let leaks = AudienceLeakTests.internalOnly.filter { everything.contains(squeezed($0)) }
        #expect(leaks == [])
        // Aurora's own material is there.
        #expect(everything.contains(squeezed("Aurora alpha filing")))
        #expect(everything.contains(squeezed("CLIENTANAME")))

        // The same search finds the markers in the internal PDF of the same content: not vacuous.
        let (internalPDF, _) = try Self.make(content: AudienceLeakTests.fixture, audience: .internal, today: "2025-06-01")
        let internalText = squeezed(try Self.text(internalPDF).stdout)
        for marker in ["OTHERCLIENTNAME", "OTHERFILINGMARK", "OWNERMARK", "INTERNALENTRYMARK", "INTERNALPOINTMARK",
                       "INTERNALSECTIONMARK", "OTHERDEADLINEMARK", "INTERNALDEADLINEMARK"] {
            #expect(internalText.contains(squeezed(marker)), "\(marker) is not in the internal PDF")
        }
    }

    @Test("the leak hunt's generated internal sections (10 documents as filings of the client) are in no client PDF",
          .enabled(if: hasTools, "needs chromium, qpdf and poppler-utils (apt-get install chromium qpdf poppler-utils fonts-noto-cjk; .ci/run installs them)"))
    func leakHuntDocuments() throws {
        var generator = LeakHunt(seed: LeakHuntTests.seed)
        let documents = (0..<10).map { _ in generator.document(wellFormed: true) }
        let folder = try TestSupport.temporaryFolder()
        let content = folder.appendingPathComponent("content")
        try FileManager.default.copyItem(atPath: AudienceLeakTests.fixture, toPath: content.path)
        try LeakHuntRun(fixture: AudienceLeakTests.fixture, themes: TestSupport.themes).write(documents, rawHTML: false, to: content)
        func squeezed(_ text: String) -> String { text.filter { !$0.isWhitespace }.lowercased() }
        let (pdf, report) = try Self.make(content: content.path, audience: .client("aurora"), today: "2025-06-01")
        #expect(report.wrote, "\(report.diagnostics.filter { $0.severity == .error })")
        let text = try Self.text(pdf).stdout
        let metadata = try TestSupport.run(["-enc", "UTF-8", pdf.path], executable: Self.tool("pdfinfo")).stdout
        // Every object of the file too (link addresses, the outline, the structure tree).
        let objects = try TestSupport.run(["--json", pdf.path], executable: Self.tool("qpdf")).stdout
        let everything = squeezed(text + metadata + objects)
        #expect(everything.contains(squeezed("Hunt filing 9")), "the generated filings are in the client's PDF")
        let markers = documents.flatMap(\.markers)
        #expect(markers.count > 20)
        #expect(markers.filter { everything.contains(squeezed($0)) } == [], "seed \(LeakHuntTests.seed)")
        // The internal PDF of the same content shows the markers the wiki shows: the search can find
        // them (all but those the wiki has only in attributes: a link's title, an image's address).
        let (internalPDF, _) = try Self.make(content: content.path, audience: .internal, today: "2025-06-01")
        let internalText = squeezed(try Self.text(internalPDF).stdout)
        let shown = documents.flatMap { $0.shown(rawHTML: false) }
        let found = shown.filter { internalText.contains(squeezed($0)) }
        #expect(Double(found.count) >= 0.8 * Double(shown.count), "\(found.count) of \(shown.count) shown markers found; missing: \(shown.filter { !found.contains($0) })")
    }

    @Test("the same content, theme and date give the same bytes", .enabled(if: hasTools, "needs chromium, qpdf and poppler-utils (apt-get install chromium qpdf poppler-utils fonts-noto-cjk; .ci/run installs them)"))
    func deterministic() throws {
        let (first, _) = try Self.make(content: AudienceLeakTests.fixture, audience: .client("aurora"), today: "2025-06-01")
        let (second, _) = try Self.make(content: AudienceLeakTests.fixture, audience: .client("aurora"), today: "2025-06-01")
        let a = try Data(contentsOf: first)
        let b = try Data(contentsOf: second)
        #expect(a.count > 10_000)
        #expect(a == b)
    }

    @Test("--encrypt: AES-256; unreadable without the passphrase, readable with it", .enabled(if: hasTools, "needs chromium, qpdf and poppler-utils (apt-get install chromium qpdf poppler-utils fonts-noto-cjk; .ci/run installs them)"))
    func encrypted() throws {
        // ASCII: poppler 22 (pdftotext) does not accept a non-ASCII password of an AES-256 file that qpdf accepts.
        let passphrase = "a long passphrase 2026"
        let (pdf, report) = try Self.make(content: AudienceLeakTests.fixture, audience: .client("aurora"), today: "2025-06-01",
                                          passphrase: passphrase)
        #expect(report.wrote)
        let without = try Self.text(pdf)
        #expect(without.status != 0)
        #expect(!without.stdout.contains("Aurora alpha filing"))
        let with = try Self.text(pdf, password: passphrase)
        #expect(with.status == 0)
        #expect(with.stdout.contains("Aurora alpha filing"))
        let shown = try TestSupport.run(["--show-encryption", "--password=\(passphrase)", pdf.path], executable: Self.tool("qpdf")).stdout
        #expect(shown.contains("R = 6"))
        #expect(shown.contains("AESv3"))
        // The bytes do not carry the text in the clear.
        #expect(try Data(contentsOf: pdf).range(of: Data("Aurora".utf8)) == nil)
    }

    @Test("a short passphrase, --audience public and an unknown --filing are usage errors; a previous PDF stays whole")
    func usageErrors() throws {
        let folder = try TestSupport.temporaryFolder()
        let file = folder.appendingPathComponent("brief.pdf")
        try Data("previous".utf8).write(to: file)
        var options = TestSupport.options(content: AudienceLeakTests.fixture, output: folder.path, today: "2025-06-01")
        options.themesDirectory = TestSupport.themes
        options.audience = .public
        #expect(throws: UsageError.self) { try PDFBrief().run(PDFOptions(build: options, output: file.path)) }
        options.audience = .client("aurora")
        options.passphrase = "short"
        let weak = #expect(throws: UsageError.self) { try PDFBrief().run(PDFOptions(build: options, output: file.path)) }
        #expect(weak?.description.contains("fewer than 12 characters") == true)
        options.passphrase = nil
        if Self.hasTools {
            let unknown = #expect(throws: UsageError.self) {
                try PDFBrief().run(PDFOptions(build: options, output: file.path, filing: "secretbfiling"))
            }
            // The other client's filing is not in Aurora's brief; its id is not suggested either.
            #expect(unknown?.description == "there is no filing 'secretbfiling' in this brief (did you mean 'aurora-filing'?)"
                || unknown?.description == "there is no filing 'secretbfiling' in this brief")
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "previous")
        // Nothing but the PDF's own file is beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["brief.pdf"])
    }

    @Test("without Chromium on the PATH: a usage error that says what to install, exit 2, nothing written")
    func missingChromium() throws {
        let folder = try TestSupport.temporaryFolder()
        let file = folder.appendingPathComponent("out/brief.pdf")
        var options = TestSupport.options(content: AudienceLeakTests.fixture, output: folder.path, today: "2025-06-01")
        options.audience = .client("aurora")
        let brief = PDFBrief(environment: ["PATH": folder.path])
        let error = #expect(throws: UsageError.self) { try brief.run(PDFOptions(build: options, output: file.path)) }
        #expect(error?.description.contains("apt-get install chromium") == true)
        #expect(!FileManager.default.fileExists(atPath: file.path))
        if TestSupport.executable != nil {
            let run = try TestSupport.run(["pdf", "--content", AudienceLeakTests.fixture, "--audience", "client", "--client", "aurora",
                                           "--today", "2025-06-01", "--output", file.path], environment: ["PATH": folder.path])
            #expect(run.status == 2)
            #expect(run.stderr.contains("headless Chromium"))
            #expect(!FileManager.default.fileExists(atPath: file.path))
        }
    }
}
