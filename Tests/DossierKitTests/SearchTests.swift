import DossierKit
import Foundation
import Testing

/// Search: the tokenizer, ranking, the index files, and the search page in a real browser.
@Suite("Search")
struct SearchTests {
    static func terms(_ text: String) -> [String] { SearchTokenizer.tokens(text).map(\.text) }

    // MARK: - Tokenizer

    @Test("Chinese is cut into characters and overlapping pairs; a query uses the pairs")
    func chinese() {
        #expect(Self.terms("经营异常") == ["经", "经营", "营", "营异", "异", "异常", "常"])
        #expect(SearchTokenizer.queryTerms("经营异常") == ["经营", "营异", "异常"])
        #expect(SearchTokenizer.queryTerms("补正 期限") == ["补正", "期限"])
        // One character is looked up as itself.
        #expect(SearchTokenizer.queryTerms("补") == ["补"])
        // Punctuation and spaces break runs: no pair across them.
        #expect(!Self.terms("补正。期限").contains("正期"))
        #expect(!Self.terms("补正 期限").contains("正期"))
    }

    @Test("Latin words are lower-cased, codes kept whole and split into parts, full-width folded")
    func latin() {
        #expect(Self.terms("ICP Filing") == ["icp", "filing"])
        #expect(Self.terms("京ICP备2024-001号") == ["京", "icp", "备", "2024-001", "2024", "001", "号"])
        #expect(Self.terms("ＡＢＣ１２３") == ["abc123"])
        #expect(Self.terms("v1.2.") == ["v1.2", "v1", "2"])
        #expect(Self.terms("Ärger ΣΟΦΙΑ Москва") == ["ärger", "σοφια", "москва"])
        #expect(SearchTokenizer.queryTerms("GW-2024-0188") == ["gw-2024-0188"])
        #expect(Self.terms(String(repeating: "a", count: 65)).isEmpty)
    }

    // MARK: - Ranking

    static func index(_ documents: [SearchDocument]) -> (postings: [String: [Int]], count: Int) {
        var postings: [String: [Int]] = [:]
        for file in SearchIndex(documents: documents).files() where file.path.hasPrefix("search/t/") {
            postings.merge(SearchRanking.readShard(file.data)) { $1 }
        }
        return (postings, documents.count)
    }

    static func document(_ path: String, title: String, body: String) -> SearchDocument {
        SearchDocument(path: path, title: title, kind: "", permit: "", keywords: [],
                       sections: [.init(anchor: "", heading: "", text: body)])
    }

    @Test("posting lists round-trip: weight 1 as the difference alone, other weights after a negated difference")
    func postings() {
        #expect(SearchRanking.decode([3, -3, 10, 0, -1, 6]).map { [$0.page, $0.weight] } == [[3, 1], [5, 10], [5, 1], [5, 6]])
    }

    @Test("a title match ranks above body matches; a page without every term is not a result")
    func ranking() {
        let (postings, count) = Self.index([
            Self.document("a.html", title: "许可证办理指南", body: "补正期限一般为五个工作日。补正期限很重要。"),
            Self.document("b.html", title: "补正期限怎么算", body: "见正文。"),
            Self.document("c.html", title: "其他", body: "只提到补正。"),
            Self.document("d.html", title: "无关", body: "期限与补正分开写：期限。"),
        ])
        let ranked = SearchRanking.rank(terms: SearchTokenizer.queryTerms("补正期限"), postings: { postings[$0] }, pageCount: count)
        #expect(ranked.map(\.page) == [1, 0])
        let single = SearchRanking.rank(terms: SearchTokenizer.queryTerms("补正"), postings: { postings[$0] }, pageCount: count)
        #expect(Set(single.map(\.page)) == [0, 1, 2, 3])
        #expect(single.first?.page == 1)
    }

    @Test("sections are cut at h2/h3 ids, tags dropped, entities decoded")
    func sections() {
        let html = "<p>导语 &amp; 说明</p>\n<h2 id=\"q1\">第一问？</h2>\n<p>答<em>案</em>一</p><ul><li>甲</li><li>乙</li></ul>\n<h3 id=\"a&amp;b\">细节</h3><p>x &lt; y</p>"
        let sections = SearchDocument.sections(fromHTML: html)
        #expect(sections.map(\.anchor) == ["", "q1", "a&b"])
        #expect(sections.map(\.heading) == ["", "第一问？", "细节"])
        #expect(sections.map(\.text) == ["导语 & 说明", "答案一\n甲\n乙", "x < y"])
    }

    // MARK: - The sample site's index

    static func buildSample() throws -> URL {
        let folder = try TestSupport.temporaryFolder()
        let output = folder.appendingPathComponent("Output")
        let options = TestSupport.options(content: TestSupport.packageRoot.appendingPathComponent("Content").path,
                                          output: output.path, today: "2026-11-29")
        let report = try Pipeline().run(options, write: true)
        #expect(report.wrote, "\(report.diagnostics)")
        return output
    }

    @Test("the index has a page file per article, permit and filing, and the shard of a term lists its pages")
    func sampleIndex() throws {
        let output = try Self.buildSample()
        let tree = try TestSupport.tree(output)
        let pages = tree.filter { $0.key.hasPrefix("search/p/") }
        let indexed = tree.keys.filter {
            ($0.hasPrefix("kb/") || $0.hasPrefix("permits/") || $0.hasPrefix("filings/") || $0.hasPrefix("clients/"))
                && $0.hasSuffix("/index.html") && $0.split(separator: "/").count == 3
        }
        #expect(pages.count == indexed.count && !pages.isEmpty)
        let meta = String(decoding: tree["search/meta.js"] ?? Data(), as: UTF8.self)
        let shardCount = Int(meta.split(separator: "\"shards\":").last?.prefix { $0.isNumber } ?? "") ?? 0
        #expect(shardCount >= 1)
        let term = "经营"
        let shard = SearchRanking.readShard(tree["search/t/\(SearchIndex.hash(term) % UInt32(shardCount)).js"] ?? Data())
        let list = shard[term] ?? []
        #expect(!list.isEmpty)
        // Every page the term lists does hold it.
        for (page, _) in SearchRanking.decode(list) {
            let text = String(decoding: SearchPacking.unpacked(tree["search/p/\(page).js"] ?? Data()) ?? Data(), as: UTF8.self)
            #expect(text.contains(term), "page \(page) is listed for \(term)")
        }
        // The search page and the header box.
        let home = String(decoding: tree["index.html"] ?? Data(), as: UTF8.self)
        #expect(home.contains("action=\"search/index.html\""))
        #expect(tree["search/index.html"] != nil && tree["_theme/search.js"] != nil)
    }

    @Test("an encrypted brief has no search index (it would be plain text)")
    func noIndexWhenEncrypted() throws {
        let folder = try TestSupport.temporaryFolder()
        let output = folder.appendingPathComponent("Output")
        var options = TestSupport.options(content: TestSupport.fixture("audiences"), output: output.path)
        options.audience = .client("aurora")
        options.passphrase = "correct horse battery staple"
        let report = try Pipeline().run(options, write: true)
        #expect(report.wrote, "\(report.diagnostics)")
        let tree = try TestSupport.tree(output)
        #expect(!tree.keys.contains { $0.hasPrefix("search/") })
    }

    // MARK: - In a browser

    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The DOM of `url` after its scripts ran, from headless Chromium.
    static func dom(_ url: String, extra: [String] = []) throws -> String {
        guard let chromium else { throw TestError("no chromium") }
        let profile = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)",
                             "--virtual-time-budget=10000"] + extra + ["--dump-dom", url]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Titles of the results a search page shows, in order.
    static func results(in dom: String) -> [String] {
        dom.components(separatedBy: "class=\"result-title\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    static func query(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    /// Queries on the sample site and the page that must come first.
    static let expectations: [(query: String, first: String)] = [
        ("经营异常 算法备案", "企业有经营异常记录，还能申请算法备案吗？"),
        ("补正 期限", "补正材料的时间算不算在审核期限里？"),
        ("文网文 游戏", "做手游运营，还需要办网络文化经营许可证吗？注册资金要超过 1000 万吗？"),
        ("两店一年", "商业特许经营备案的核查重点是什么？"),
        ("药品信息 14 天", "互联网药品信息服务资格证书的审查要 14 天还是 20 天？"),
        ("三句话备忘", "给审核老师的\"三句话备忘\"怎么写？"),
    ]

    @Test("the browser cuts text into exactly the terms the build does",
          .enabled(if: chromium != nil, "needs chromium (.ci/run installs it)"))
    func tokenizerParity() throws {
        let samples = [
            "经营异常", "补正 期限", "文网文", "京ICP备2024-001号", "ＡＢＣ１２３ 全角　空格", "v1.2. a--b __x__",
            "Ärger ΣΟΦΙΑ Москва Ёж", "算法备案（网信算备110108000000000000001号）", "𠀀𠀁 ひらがな カタカナ 한국어",
            "emoji 😀 混合mixed文本text", "Œuvre ĲSSEL Łódź", "/path/to-file.md#锚点", String(repeating: "b", count: 70),
        ]
        let folder = try TestSupport.temporaryFolder()
        let script = TestSupport.packageRoot.appendingPathComponent("Themes/default/assets/search.js")
        try FileManager.default.copyItem(at: script, to: folder.appendingPathComponent("search.js"))
        let json = String(decoding: try JSONSerialization.data(withJSONObject: samples), as: UTF8.self)
        let page = """
        <!DOCTYPE html><html><head><meta charset="utf-8"></head><body><pre id="out"></pre>
        <script src="search.js"></script>
        <script>
        var samples = \(json);
        document.getElementById("out").textContent = JSON.stringify(samples.map(function (s) {
          return [DossierSearch.tokens(s).map(function (t) { return t[0] + "/" + t[1]; }), DossierSearch.queryTerms(s).terms,
                  DossierSearch.tokens(s).map(function (t) { return DossierSearch.hash(t[0]); })];
        }));
        </script></body></html>
        """
        try page.write(to: folder.appendingPathComponent("parity.html"), atomically: true, encoding: .utf8)
        let dom = try Self.dom(folder.appendingPathComponent("parity.html").absoluteString)
        guard let start = dom.range(of: "<pre id=\"out\">"), let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex) else {
            Issue.record("no output in \(dom.prefix(500))")
            return
        }
        let text = String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&amp;", with: "&")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        let browser = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[Any]] ?? []
        #expect(browser.count == samples.count)
        for (sample, result) in zip(samples, browser) {
            let swiftTokens = SearchTokenizer.tokens(sample).map { token -> String in
                let kind: String
                switch token.kind {
                case .unigram: kind = "unigram"
                case .bigram: kind = "bigram"
                case .word: kind = "word"
                case .part: kind = "part"
                }
                return token.text + "/" + kind
            }
            #expect(result.count == 3)
            #expect((result.first as? [String]) == swiftTokens, "tokens of \(sample)")
            #expect((result.dropFirst().first as? [String]) == SearchTokenizer.queryTerms(sample), "query terms of \(sample)")
            let hashes = (result.last as? [NSNumber])?.map { $0.uint32Value }
            #expect(hashes == SearchTokenizer.tokens(sample).map { SearchIndex.hash($0.text) }, "hashes of \(sample)")
        }
    }

    @Test("searching the sample site from disk (file://) puts the expected page first, with a highlighted snippet",
          .enabled(if: chromium != nil, "needs chromium (.ci/run installs it)"))
    func fromDisk() throws {
        let output = try Self.buildSample()
        for (query, first) in Self.expectations {
            let dom = try Self.dom(output.appendingPathComponent("search/index.html").absoluteString + "?q=" + Self.query(query))
            let titles = Self.results(in: dom)
            #expect(titles.first == first, "\(query): \(titles)")
            #expect(dom.contains("<mark>"), "\(query): no highlighted snippet")
        }
        // Characters that do not stand together are not an exact match (at most a close one, below).
        let apart = try Self.dom(output.appendingPathComponent("search/index.html").absoluteString + "?q=" + Self.query("异常经营"))
        #expect(Self.results(in: apart.components(separatedBy: "id=\"search-close-title\"").first ?? "").isEmpty)
    }

    @Test("searching over HTTP gives the same first results, and a result links to the heading where the match is",
          .enabled(if: chromium != nil, "needs chromium (.ci/run installs it)"))
    func overHTTP() throws {
        let output = try Self.buildSample()
        guard let (port, stop) = try TestSupport.serveHTTP(output) else {
            Issue.record("the test web server did not start")
            return
        }
        defer { stop() }
        for (query, first) in Self.expectations {
            let dom = try Self.dom("http://127.0.0.1:\(port)/search/index.html?q=" + Self.query(query))
            #expect(Self.results(in: dom).first == first, "\(query): \(Self.results(in: dom))")
        }
        let dom = try Self.dom("http://127.0.0.1:\(port)/search/index.html?q=" + Self.query("经营异常 算法备案"))
        #expect(dom.contains("index.html#%E7%BB%8F%E8%90%A5%E5%BC%82%E5%B8%B8"), "the result links to the matching question")
    }
}
