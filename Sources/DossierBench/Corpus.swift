import Foundation

/// A deterministic synthetic site, written twice: as a Dossier `Content/` and as an equivalent
/// Hugo site (article pages with a table of contents and related articles, filing pages looping
/// over their timelines, a list page per permit, tag, region and client).
struct Corpus {
    var pages: Int
    var articles: Int { pages * 6 / 10 }
    var filings: Int { pages - articles }
    let permits = 15
    var clients: Int { max(10, pages / 50) }

    /// A small linear congruential generator: the same corpus on every machine.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }
    }

    static let topics = ["审核期限", "补正材料", "主体资格", "办理费用", "办理流程", "变更登记", "年检续期", "行政处罚", "属地要求", "材料清单",
                         "类型判断", "沟通技巧"]
    static let regions = ["national", "beijing", "shanghai", "guangdong", "zhejiang", "jiangsu", "sichuan", "hubei"]
    static let sentences = [
        "审核方会逐项核对申请材料与营业执照信息是否一致，任何一处不一致都可能导致退回。",
        "按照《行政许可法》第四十二条，行政机关应当自受理之日起二十日内作出决定。",
        "补正期间是否计入审核期限，取决于具体行业规定和当地办事指南的写法。",
        "建议在提交时附一份简明沟通备忘，用三句话讲清目的、逻辑和风险控制。",
        "每轮修改后发送结构化邮件：修改点、依据条款和关联材料页码。",
        "跨省经营的主体需要同时关注注册地和经营地两地主管部门的要求。",
        "如果申请人对审核意见有疑问，可以预约沟通窗口当面确认。",
    ]

    func write(to root: URL) throws {
        let dossier = root.appendingPathComponent("dossier/Content")
        let hugo = root.appendingPathComponent("hugo")
        let fm = FileManager.default
        try? fm.removeItem(at: root)
        for folder in ["permits", "clients", "kb", "filings", "calendar"] {
            try fm.createDirectory(at: dossier.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for folder in ["content/kb", "content/filings", "layouts/_default", "layouts/kb", "layouts/filings", "layouts/partials"] {
            try fm.createDirectory(at: hugo.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        func save(_ text: String, _ url: URL) throws { try Data(text.utf8).write(to: url) }
        try save("title: 基准站点\nlanguage: zh-CN\n", dossier.appendingPathComponent("site.yml"))
        try save("holidays: [2025-01-01, 2025-10-01, 2025-10-02, 2025-10-03]\nworkdays: [2025-09-28]\n",
                 dossier.appendingPathComponent("calendar/2025.yml"))
        for index in 0..<permits {
            try save("---\nname: 许可类型\(index)\nreview_days: 20\norder: \(index)\n---\n许可说明。\n", dossier.appendingPathComponent("permits/p\(index).md"))
        }
        for index in 0..<clients {
            try save("---\nname: 客户\(index)有限公司\n---\n内部备注。\n", dossier.appendingPathComponent("clients/c\(index).md"))
        }
        var random = Random(state: 20251129)
        for index in 0..<articles {
            let permit = "p\(random.next(permits))"
            let second = "p\(random.next(permits))"
            let tags = Set((0..<3).map { _ in Corpus.topics[random.next(Corpus.topics.count)] }).sorted()
            let region = Corpus.regions[random.next(Corpus.regions.count)]
            let date = String(format: "2025-%02d-%02d", 1 + random.next(12), 1 + random.next(28))
            var body = ""
            for question in 0..<5 {
                body += "## 问题\(question + 1)：第\(index)篇文章的第\(question + 1)个问题怎么处理？\n\n"
                for _ in 0..<4 { body += Corpus.sentences[random.next(Corpus.sentences.count)] }
                body += "\n\n- 要点一：\(Corpus.sentences[random.next(Corpus.sentences.count)])\n- 要点二：参见 [[a\(random.next(articles))]]。\n\n"
            }
            let permitsList = Set([permit, second]).sorted()
            try save("---\ntitle: 第\(index)篇：\(tags[0])常见问题\npermits: [\(permitsList.joined(separator: ", "))]\ndate: \(date)\ntags: [\(tags.joined(separator: ", "))]\nregion: \(region)\nsummary: 关于\(tags[0])的问答。\nsources: [{title: 中华人民共和国行政许可法, article: 第四十二条}]\n---\n\n\(body)",
                     dossier.appendingPathComponent("kb/a\(index).md"))
            let hugoBody = body.replacingOccurrences(of: #"\[\[a([0-9]+)\]\]"#, with: "[相关文章]({{< ref \"/kb/a$1.md\" >}})", options: .regularExpression)
            try save("---\ntitle: \"第\(index)篇：\(tags[0])常见问题\"\npermits: [\(permitsList.map { "\"\($0)\"" }.joined(separator: ", "))]\ndate: \(date)\ntags: [\(tags.map { "\"\($0)\"" }.joined(separator: ", "))]\nregions: [\"\(region)\"]\nsummary: \"关于\(tags[0])的问答。\"\n---\n\n\(hugoBody)",
                     hugo.appendingPathComponent("content/kb/a\(index).md"))
        }
        let types = ["email", "call", "question", "reply", "meeting", "note"]
        for index in 0..<filings {
            let client = "c\(random.next(clients))"
            let permit = "p\(random.next(permits))"
            let count = 10 + random.next(41)
            var timeline = ""
            var hugoTimeline = ""
            var day = 1
            for entry in 0..<count {
                let type = entry == 0 ? "submitted" : entry == 1 ? "accepted" : types[random.next(types.count)]
                day += 1 + random.next(3)
                let date = String(format: "2025-%02d-%02d", 1 + min(11, day / 28), 1 + day % 28)
                let summary = Corpus.sentences[random.next(Corpus.sentences.count)]
                timeline += "  - date: \(date)\n    type: \(type)\n    from: \(entry % 2 == 0 ? "us" : "authority")\n    channel: email\n    summary: \(summary)\n    changes: [修改点\(entry)]\n    clauses: [《行政许可法》第四十二条]\n    pages: [\"第\(entry)页\"]\n"
                hugoTimeline += "  - date: \"\(date)\"\n    type: \(type)\n    summary: \"\(summary)\"\n    changes: [\"修改点\(entry)\"]\n    clauses: [\"《行政许可法》第四十二条\"]\n    pages: [\"第\(entry)页\"]\n"
            }
            let memo = "memo:\n  purpose: 说明目的。\n  logic: 说明逻辑。\n  risk: 说明风险控制。\n"
            try save("---\ntitle: 案卷\(index)\nclient: \(client)\npermit: \(permit)\nstatus: under_review\nopened: 2025-01-01\n\(memo)timeline:\n\(timeline)---\n\n案卷说明。\n",
                     dossier.appendingPathComponent("filings/f\(index).md"))
            try save("---\ntitle: \"案卷\(index)\"\nclients: [\"\(client)\"]\npermits: [\"\(permit)\"]\ndate: 2025-01-01\n\(memo)timeline:\n\(hugoTimeline)---\n\n案卷说明。\n",
                     hugo.appendingPathComponent("content/filings/f\(index).md"))
        }
        try writeHugoTheme(hugo)
    }

    func writeHugoTheme(_ hugo: URL) throws {
        func save(_ text: String, _ path: String) throws { try Data(text.utf8).write(to: hugo.appendingPathComponent(path)) }
        try save("""
            baseURL = "https://bench.example/"
            languageCode = "zh-CN"
            title = "基准站点"
            disableKinds = ["RSS"]
            [taxonomies]
              permit = "permits"
              tag = "tags"
              region = "regions"
              client = "clients"
            [related]
              includeNewer = true
              threshold = 1
              toLower = false
              [[related.indices]]
                name = "permits"
                weight = 100
              [[related.indices]]
                name = "tags"
                weight = 80
            [markup.tableOfContents]
              startLevel = 2
              endLevel = 3

            """, "hugo.toml")
        try save("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><nav><a href=\"/\">首页</a></nav><main>{{ block \"main\" . }}{{ end }}</main></body></html>\n",
                 "layouts/_default/baseof.html")
        try save("{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n",
                 "layouts/_default/list.html")
        try save("{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n", "layouts/_default/single.html")
        try save("""
            {{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Summary }}</p>
            <p>{{ range .Params.permits }}<a href="/permits/{{ . | urlize }}/">{{ . }}</a> {{ end }}{{ range .Params.tags }}<a href="/tags/{{ . | urlize }}/">#{{ . }}</a> {{ end }}</p>
            <nav>{{ .TableOfContents }}</nav>{{ .Content }}
            {{ if eq (printf "%v" .Site.Params.related) "true" }}{{ with .Site.RegularPages.Related . | first 5 }}<h2>相关文章</h2><ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}{{ end }}
            </article>{{ end }}

            """, "layouts/kb/single.html")
        try save("""
            {{ define "main" }}<article><h1>{{ .Title }}</h1><dl><dt>目的</dt><dd>{{ .Params.memo.purpose }}</dd><dt>逻辑</dt><dd>{{ .Params.memo.logic }}</dd><dt>风险控制</dt><dd>{{ .Params.memo.risk }}</dd></dl>
            {{ .Content }}<ol>{{ range .Params.timeline }}<li><time>{{ .date }}</time> {{ .type }}: {{ .summary }}<ul>{{ range .changes }}<li>{{ . }}</li>{{ end }}{{ range .clauses }}<li>{{ . }}</li>{{ end }}{{ range .pages }}<li>{{ . }}</li>{{ end }}</ul></li>{{ end }}</ol></article>{{ end }}

            """, "layouts/filings/single.html")
    }
}
