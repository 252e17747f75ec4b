@testable import DossierKit
import Foundation
import Mustache
import Testing

/// Our themes rely on an empty text counting as absent; swift-mustache does so with this.
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { isEmpty }
}

/// Dossier renders themes with its own Mustache engine (parsed once, typed values: swift-mustache's
/// dynamic lookups were 45% of a 10,000-page build). swift-mustache stays as the reference: both
/// must write the same bytes, whitespace included.
@Suite("Template engine")
struct TemplateEngineTests {
    /// A template value as swift-mustache takes it.
    static func plain(_ value: TemplateValue) -> Any {
        switch value {
        case .text(let text): return text
        case .bool(let flag): return flag
        case .number(let text): return text
        case .list(let items): return items.map(plain)
        case .object(let object): return object.mapValues(plain)
        case .view: return plain(value.resolved)
        }
    }

    /// A literal as a template value (views are typed; literals keep these tests short).
    static func value(_ any: Any) -> TemplateValue {
        switch any {
        case let text as String: return .text(text)
        case let flag as Bool: return .bool(flag)
        case let number as Int: return .number(String(number))
        case let object as [String: Any]: return .object(object.mapValues(value))
        case let list as [Any]: return .list(list.map(value))
        default: return .text("")
        }
    }

    static func reference(_ templates: [String: String], _ name: String, _ context: TemplateValue) throws -> String {
        var library = MustacheLibrary()
        for (key, text) in templates { library.register(try MustacheTemplate(string: text), named: key) }
        return library.render(plain(context), withTemplate: name) ?? "<nil>"
    }

    static func ours(_ templates: [String: String], _ name: String, _ context: TemplateValue) throws -> String {
        var library = TemplateLibrary()
        for (key, text) in templates { try library.register(text, named: key) }
        return library.render(name, context)
    }

    static let context = value([
        "title": "标题 <b>&\"'",
        "empty": "",
        "yes": true,
        "no": false,
        "count": 3,
        "none": [String](),
        "items": [["name": "甲", "href": "a.html", "tags": ["x", "y"]], ["name": "乙", "href": "", "tags": [String]()]],
        "nested": ["inner": ["value": "深层"], "title": "内层标题"],
        "html": "<em>raw</em>",
    ] as [String: Any])

    static let snippets: [String] = [
        "Hello {{title}}!\n",
        "{{{html}}} {{&html}} {{html}}",
        "{{#yes}}shown{{/yes}}{{#no}}hidden{{/no}}{{^no}}inverted{{/no}}",
        "{{#empty}}x{{/empty}}{{^empty}}empty is absent{{/empty}}",
        "<ul>\n{{#items}}\n  <li>{{name}} {{title}}</li>\n{{/items}}\n</ul>\n",
        "{{#items}}{{#href}}<a href=\"{{href}}\">{{name}}</a>{{/href}}{{^href}}{{name}}{{/href}}{{/items}}",
        "{{#items}}{{#tags}}[{{.}}]{{/tags}}{{^tags}}(none){{/tags}}\n{{/items}}",
        "{{nested.inner.value}} {{#nested}}{{title}} {{inner.value}}{{/nested}} {{nested.missing.value}}",
        "{{#nested}}{{#inner}}{{value}}/{{title}}/{{.value}}/{{.title}}{{/inner}}{{/nested}}",
        "{{count}} {{#count}}n={{.}}{{/count}}",
        "{{^none}}no items{{/none}}{{#none}}never{{/none}}",
        "  {{#yes}}\n  standalone lines vanish\n  {{/yes}}\n  {{! a comment }}\nend\n",
        "a {{! inline comment }} b\n   {{!\n multi-line\n }}  \nc\n",
        "{{=<% %>=}}\n<% title %> {{title}}\n<%={{ }}=%>\n{{title}}\n",
        "begin\n  {{> part}}\nend\n",
        "x {{> part}} y\n",
        "{{#items}}\n    {{> part}}\n{{/items}}\n",
        "\r\n{{#yes}}\r\nwindows\r\n{{/yes}}\r\n",
        "trailing spaces {{title}}   \n   ",
        "{{ title }} {{#  yes  }}spaced{{/  yes  }}",
    ]

    @Test("writes what swift-mustache writes: variables, sections, standalone lines, comments, delimiters, partials")
    func snippetsMatchReference() throws {
        let part = "<p>{{title}}</p>\n<p>two</p>\n"
        for snippet in Self.snippets {
            let templates = ["main": snippet, "part": part]
            let expected = try Self.reference(templates, "main", Self.context)
            let actual = try Self.ours(templates, "main", Self.context)
            #expect(actual == expected, "\(snippet.debugDescription)")
        }
    }

    @Test("every page of the sample site, rendered by both engines from the same view models, is the same")
    func sampleSiteMatchesReference() throws {
        let loaded = try ContentLoader().load(root: TestSupport.packageRoot.appendingPathComponent("Content").path)
        let parsed = ContentParser(includeInternal: true).parse(loaded.files)
        let (site, _) = SiteBuilder(audience: .internal, includeDrafts: false, today: Day("2026-11-29") ?? Day(ordinal: 0)).build(parsed)
        let (theme, problems) = Theme.load(name: "default", themesDirectory: TestSupport.themes, fileSystem: .local)
        guard let site, let theme else { throw TestError("the sample did not build: \(problems)") }
        let folder = URL(fileURLWithPath: TestSupport.themes).appendingPathComponent("default/templates")
        var texts: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".mustache") {
            texts[String(file.dropLast(".mustache".count))] = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        }
        var reference = MustacheLibrary()
        for (name, text) in texts { reference.register(try MustacheTemplate(string: text), named: name) }

        let renderer = SiteRenderer(site: site, theme: theme)
        var compared = 0
        for job in renderer.pageJobs() {
            let made = job.build(job.path)
            let content = reference.render(Self.plain(.view(made.view)), withTemplate: job.template) ?? ""
            let layout = renderer.layoutView(job, content: content, jsonLD: made.jsonLD)
            let expected = reference.render(Self.plain(.view(layout)), withTemplate: "layout") ?? ""
            let same = renderer.renderPage(job).html == expected
            #expect(same, "\(job.path) differs")
            compared += 1
        }
        #expect(compared > 100)
    }

    @Test("the view each page's template gets is the one ThemeViews declares for it (what the template check reads)")
    func pageViewsAreTheDeclaredRoots() throws {
        let loaded = try ContentLoader().load(root: TestSupport.packageRoot.appendingPathComponent("Content").path)
        let parsed = ContentParser(includeInternal: true).parse(loaded.files)
        let (site, _) = SiteBuilder(audience: .internal, includeDrafts: false, today: Day("2026-11-29") ?? Day(ordinal: 0)).build(parsed)
        let (theme, problems) = Theme.load(name: "default", themesDirectory: TestSupport.themes, fileSystem: .local)
        guard let site, let theme else { throw TestError("the sample did not build: \(problems)") }
        let renderer = SiteRenderer(site: site, theme: theme)
        var templates: Set<String> = []
        for job in renderer.pageJobs() {
            let view = job.build(job.path).view
            let declared = ThemeViews.roots[job.template]
            #expect(declared?.type == String(describing: type(of: view)), "\(job.path): \(job.template)")
            templates.insert(job.template)
            if templates.count == 1 {
                let layout = renderer.layoutView(job, content: "", jsonLD: nil)
                #expect(ThemeViews.roots["layout"]?.type == String(describing: type(of: layout)))
            }
        }
        // Partials are checked where they are included, not as roots.
        // `pdf` is the print document of `dossier pdf`, not a page of the site.
        #expect(Set(ThemeViews.roots.keys) == templates.union(["layout", "pdf"]))
    }

    @Test("syntax errors name their line and column; unsupported features are refused, not ignored")
    func syntaxErrors() {
        let cases: [(String, Int, Int, String)] = [
            ("line one\n{{#open}}\nnever closed\n", 4, 1, "is not closed"),
            ("{{#a}}\n  {{/b}}\n", 2, 3, "does not close"),
            ("ok\n  {{name\n", 2, 5, "not closed"),
            ("{{upper(name)}}", 1, 3, "transforms"),
            ("x\n{{<parent}}{{/parent}}", 2, 1, "inheritance"),
            ("{{%CONTENT_TYPE: TEXT}}", 1, 1, "pragmas"),
            ("{{! never closed", 1, 1, "comment"),
        ]
        for (text, line, column, words) in cases {
            do {
                _ = try TemplateParser.parse(text)
                Issue.record("\(text.debugDescription) parsed")
            } catch {
                #expect(error.line == line && error.column == column, "\(text.debugDescription): \(error.line):\(error.column)")
                #expect(error.message.contains(words), "\(error.message)")
            }
        }
    }
}
