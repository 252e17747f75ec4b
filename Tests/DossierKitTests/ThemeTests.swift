import DossierKit
import Foundation
import Testing

/// The default theme, themes that change part of it, the interface languages, and the pages as a
/// browser lays them out.
@Suite("Theme")
struct ThemeTests {
    /// Builds `content` with the themes `default` (the repository's) and `custom` (the fixture).
    static func buildWithOverride(theme: String) throws -> [String: Data] {
        let folder = try TestSupport.temporaryFolder()
        let themes = folder.appendingPathComponent("Themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: TestSupport.themes + "/default", toPath: themes.appendingPathComponent("default").path)
        try FileManager.default.copyItem(atPath: TestSupport.fixture("theme-override") + "/custom", toPath: themes.appendingPathComponent("custom").path)
        var options = TestSupport.options(content: TestSupport.fixture("good"), output: folder.appendingPathComponent("Output").path)
        options.themesDirectory = themes.path
        options.theme = theme
        let report = try Pipeline().run(options, write: true)
        #expect(report.wrote, "\(report.diagnostics)")
        return try TestSupport.tree(folder.appendingPathComponent("Output"))
    }

    static func text(_ tree: [String: Data], _ path: String) -> String { String(decoding: tree[path] ?? Data(), as: UTF8.self) }

    @Test("a theme that changes one template keeps every other template, the CSS and the strings of the default")
    func override() throws {
        let tree = try Self.buildWithOverride(theme: "custom")
        let articles = tree.keys.filter { $0.hasPrefix("kb/") && $0.hasSuffix("/index.html") && $0 != "kb/index.html" }
        #expect(!articles.isEmpty)
        for path in articles {
            let html = Self.text(tree, path)
            #expect(html.contains("data-theme=\"custom\""), "\(path) uses the custom article template")
            #expect(html.contains("class=\"site-header\""), "\(path) keeps the default layout")
        }
        let permit = try #require(tree.keys.first { $0.hasPrefix("permits/") && $0 != "permits/index.html" })
        #expect(!Self.text(tree, permit).contains("data-theme=\"custom\""))
        #expect(Self.text(tree, permit).contains("class=\"facts\""), "permit pages keep the default template")
        // The theme's own file is added; the default CSS and script stay.
        #expect(tree["_theme/logo.svg"] != nil)
        #expect(tree["_theme/style.css"] == FileManager.default.contents(atPath: TestSupport.themes + "/default/assets/style.css"))
        #expect(tree["_theme/search.js"] != nil)
        // One string renamed, the others from the default's en.yml.
        let home = Self.text(tree, "index.html")
        #expect(home.contains(">Case library</a>"))
        #expect(home.contains(">Permits</a>"))

        let plain = try Self.buildWithOverride(theme: "default")
        #expect(!Self.text(plain, "index.html").contains("Case library"))
        #expect(plain["_theme/logo.svg"] == nil)
    }

    @Test("the interface language comes from site.yml: English strings and dates, Chinese strings and dates")
    func languages() throws {
        let english = try Self.buildWithOverride(theme: "default")
        let article = try #require(english.keys.sorted().first { $0.hasPrefix("kb/") && $0 != "kb/index.html" && $0.hasSuffix("index.html") })
        let html = Self.text(english, article)
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.range(of: #"<time datetime="\d{4}-\d{2}-\d{2}">(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}</time>"#,
                           options: .regularExpression) != nil)

        let sample = try SearchTests.buildSample()
        let chinese = try String(contentsOf: sample.appendingPathComponent("kb/supplement-period/index.html"), encoding: .utf8)
        #expect(chinese.contains("<html lang=\"zh-CN\">"))
        #expect(chinese.contains("<time datetime=\"2025-03-10\">2025年3月10日</time>"))
        #expect(chinese.contains(">知识库</a>"))
    }

    @Test("FAQ articles carry schema.org FAQPage JSON-LD with their questions and answers, and Open Graph tags")
    func faqSchema() throws {
        let sample = try SearchTests.buildSample()
        let html = try String(contentsOf: sample.appendingPathComponent("kb/supplement-period/index.html"), encoding: .utf8)
        let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        #expect(json["@type"] as? String == "FAQPage")
        let questions = try #require(json["mainEntity"] as? [[String: Any]])
        #expect(questions.map { $0["name"] as? String } == ["受理前的补正算不算？", "受理后要求补充材料，期限会暂停吗？", "算法备案被退回，期限怎么算？", "期限按日历日还是工作日？"])
        let answer = (questions.first?["acceptedAnswer"] as? [String: Any])?["text"] as? String
        #expect(answer?.hasPrefix("不算。《行政许可法》第三十二条") == true)
        #expect(html.contains("<meta property=\"og:type\" content=\"article\">"))
        #expect(html.contains("<meta property=\"og:title\" content=\"补正材料的时间算不算在审核期限里？\">"))
    }

    @Test("the theme's language files hold every key the templates use, in both languages")
    func languageFilesComplete() throws {
        let theme = try #require(Theme.load(name: "default", themesDirectory: TestSupport.themes, fileSystem: .local).theme)
        let zh = try #require(theme.strings["zh-CN"])
        let en = try #require(theme.strings["en"])
        #expect(Set(zh.keys) == Set(en.keys))
        let folder = TestSupport.themes + "/default/templates"
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            var rest = text[...]
            while let range = rest.range(of: "{{ui.") {
                let key = rest[range.upperBound...].prefix { $0 != "}" }
                #expect(zh[String(key)] != nil, "\(file) uses ui.\(key)")
                rest = rest[range.upperBound...]
            }
        }
    }

    // MARK: - In a browser

    /// Measures a built page in headless Chromium at `width` pixels: the page is copied with a
    /// script that writes the measurements into the DOM.
    static func measure(_ page: URL, width: Int) throws -> [String: Any] {
        let probe = page.deletingLastPathComponent().appendingPathComponent("layout-probe.html")
        var html = try String(contentsOf: page, encoding: .utf8)
        html = html.replacingOccurrences(of: "</body>", with: """
            <pre id="layout-probe"></pre><script>
            (function () {
              var main = document.querySelector("main"), h1 = document.querySelector("h1"), p = document.querySelector("main p");
              var header = document.querySelector(".site-header");
              document.getElementById("layout-probe").textContent = JSON.stringify({
                mainWidth: main.getBoundingClientRect().width, mainHeight: main.getBoundingClientRect().height,
                h1Size: parseFloat(getComputedStyle(h1).fontSize), bodySize: parseFloat(getComputedStyle(document.body).fontSize),
                lineHeight: parseFloat(getComputedStyle(p).lineHeight), headerDisplay: getComputedStyle(header).display,
                scrollWidth: document.documentElement.scrollWidth, viewport: window.innerWidth,
                font: getComputedStyle(document.body).fontFamily
              });
            })();
            </script></body>
            """)
        try html.write(to: probe, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: probe) }
        let dom = try SearchTests.dom(probe.absoluteString, extra: ["--window-size=\(width),900"])
        guard let start = dom.range(of: "<pre id=\"layout-probe\">"),
              let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex) else { throw TestError("no measurements") }
        let json = String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&amp;", with: "&")
        return try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
    }

    @Test("in headless Chromium an article is laid out: styled text in a readable column, no sideways scrolling on a phone",
          .enabled(if: SearchTests.chromium != nil, "needs chromium (.ci/run installs it)"))
    func layout() throws {
        let sample = try SearchTests.buildSample()
        let page = sample.appendingPathComponent("kb/supplement-period/index.html")
        let wide = try Self.measure(page, width: 1280)
        let mainWidth = try #require(wide["mainWidth"] as? Double)
        #expect(mainWidth > 600 && mainWidth <= 52 * 16 + 1, "a readable column, not the full window: \(wide)")
        #expect((wide["mainHeight"] as? Double ?? 0) > 1000, "the article's text takes up space: \(wide)")
        #expect((wide["h1Size"] as? Double ?? 0) > (wide["bodySize"] as? Double ?? 0) * 1.4, "headings are styled: \(wide)")
        #expect((wide["lineHeight"] as? Double ?? 0) >= (wide["bodySize"] as? Double ?? 0) * 1.6, "comfortable line height for Chinese: \(wide)")
        #expect(wide["headerDisplay"] as? String == "flex", "the stylesheet is applied: \(wide)")
        #expect((wide["font"] as? String ?? "").contains("PingFang SC"))

        let phone = try Self.measure(page, width: 390)
        #expect((phone["scrollWidth"] as? Double ?? 9999) <= (phone["viewport"] as? Double ?? 0), "no sideways scrolling on a phone: \(phone)")
        #expect((phone["viewport"] as? Double ?? 9999) < 600, "the window is phone-sized: \(phone)")
    }
}
