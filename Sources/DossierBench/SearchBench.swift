import DossierKit
import Foundation

/// `dossier-bench search --site DIR [--questions statutes] [--pagefind]`: measures the search of a
/// built site in headless Chromium, over HTTP (a local `python3 -m http.server`):
///
/// - the index's size against the HTML's, and its largest shard;
/// - for each query, the bytes the browser loads (Resource Timing: search.js, meta, shards, facet
///   and page files) and, for questions with an expected page, hit@1 and mean reciprocal rank;
/// - with `--pagefind`, the same for Pagefind over the same pages (`python3 -m pagefind_bin_extended --site
///   DIR` is run first unless `DIR/pagefind` exists; `pip install pagefind-bin-extended`).
enum SearchBench {
    /// A question and the pages that answer it (any of them counts: some laws have two versions).
    struct Question {
        var query: String
        var answers: [String]
    }

    /// Twenty questions a consultant asks of the statutes corpus (`.bench/statutes`, from
    /// LawRefBook/Laws), worded as a user would, not as the laws' titles are.
    static let statutes: [Question] = [
        Question(query: "个人信息 向境外提供", answers: ["law-02633"]),
        Question(query: "关键信息基础设施 数据 境内存储", answers: ["law-02731"]),
        Question(query: "数据分类分级 重要数据目录", answers: ["law-02690"]),
        Question(query: "电商平台经营者 公示营业执照", answers: ["law-02506"]),
        Question(query: "广告 不得使用 国家级 最佳", answers: ["law-02579", "law-02683"]),
        Question(query: "商业贿赂 经营者 不得", answers: ["law-02565"]),
        Question(query: "七日无理由退货", answers: ["law-02504"]),
        Question(query: "行政许可 听证 利害关系人", answers: ["law-02738"]),
        Question(query: "试用期最长多久 劳动合同", answers: ["law-02516"]),
        Question(query: "特许人 两家直营店 一年 备案", answers: ["law-02935"]),
        Question(query: "拍卖师 资格 拍卖企业设立", answers: ["law-02501"]),
        Question(query: "演出经纪机构 设立 审批", answers: ["law-03334"]),
        Question(query: "经营性互联网信息服务 许可 非经营性 备案", answers: ["law-02792"]),
        Question(query: "出版单位 设立条件 主管机关", answers: ["law-02896"]),
        Question(query: "经营第二类医疗器械 备案", answers: ["law-02908"]),
        Question(query: "广播电视节目制作经营单位 审批", answers: ["law-03100"]),
        Question(query: "行政处罚 听证 较大数额罚款", answers: ["law-02736"]),
        Question(query: "行政复议 申请期限 六十日", answers: ["law-03444", "law-03445"]),
        Question(query: "增值电信业务 经营许可证", answers: ["law-03273"]),
        Question(query: "垄断协议 经营者集中 申报", answers: ["law-02566", "law-02567"]),
    ]

    /// Two-term queries for sites without questions (the synthetic corpus).
    static let plainQueries = ["补正 期限", "审核 材料", "沟通备忘"]

    static func run(_ arguments: [String]) throws {
        func option(_ name: String) -> String? {
            guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
            return arguments[index + 1]
        }
        guard let site = option("--site") else {
            print("usage: dossier-bench search --site DIR [--questions statutes] [--pagefind]"); exit(2)
        }
        let root = URL(fileURLWithPath: site).standardizedFileURL
        let questions = option("--questions") == "statutes" ? statutes : plainQueries.map { Question(query: $0, answers: []) }
        sizes(root)
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("no chromium: the per-query figures need it (apt-get install chromium)"); return
        }
        try writeHarnesses(root)
        guard let server = try serve(root) else { print("the local web server did not start"); return }
        defer { server.stop() }
        var engines = ["dossier"]
        if arguments.contains("--pagefind") {
            if !FileManager.default.fileExists(atPath: root.appendingPathComponent("pagefind/pagefind.js").path) {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = ["python3", "-m", "pagefind_bin_extended", "--site", root.path]
                process.standardOutput = FileHandle.nullDevice
                try process.run()
                process.waitUntilExit()
            }
            if FileManager.default.fileExists(atPath: root.appendingPathComponent("pagefind/pagefind.js").path) {
                engines.append("pagefind")
                let pagefind = folderBytes(root.appendingPathComponent("pagefind"))
                print(String(format: "pagefind index %.1f MB = %.1f%% of the HTML", Double(pagefind) / 1e6,
                             100 * Double(pagefind) / Double(max(htmlBytes(root), 1))))
            } else {
                print("pagefind did not build an index (pip install pagefind-bin-extended)")
            }
        }
        for engine in engines {
            var hits = 0, reciprocal = 0.0, loaded: [Int] = []
            for question in questions {
                let address = "http://127.0.0.1:\(server.port)/bench-\(engine).html#" + (question.query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
                let result = measure(chromium, address)
                loaded.append(result.bytes)
                let rank = (result.urls.firstIndex { url in question.answers.contains { url.contains($0) } } ?? -1) + 1
                if rank == 1 { hits += 1 }
                if rank > 0 { reciprocal += 1 / Double(rank) }
                print(String(format: "%-9@ %-36@ rank %2d  loads %4.0f KB  %d results", engine as NSString, question.query as NSString,
                             rank, Double(result.bytes) / 1e3, result.urls.count))
            }
            let sorted = loaded.sorted()
            let median = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
            if questions.contains(where: { !$0.answers.isEmpty }) {
                print(String(format: "%-9@ hit@1 %d/%d  MRR %.2f  median %.0f KB loaded a query, largest %.0f KB", engine as NSString,
                             hits, questions.count, reciprocal / Double(questions.count), Double(median) / 1e3, Double(sorted.last ?? 0) / 1e3))
            } else {
                print(String(format: "%-9@ median %.0f KB loaded a query, largest %.0f KB", engine as NSString,
                             Double(median) / 1e3, Double(sorted.last ?? 0) / 1e3))
            }
        }
    }

    static func fileBytes(_ url: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    static func folderBytes(_ folder: URL) -> Int {
        ((try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []).reduce(0) { $0 + fileBytes(folder.appendingPathComponent($1)) }
    }

    /// The site's HTML pages, not counting the bench's own pages.
    static func htmlBytes(_ root: URL) -> Int {
        ((try? FileManager.default.subpathsOfDirectory(atPath: root.path)) ?? [])
            .filter { $0.hasSuffix(".html") && !$0.hasPrefix("search/") && !$0.hasPrefix("bench-") && !$0.hasPrefix("pagefind/") }
            .reduce(0) { $0 + fileBytes(root.appendingPathComponent($1)) }
    }

    static func sizes(_ root: URL) {
        let search = root.appendingPathComponent("search")
        let files = (try? FileManager.default.subpathsOfDirectory(atPath: search.path)) ?? []
        let index = files.filter { $0.hasSuffix(".js") }.reduce(0) { $0 + fileBytes(search.appendingPathComponent($1)) }
        let largest = files.filter { $0.hasPrefix("t/") }.map { fileBytes(search.appendingPathComponent($0)) }.max() ?? 0
        let pages = files.filter { $0.hasPrefix("p/") }.reduce(0) { $0 + fileBytes(search.appendingPathComponent($1)) }
        let html = htmlBytes(root)
        print(String(format: "dossier  index %.1f MB = %.1f%% of %.1f MB HTML (page files %.1f MB); largest shard %.0f KB",
                     Double(index) / 1e6, 100 * Double(index) / Double(max(html, 1)), Double(html) / 1e6, Double(pages) / 1e6,
                     Double(largest) / 1e3))
    }

    /// The pages the browser runs a query in (the query is the address's fragment): they print the
    /// addresses of the first ten results and the bytes of every file fetched for them.
    static func writeHarnesses(_ root: URL) throws {
        let report = """
            function report(urls) {
              var bytes = performance.getEntriesByType("resource").reduce(function (sum, e) { return sum + (e.encodedBodySize || 0); }, 0);
              document.getElementById("out").textContent = JSON.stringify({ urls: urls, bytes: bytes });
            }
            var query = decodeURIComponent(location.hash.slice(1));
            """
        let dossier = """
            <!DOCTYPE html><html><head><meta charset="utf-8"></head><body><pre id="out"></pre>
            <script src="_theme/search.js" data-root=""></script>
            <script>\(report)
            DossierSearch.find(query).then(function (s) {
              report(s.exact.map(function (p) { return p.u; }).concat(s.close.map(function (c) { return c.p.u; })).slice(0, 10));
            }, function () { report([]); });
            </script></body></html>
            """
        let pagefind = """
            <!DOCTYPE html><html><head><meta charset="utf-8"></head><body><pre id="out"></pre>
            <script type="module">\(report)
            const pagefind = await import("./pagefind/pagefind.js");
            await pagefind.init();
            const search = await pagefind.search(query);
            const data = await Promise.all(search.results.slice(0, 10).map(r => r.data()));
            report(data.map(d => d.url));
            </script></body></html>
            """
        try dossier.write(to: root.appendingPathComponent("bench-dossier.html"), atomically: true, encoding: .utf8)
        try pagefind.write(to: root.appendingPathComponent("bench-pagefind.html"), atomically: true, encoding: .utf8)
    }

    static func measure(_ chromium: String, _ address: String) -> (urls: [String], bytes: Int) {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("bench-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)",
                             "--virtual-time-budget=20000", "--dump-dom", address]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return ([], 0) }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let dom = String(decoding: data, as: UTF8.self)
        guard let start = dom.range(of: "<pre id=\"out\">"), let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex) else {
            return ([], 0)
        }
        let text = String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&amp;", with: "&")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return ([], 0) }
        return (object["urls"] as? [String] ?? [], (object["bytes"] as? NSNumber)?.intValue ?? 0)
    }

    static func serve(_ folder: URL) throws -> (port: Int, stop: () -> Void)? {
        let portFile = FileManager.default.temporaryDirectory.appendingPathComponent("bench-port-\(UUID().uuidString)")
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-c", """
            import functools, http.server, sys
            class Quiet(http.server.SimpleHTTPRequestHandler):
                def log_message(self, *args): pass
            Quiet.extensions_map[".wasm"] = "application/wasm"
            handler = functools.partial(Quiet, directory=sys.argv[1])
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
            open(sys.argv[2], "w").write(str(server.server_address[1]))
            server.serve_forever()
            """, folder.path, portFile.path]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        let stop = { kill(server.processIdentifier, SIGKILL); server.waitUntilExit() }
        for _ in 0..<100 {
            if let port = (try? String(contentsOf: portFile, encoding: .utf8)).flatMap({ Int($0) }) { return (port, stop) }
            Thread.sleep(forTimeInterval: 0.1)
        }
        stop()
        return nil
    }
}
