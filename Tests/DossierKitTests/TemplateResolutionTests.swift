@testable import DossierKit
import Foundation
import Testing

/// Each root template's names are resolved against its view type when the theme loads, so pages
/// are rendered reading fields by position. Pages must not change by it: every page of the sample
/// site and of the fixture sites, for every audience, is rendered both ways and compared byte for
/// byte, and the resolution must cover the names (else it would be a path nothing takes).
@Suite("Template resolution")
struct TemplateResolutionTests {
    static func theme() throws -> Theme {
        let (theme, problems) = Theme.load(name: "default", themesDirectory: TestSupport.themes, fileSystem: .local)
        guard let theme else { throw TestError("the default theme did not load: \(problems)") }
        return theme
    }

    static let sites: [(root: String, audience: Audience)] = [
        (TestSupport.packageRoot.appendingPathComponent("Content").path, .internal),
        (TestSupport.packageRoot.appendingPathComponent("Content").path, .public),
        (TestSupport.fixture("audiences"), .internal),
        (TestSupport.fixture("audiences"), .client("aurora")),
        (TestSupport.fixture("responses"), .internal),
        (TestSupport.fixture("deadlines"), .internal),
        (TestSupport.fixture("timeline"), .internal),
        (TestSupport.fixture("good"), .internal),
    ]

    @Test("every page renders to the same bytes with names resolved at theme load as looked up by name",
          arguments: sites.indices)
    func sameBytes(site index: Int) throws {
        let (root, audience) = Self.sites[index]
        let loaded = try ContentLoader().load(root: root)
        let parsed = ContentParser(includeInternal: audience == .internal).parse(loaded.files)
        let (built, problems) = SiteBuilder(audience: audience, includeDrafts: false, today: Day("2026-11-29") ?? Day(ordinal: 0)).build(parsed)
        guard let site = built else { throw TestError("\(root) did not build: \(problems)") }
        let resolvedTheme = try Self.theme()
        #expect(!resolvedTheme.library.resolved.isEmpty)
        var byName = resolvedTheme
        byName.library.resolved = [:]
        let resolved = SiteRenderer(site: site, theme: resolvedTheme).render()
        let named = SiteRenderer(site: site, theme: byName).render()
        #expect(resolved.count == named.count)
        for (a, b) in zip(resolved, named) {
            #expect(a.path == b.path)
            #expect(a.data == b.data, "\(root): \(a.path) differs")
        }
        #expect(resolved.count > 5)
    }

    /// The names of resolved nodes: how many were resolved and how many are left to lookup by name.
    static func count(_ nodes: [ResolvedNode]) -> (resolved: Int, byName: Int) {
        var result = (resolved: 0, byName: 0)
        for node in nodes {
            switch node {
            case .text: continue
            case .variable(let name, _):
                if name.name.isCurrent { continue }
                name.lookup == nil ? (result.byName += 1) : (result.resolved += 1)
            case .section(let name, let children, _):
                if !name.name.isCurrent { name.lookup == nil ? (result.byName += 1) : (result.resolved += 1) }
                let inner = count(children)
                result.resolved += inner.resolved
                result.byName += inner.byName
            case .partial(_, _, let nodes):
                let inner = count(nodes ?? [])
                result.resolved += inner.resolved
                result.byName += inner.byName
            }
        }
        return result
    }

    @Test("the default theme's root templates are resolved, nearly every name in them")
    func coverage() throws {
        let theme = try Self.theme()
        for name in ThemeViews.roots.keys {
            let template = try #require(theme.library.resolved[name], "\(name) is not resolved")
            let (resolved, byName) = Self.count(template.nodes)
            #expect(resolved > 0, "\(name)")
            // Names under the interface strings (`ui.key` inside `{{#ui}}`) may stay by name; few others.
            #expect(byName * 10 <= resolved, "\(name): \(byName) names by name, \(resolved) resolved")
        }
    }

    @Test("a root template rendered with a value other than its view is read by name, as before")
    func otherValue() throws {
        let theme = try Self.theme()
        var byName = theme
        byName.library.resolved = [:]
        let value = TemplateValue.object(["title": .text("标题 <b>"), "ui": .object(["search": .text("搜索")])])
        #expect(theme.render("404", value) == byName.render("404", value))
    }
}
