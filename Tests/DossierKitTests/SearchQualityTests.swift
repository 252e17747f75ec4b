import DossierKit
import Foundation
import Testing

/// Search relevance, filters and keyboard use, measured in headless Chromium on the sample site.
@Suite("Search quality")
struct SearchQualityTests {
    // MARK: - Query rules

    @Test("stop words (的 了 吗 是否 怎么) are dropped and cut the run where they stood")
    func stopWords() {
        #expect(SearchTokenizer.queryTerms("变更了股东") == ["变更", "股东"])
        #expect(SearchTokenizer.queryTerms("是否需要办理吗") == ["需要", "要办", "办理"])
        #expect(SearchTokenizer.queryTerms("怎么写的") == ["写"])
        // A query of stop words alone is kept as typed.
        #expect(SearchTokenizer.queryTerms("怎么") == ["怎么"])
    }

    @Test("numbers are looked up both ways: 15 and 十五, 二十 and 20; other numerals stay text")
    func numbers() {
        #expect(SearchQuery("十五天").parts.map { $0.map(\.phrase) } == [["15", "十五"], ["天"]])
        #expect(SearchTokenizer.queryTerms("14 天") == ["14", "十四", "天"])
        #expect(SearchTokenizer.queryTerms("二十个工作日") == ["20", "二十", "个工", "工作", "作日"])
        #expect(SearchQuery.chineseNumber(105) == "一百零五" && SearchQuery.chineseNumber(110) == "一百一十")
        #expect(SearchQuery("两百").parts.first?.first?.phrase == "200")
        // One digit, a lone numeral and a number without 十 or 百 are not converted.
        #expect(SearchTokenizer.queryTerms("三句话") == ["三句", "句话"])
        #expect(SearchTokenizer.queryTerms("5 年") == ["5", "年"])
        #expect(SearchTokenizer.queryTerms("一二") == ["一二"])
    }

    @Test("full-width letters and digits in a query find the half-width text")
    func fullWidth() {
        #expect(SearchTokenizer.queryTerms("ＩＣＰ备案 １５") == SearchTokenizer.queryTerms("icp备案 15"))
        #expect(SearchTokenizer.queryTerms("icp备案 15") == ["icp", "备案", "15", "十五"])
    }

    @Test("a page missing a term is a close match when it covers most of the query; pages with every term come first")
    func closeMatches() {
        let (postings, count) = SearchTests.index([
            SearchTests.document("a.html", title: "续办互联网新闻信息服务许可证", body: "续办需要证明许可条件。"),
            SearchTests.document("b.html", title: "新闻许可的变更", body: "变更手续。续办另见。"),
            SearchTests.document("c.html", title: "其他", body: "与此无关的说明。"),
            SearchTests.document("d.html", title: "无关", body: "只提到续办。"),
        ])
        let found = SearchRanking.candidates(SearchQuery("新闻许可 续办"), postings: { postings[$0] }, pageCount: count)
        // b holds every term; a lacks 闻许 but holds the rest, in its title; c holds nothing, d too little.
        #expect(found.map(\.page) == [1, 0])
        #expect(found.map(\.all) == [true, false])
        #expect((found.last?.coverage ?? 0) > 0.5 && (found.last?.coverage ?? 1) < 1)
    }

    // MARK: - In a browser

    /// Paraphrased questions on the sample site, as a user would type them, and the article that
    /// answers each (none repeats its title's wording).
    static let questions: [(query: String, expected: String)] = [
        ("新闻许可 续办", "续办互联网新闻信息服务许可证，需要重新证明许可条件吗？"),
        ("药品信息证书 审查时间", "互联网药品信息服务资格证书的审查要 14 天还是 20 天？"),
        ("变更了股东 人力资源许可", "人力资源服务许可证：企业股权转让后需要变更吗？"),
        ("贵州 拍卖证 办理价格", "在贵州办理拍卖经营许可证要花多少钱？不同办理方式价格差多少？"),
        ("算法备案 公司成立不满一年", "互联网算法备案对企业注册年限有要求吗？"),
        ("算法下线了 备案还要注销吗", "算法停用后，互联网算法备案需要注销吗？"),
        ("演出证 改了公司章程", "办理营业性演出许可证期间修改了章程，需要重新提交吗？"),
        ("网络出版 考试没过 再考一次", "网络出版许可证要求的职业资格考试没通过，可以补考吗？"),
        ("广电制作许可 换法人", "广播电视节目制作经营许可证变更法定代表人，需要提交新法人的无违规证明吗？"),
        ("登记表 手填行不行", "办理广播电视节目制作经营许可证，企业信息登记表可以手写吗？"),
        ("文物拍卖 档案保存几年", "文物拍卖许可证年检时，拍卖档案要保存多久？"),
        ("宗教信息服务 独立核算", "申请互联网宗教信息服务许可证，申请主体需要独立核算吗？"),
        ("手游 文网文 注册资本", "做手游运营，还需要办网络文化经营许可证吗？注册资金要超过 1000 万吗？"),
        ("北京 药品信息证书 寄丢了", "北京企业的互联网药品信息服务资格证书邮寄丢失，能补办吗？"),
        ("药品信息证书 编号怎么编", "互联网药品信息服务资格证书的编号有什么规则？"),
        ("信用修复以后 药品信息证书", "企业完成信用修复后，能申请互联网药品信息服务资格证书吗？"),
        ("特许经营 安排专人对接", "商业特许经营备案，为什么建议指定专人对接商务部门？"),
        ("特许经营备案 不服 复议", "地方商务部门对特许经营备案的处理结果，可以申请复议或起诉吗？"),
        ("大模型 监看人员配几个", "大模型备案中，用户管理与监看人员怎么配置？"),
        ("大模型备案 省里没过 重新提交", "大模型备案属地审核未通过，修改后重审要多久？"),
        ("人力资源许可 电子证照 效力", "人力资源服务许可证的电子证照，与纸质证具有同等效力吗？"),
        ("人力资源服务 违规 罚款", "开展人力资源服务违反监管规定，会面临哪些处罚？"),
        ("山西 人力资源许可证 材料清单", "在山西省办理人力资源服务许可证，需要准备哪些材料？"),
        ("等保三级 测评 升级 一起做", "等保三级系统的年度测评，能和系统升级同步进行吗？"),
        ("等保 2025 新规定", "等保备案 2025 年有监管新规吗？检查会更频繁吗？"),
        ("临时 新闻信息服务 许可", "临时开展新闻信息服务，也要申请互联网新闻许可证吗？"),
        ("网络出版 年检 地址没改", "网络出版许可证年检时，企业地址变更没有更新，会影响结果吗？怎么补救？"),
        ("网络出版 二十个工作日 补材料", "办网络出版许可证，“20 个工作日”包含补充材料的时间吗？"),
        ("出版物经营许可 续期 网上办", "出版物经营许可证续期，线上办理还是线下办理？"),
        ("可行性报告 要不要盖公章", "申请广播电视节目制作经营许可证，可行性报告需要盖章吗？"),
        ("文网文 换域名", "文网文网站更换域名，要办理哪些手续？"),
        ("未成年人 直播打赏 MCN", "MCN 机构持有营业性演出许可证后，未成年人参与直播打赏怎么合规处理？"),
        ("上海 网上书店 十五天拿证", "在上海开线上书店要办什么许可？“电商企业绿色通道 15 天拿证”可信吗？"),
        ("拍卖 数据多久备份一次", "办理拍卖经营许可证，对数据备份频率有要求吗？"),
        ("不办演出证 会进异常名录吗", "不办营业性演出许可证，企业会被列入经营异常名录吗？"),
        ("审计式邮件", "每轮修改后，怎么给审核方写“审计式”沟通邮件？"),
        ("补正的时间 计入 审核期限吗", "补正材料的时间算不算在审核期限里？"),
        ("分公司 要不要做算法备案", "算法备案主体判定：企业、个人、分公司是否需要办理？"),
    ]


    /// The site's address for the browser: `file:///...` without a final slash, or the server's.
    static func base(_ output: URL) -> String {
        let text = output.absoluteString
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    /// Runs `script` (which must call `done(value)`) in a page beside the built site's search
    /// page, with search.js loaded as the search page loads it, and returns `value` from JSON.
    static func evaluate(_ output: URL, base: String, name: String, body: String = "", script: String) throws -> Any? {
        let page = """
        <!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\(body)<pre id="out"></pre>
        <script src="../_theme/search.js" data-root="../"></script>
        <script>
        function done(value) { document.getElementById("out").textContent = JSON.stringify(value); }
        \(script)
        </script></body></html>
        """
        try page.write(to: output.appendingPathComponent("search/\(name).html"), atomically: true, encoding: .utf8)
        let dom = try SearchTests.dom(base + "/search/\(name).html")
        guard let start = dom.range(of: "<pre id=\"out\">"), let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex) else {
            return nil
        }
        let text = String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        return try? JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    /// For each question, the titles shown (exact results, then close matches), as search.js finds them.
    static func answers(_ output: URL, base: String) throws -> [[String]] {
        let queries = String(decoding: try JSONSerialization.data(withJSONObject: questions.map(\.query)), as: UTF8.self)
        let value = try evaluate(output, base: base, name: "quality", script: """
            var queries = \(queries), found = [];
            (function next(i) {
              if (i >= queries.length) return done(found);
              DossierSearch.find(queries[i]).then(function (s) {
                found.push(s.exact.map(function (p) { return p.t; }).concat(s.close.map(function (c) { return c.p.t; })));
                next(i + 1);
              }, function (e) { found.push(["error: " + e]); next(i + 1); });
            })(0);
            """)
        return value as? [[String]] ?? []
    }

    /// hit@1 and mean reciprocal rank of the answers.
    static func score(_ answers: [[String]]) -> (hits: Double, mrr: Double, misses: [String]) {
        var hits = 0.0, reciprocal = 0.0
        var misses: [String] = []
        for (question, titles) in zip(questions, answers) {
            let rank = (titles.firstIndex(of: question.expected) ?? -1) + 1
            if rank == 1 { hits += 1 } else { misses.append("\(question.query) → rank \(rank): \(titles.prefix(3))") }
            if rank > 0 { reciprocal += 1 / Double(rank) }
        }
        let count = Double(max(questions.count, 1))
        return (hits / count, reciprocal / count, misses)
    }

    @Test("at least 30 paraphrased questions: hit@1 ≥ 90% and MRR ≥ 0.95, from file:// and over HTTP",
          .enabled(if: SearchTests.chromium != nil, "needs chromium (.ci/run installs it)"))
    func paraphrasedQuestions() throws {
        #expect(Self.questions.count >= 30)
        let output = try SearchTests.buildSample()
        // Every expected title is a page of the site (a typo would make the figure meaningless).
        let pageFiles = try TestSupport.tree(output).filter { $0.key.hasPrefix("search/p/") }
            .map { String(decoding: SearchPacking.unpacked($0.value) ?? Data(), as: UTF8.self) }
        for question in Self.questions {
            #expect(pageFiles.contains { $0.contains(question.expected.replacingOccurrences(of: "\"", with: "\\\"")) },
                    "no page titled \(question.expected)")
        }
        let fromDisk = try Self.answers(output, base: Self.base(output))
        #expect(fromDisk.count == Self.questions.count)
        let disk = Self.score(fromDisk)
        #expect(disk.hits >= 0.9, "hit@1 \(disk.hits) from file://; misses: \(disk.misses)")
        #expect(disk.mrr >= 0.95, "MRR \(disk.mrr) from file://; misses: \(disk.misses)")
        guard let server = try TestSupport.serveHTTP(output) else {
            Issue.record("the test web server did not start")
            return
        }
        defer { server.stop() }
        let overHTTP = try Self.answers(output, base: "http://127.0.0.1:\(server.port)")
        #expect(overHTTP == fromDisk, "the same answers over HTTP as from disk")
        let http = Self.score(overHTTP)
        #expect(http.hits >= 0.9 && http.mrr >= 0.95, "hit@1 \(http.hits), MRR \(http.mrr) over HTTP; misses: \(http.misses)")
    }

    @Test("the browser reads queries and ranks candidates exactly as Swift does (stop words, numbers, close matches)",
          .enabled(if: SearchTests.chromium != nil, "needs chromium (.ci/run installs it)"))
    func rankingParity() throws {
        let output = try SearchTests.buildSample()
        let queries = Self.questions.map(\.query) + ["经营异常 算法备案", "补正 期限", "异常经营", "药品信息 十四天", "ＩＣＰ", "二十个工作日",
                                                     "是否 怎么", "网信算备 110108", "不存在的词语组合"]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: queries), as: UTF8.self)
        let value = try Self.evaluate(output, base: Self.base(output), name: "parity", script: """
            var queries = \(json), out = [];
            (function next(i) {
              if (i >= queries.length) return done(out);
              DossierSearch.search(queries[i]).then(function (found) {
                out.push({ terms: DossierSearch.queryTerms(queries[i]).terms,
                           parts: found.parts.map(function (p) { return p.map(function (a) { return a.phrase + "=" + a.terms.join("+"); }); }),
                           ranked: found.ranked.map(function (c) { return c.page + (c.all ? "*" : ""); }) });
                next(i + 1);
              });
            })(0);
            """) as? [[String: Any]] ?? []
        #expect(value.count == queries.count)
        // The index as Swift reads it.
        let tree = try TestSupport.tree(output)
        var postings: [String: [Int]] = [:]
        for (path, data) in tree where path.hasPrefix("search/t/") { postings.merge(SearchRanking.readShard(data)) { $1 } }
        let pageCount = tree.keys.filter { $0.hasPrefix("search/p/") }.count
        var closeSeen = false
        for (query, browser) in zip(queries, value) {
            let plan = SearchQuery(query)
            #expect(browser["terms"] as? [String] == plan.terms, "terms of \(query)")
            #expect(browser["parts"] as? [[String]] == plan.parts.map { $0.map { $0.phrase + "=" + $0.terms.joined(separator: "+") } },
                    "parts of \(query)")
            let ranked = SearchRanking.candidates(plan, postings: { postings[$0] }, pageCount: pageCount)
            #expect(browser["ranked"] as? [String] == ranked.map { "\($0.page)" + ($0.all ? "*" : "") }, "ranking of \(query)")
            closeSeen = closeSeen || ranked.contains { !$0.all }
        }
        #expect(closeSeen, "some query has close matches, so the comparison covers them")
    }

    @Test("the search page shows close matches under their own heading, and says so, when no page has every term",
          .enabled(if: SearchTests.chromium != nil, "needs chromium (.ci/run installs it)"))
    func closeMatchesOnThePage() throws {
        let output = try SearchTests.buildSample()
        let dom = try SearchTests.dom(output.appendingPathComponent("search/index.html").absoluteString + "?q=" + SearchTests.query("异常经营"))
        let exact = dom.components(separatedBy: "id=\"search-close-title\"").first ?? ""
        #expect(SearchTests.results(in: exact).isEmpty, "characters apart are not an exact match")
        let close = dom.components(separatedBy: "id=\"search-close\"").last ?? ""
        #expect(SearchTests.results(in: close).contains("企业有经营异常记录，还能申请算法备案吗？"))
        #expect(dom.contains("<h2 id=\"search-close-title\" class=\"search-close-title\">相近的结果</h2>"))
        #expect(dom.contains("没有页面包含“异常经营”的全部内容；下面是"))
        #expect(dom.contains("<mark>"))
        // A query nothing matches still says so.
        let none = try SearchTests.dom(output.appendingPathComponent("search/index.html").absoluteString + "?q=" + SearchTests.query("QQQZZZ"))
        #expect(none.contains("没有找到包含“QQQZZZ”的页面。"))
    }

    @Test("filters: kind, permit, region and status narrow a query or browse without one; the address keeps them",
          .enabled(if: SearchTests.chromium != nil, "needs chromium (.ci/run installs it)"))
    func filters() throws {
        let output = try SearchTests.buildSample()
        let facets = String(decoding: try Data(contentsOf: output.appendingPathComponent("search/facets.js")), as: UTF8.self)
        #expect(facets.hasPrefix("DossierSearch.facets({\"kind\":["))
        #expect(facets.contains("[\"filings\","))
        #expect(facets.contains("\"online-culture-license\",\"网络文化经营许可证\""))
        let page = output.appendingPathComponent("search/index.html").absoluteString
        // Browse: no query, only filings of one permit.
        let browse = try SearchTests.dom(page + "?q=&kind=filings&permit=online-culture-license")
        let titles = SearchTests.results(in: browse)
        #expect(Set(titles) == ["瀚海传媒 · 网络文化经营许可证申请", "青鸟文化 · 网络文化经营许可证申请",
                                "星云科技 · 网络文化经营许可证（2024 年取得，待延续）"], "\(titles)")
        #expect(browse.contains("<option value=\"filings\" selected=\"\">"), "the menu shows the filter of the address")
        // A query narrowed to articles: no permit page, no filing among the results.
        let query = try SearchTests.dom(page + "?q=" + SearchTests.query("文网文") + "&kind=kb")
        let narrowed = SearchTests.results(in: query)
        #expect(!narrowed.isEmpty)
        #expect(!narrowed.contains { $0.contains(" · ") || $0 == "网络文化经营许可证" }, "\(narrowed)")
        // Status: approved filings only.
        let approved = try SearchTests.dom(page + "?q=&status=approved")
        #expect(!SearchTests.results(in: approved).isEmpty)
        #expect(SearchTests.results(in: approved).allSatisfy { $0.contains(" · ") }, "only filings have a status")
    }

    @Test("keyboard: / focuses the search field unless one is typing, arrows move through the results and back",
          .enabled(if: SearchTests.chromium != nil, "needs chromium (.ci/run installs it)"))
    func keyboard() throws {
        let output = try SearchTests.buildSample()
        let body = """
            <section class="search-page"><input id="search-query" type="search"><textarea id="note"></textarea>
            <ol><li><a class="result-title" id="r1" href="#a">A</a></li><li><a class="result-title" id="r2" href="#b">B</a></li></ol></section>
            """
        let value = try Self.evaluate(output, base: Self.base(output), name: "keys", body: body, script: """
            function key(target, name) {
              target.dispatchEvent(new KeyboardEvent("keydown", { key: name, bubbles: true, cancelable: true }));
              return document.activeElement ? document.activeElement.id || document.activeElement.tagName : "";
            }
            var steps = [];
            document.getElementById("note").focus();
            steps.push(key(document.getElementById("note"), "/"));
            document.getElementById("note").blur();
            steps.push(key(document.body, "/"));
            steps.push(key(document.getElementById("search-query"), "ArrowDown"));
            steps.push(key(document.getElementById("r1"), "ArrowDown"));
            steps.push(key(document.getElementById("r2"), "ArrowDown"));
            steps.push(key(document.getElementById("r2"), "ArrowUp"));
            steps.push(key(document.getElementById("r1"), "ArrowUp"));
            setTimeout(function () { done(steps); }, 0);
            """)
        #expect(value as? [String] == ["note", "search-query", "r1", "r2", "r2", "r1", "search-query"])
        // The page announces the count in a polite live region.
        let page = String(decoding: try Data(contentsOf: output.appendingPathComponent("search/index.html")), as: UTF8.self)
        #expect(page.contains("<p id=\"search-status\" class=\"search-status\" role=\"status\" aria-live=\"polite\"></p>"))
    }

    @Test("a client brief's facet file names only the brief's own pages; the encrypted brief has none")
    func briefFacets() throws {
        let folder = try TestSupport.temporaryFolder()
        let output = folder.appendingPathComponent("Output")
        var options = TestSupport.options(content: TestSupport.fixture("audiences"), output: output.path)
        options.audience = .client("aurora")
        let report = try Pipeline().run(options, write: true)
        #expect(report.wrote, "\(report.diagnostics)")
        let tree = try TestSupport.tree(output)
        let facets = try #require(tree["search/facets.js"])
        #expect(LeakScan.leaks(["search/facets.js": facets], AudienceLeakTests.internalOnly) == [])
        let text = String(decoding: facets, as: UTF8.self)
        #expect(text.contains("\"kind\":[") && text.contains("\"filings\""), "the brief's own filing is a facet value")
        #expect(!text.contains("\"clients\""), "a brief has no client pages")
        options.passphrase = "correct horse battery staple"
        let encrypted = folder.appendingPathComponent("Encrypted")
        options.outputDirectory = encrypted.path
        #expect(try Pipeline().run(options, write: true).wrote)
        #expect(!(try TestSupport.tree(encrypted)).keys.contains { $0.hasPrefix("search/") })
    }
}
