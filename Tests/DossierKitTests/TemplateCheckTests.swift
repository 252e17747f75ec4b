@testable import DossierKit
import Foundation
import Testing

/// Small views to check templates against.
private struct LinkTestView: TemplateView {
    var name = ""
    var href = ""
    static let fields = ViewFields<LinkTestView>("link", [
        .text("name") { $0.name },
        .text("href") { $0.href },
    ])
}

private struct ClockTestView: TemplateView {
    var state = ""
    var overdue = false
    var days = 0
    static let fields = ViewFields<ClockTestView>("clock", [
        .text("state") { $0.state },
        .flag("overdue") { $0.overdue },
        .number("days") { $0.days },
    ])
}

private struct PageTestView: TemplateView {
    var title = ""
    var summary: String?
    var isInternal = false
    var count = 0
    var tags: [String] = []
    var clock: ClockTestView?
    var related: [LinkTestView] = []
    static let fields = ViewFields<PageTestView>("test page", [
        .text("title") { $0.title },
        .text("summary") { $0.summary },
        .flag("internal") { $0.isInternal },
        .number("count") { $0.count },
        .texts("tags") { $0.tags },
        .view("clock") { $0.clock },
        .views("related") { $0.related },
        .strings("ui") { _ in .object([:]) },
    ])
}

/// A theme's templates are checked against their views when the theme loads: a name a view does
/// not have is an error at the tag's line and column, not a blank on a page.
@Suite("Template check")
struct TemplateCheckTests {
    static let strings = ["en": ["home": "Home", "only": "Only in English"], "zh-CN": ["home": "首页"]]

    /// The errors for the root `page` (rendered with `PageTestView`), as `dossier check` writes them.
    static func errors(_ templates: [String: String], strings: [String: [String: String]] = strings) throws -> [String] {
        var library = TemplateLibrary()
        for (name, text) in templates { try library.register(text, named: name) }
        let paths = Dictionary(uniqueKeysWithValues: templates.keys.map { ($0, "T/\($0).mustache") })
        return TemplateCheck(library: library, paths: paths, strings: strings)
            .check(roots: ["page": PageTestView.shape]).map(\.description)
    }

    /// Expects exactly `expected` (showing what was reported when it differs).
    static func expect(_ templates: [String: String], _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let found = try errors(templates)
        #expect(found == expected, sourceLocation: sourceLocation)
    }

    @Test("names found in the view, climbing out of sections, through dots and in the language files, are fine")
    func clean() throws {
        let page = """
            <h1>{{title}}</h1>{{#summary}}<p>{{.}} {{title}}</p>{{/summary}}
            {{#related}}<a href="{{href}}">{{name}}</a> of {{title}} ({{count}}){{/related}}
            {{^related}}{{ui.home}}{{/related}}
            {{#tags}}{{.}} {{title}}{{/tags}}
            {{#clock}}{{state}} {{days}} {{#overdue}}{{title}}{{/overdue}}{{/clock}}{{clock.state}}
            {{#internal}}{{.title}}{{/internal}}{{^summary}}{{.count}}{{/summary}}
            {{! a comment: {{titel}} }}{{{title}}}{{&title}}{{internal}}
            """
        try Self.expect(["page": page], [])
    }

    @Test("a name the view does not have is an error at its tag, with a did-you-mean")
    func unknownName() throws {
        try Self.expect(["page": "<h1>{{titel}}</h1>"],
            ["T/page.mustache:1:5: error: 'titel' is not in the test page's view (did you mean 'title'?)"])
        try Self.expect(["page": "标题\n  {{{ttle}}} {{#internl}}x{{/internl}}\n{{^summry}}{{/summry}}"], [
            "T/page.mustache:2:3: error: 'ttle' is not in the test page's view (did you mean 'title'?)",
            "T/page.mustache:2:14: error: 'internl' is not in the test page's view (did you mean 'internal'?)",
            "T/page.mustache:3:1: error: 'summry' is not in the test page's view (did you mean 'summary'?)",
        ])
        try Self.expect(["page": "标题{{nothing}}"], ["T/page.mustache:1:3: error: 'nothing' is not in the test page's view"])
    }

    @Test("inside a section a name is looked for in every view on the stack, innermost first; '.a' only in the innermost")
    func climbing() throws {
        try Self.expect(["page": "{{#related}}{{nme}}{{/related}}"],
            ["T/page.mustache:1:13: error: 'nme' is not in the link's view nor the test page's view (did you mean 'name'?)"])
        try Self.expect(["page": "{{#related}}{{.title}}{{/related}}"],
            ["T/page.mustache:1:13: error: '.title' is not in the link's view"])
        try Self.expect(["page": "{{#summary}}{{.title}}{{/summary}}"],
            ["T/page.mustache:1:13: error: '.title' is not found here: the current value is a text, which has no fields"])
        // A section over a name already reported hides nothing else and reports nothing twice.
        try Self.expect(["page": "{{#relatd}}{{name}}{{/relatd}}"],
            ["T/page.mustache:1:1: error: 'relatd' is not in the test page's view (did you mean 'related'?)"])
    }

    @Test("a dotted name descends only through views")
    func dotted() throws {
        try Self.expect(["page": "{{clock.staet}}"],
            ["T/page.mustache:1:1: error: 'clock.staet': 'staet' is not in the clock's view (did you mean 'state'?)"])
        try Self.expect(["page": "{{title.text}}"],
            ["T/page.mustache:1:1: error: 'title.text': 'title' is a text, which has no fields"])
        try Self.expect(["page": "{{#related.name}}{{/related.name}}"], [
            "T/page.mustache:1:1: error: 'related.name': 'related' is a list of views (link), which has no fields; "
                + "use a section ({{#related}}...{{/related}}) to reach each item's fields",
        ])
        try Self.expect(["page": "{{clok.state}}"],
            ["T/page.mustache:1:1: error: 'clok.state': 'clok' is not in the test page's view (did you mean 'clock'?)"])
    }

    @Test("a variable that names a list, a view or the strings table writes nothing, and is an error")
    func writesNothing() throws {
        try Self.expect(["page": "{{related}}\n{{clock}}\n{{tags}}\n{{ui}}"], [
            "T/page.mustache:1:1: error: 'related' is a list of views (link) and writes nothing; "
                + "use a section ({{#related}}...{{/related}}) to reach each item's fields",
            "T/page.mustache:2:1: error: 'clock' is the clock's view and writes nothing; write one of its fields ({{clock.field}}) "
                + "or open a section ({{#clock}}...{{/clock}})",
            "T/page.mustache:3:1: error: 'tags' is a list of texts and writes nothing; use a section ({{#tags}}{{.}}{{/tags}}) to write each item",
            "T/page.mustache:4:1: error: 'ui' is the table of interface strings and writes nothing; write one of its keys ({{ui.key}})",
        ])
    }

    @Test("ui keys must be in every language file of the theme")
    func interfaceStrings() throws {
        try Self.expect(["page": "{{ui.hom}}\n{{#related}}{{ui.only}}{{/related}}"], [
            "T/page.mustache:1:1: error: 'ui.hom' is not in the theme's language files i18n/en.yml, i18n/zh-CN.yml (did you mean 'ui.home'?)",
            "T/page.mustache:2:13: error: 'ui.only' is not in the theme's language file i18n/zh-CN.yml",
        ])
    }

    @Test("a partial is checked in the context of each place it is included, in its own file")
    func partials() throws {
        let templates = [
            "page": "{{#related}}{{> item}}{{/related}}\n{{> item}}\n{{> item}}\n{{> loop}}{{> sorces}}",
            "item": "<a href=\"{{href}}\">{{name}}</a>",
            "loop": "{{#clock}}{{> loop}}{{stat}}{{/clock}}",
            "sources": "",
        ]
        try Self.expect(templates, [
            "T/item.mustache:1:10: error: 'href' is not in the test page's view",
            "T/item.mustache:1:20: error: 'name' is not in the test page's view",
            "T/loop.mustache:1:21: error: 'stat' is not in the clock's view nor the test page's view (did you mean 'state'?)",
            "T/page.mustache:4:11: error: partial 'sorces' does not exist: the theme has no template 'sorces.mustache' (did you mean 'sources'?)",
        ])
        // A partial no root includes is not checked: there is no view to check it against.
        try Self.expect(["page": "", "unused": "{{anything}}"], [])
    }

    @Test("a user theme with a planted typo fails `dossier check` and `dossier build` (exit 1, output untouched); the default passes")
    func endToEnd() throws {
        // Needs the real views: `ThemeViews.roots` names the view each page template is rendered with.
        let article = try #require(ThemeViews.roots["article"], "ThemeViews.roots declares the article page's view")
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let themes = folder.appendingPathComponent("Themes")
        let mine = themes.appendingPathComponent("mine/templates")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: TestSupport.themes + "/default", toPath: themes.appendingPathComponent("default").path)
        let original = try String(contentsOfFile: TestSupport.themes + "/default/templates/article.mustache", encoding: .utf8)
        #expect(original.hasPrefix("<article class=\"article\">\n<header>\n<h1>{{title}}</h1>\n"))
        try original.replacingOccurrences(of: "<h1>{{title}}</h1>", with: "<h1>{{titel}}</h1>")
            .write(to: mine.appendingPathComponent("article.mustache"), atomically: true, encoding: .utf8)

        let content = TestSupport.fixture("good")
        let check = try TestSupport.run(["check", "--content", content, "--themes", themes.path, "--theme", "mine", "--today", "2025-06-01"])
        #expect(check.status == 1)
        let expected = themes.path + "/mine/templates/article.mustache:3:5: error: "
            + "'titel' is not in the \(article.name)'s view (did you mean 'title'?)"
        #expect(check.stderr.split(separator: "\n").contains { $0 == expected }, "\(check.stderr)")

        let output = folder.appendingPathComponent("Output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("before".utf8).write(to: output.appendingPathComponent("index.html"))
        let build = try TestSupport.run(["build", "--content", content, "--themes", themes.path, "--theme", "mine",
                                         "--output", output.path, "--today", "2025-06-01"])
        #expect(build.status == 1)
        #expect(build.stderr.contains(expected), "\(build.stderr)")
        #expect(try TestSupport.tree(output) == ["index.html": Data("before".utf8)])

        let clean = try TestSupport.run(["check", "--content", content, "--themes", themes.path, "--theme", "default", "--today", "2025-06-01"])
        #expect(!clean.stderr.contains(".mustache:"), "\(clean.stderr)")
        #expect(clean.status == 0, "\(clean.stderr)")
    }
}
