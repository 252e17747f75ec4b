@testable import DossierKit
import Foundation
import Testing

/// Every cache key is made by `CacheKeys`: the keys the renderer records for the next build are
/// the ones it computes, so a key cannot be changed in one place and not in another.
@Suite("Cache keys")
struct CacheKeysTests {
    @Test("the render keys of pages and of files made from the site are CacheKeys' page and support-file keys")
    func renderKeys() throws {
        let content = TestSupport.packageRoot.appendingPathComponent("Content").path
        let loaded = try ContentLoader(fileSystem: .local).load(root: content)
        var parser = ContentParser(includeInternal: true)
        parser.pageCache = .faces
        let parsed = parser.parse(loaded.files)
        let site = try #require(SiteBuilder(audience: .internal, includeDrafts: false, today: Day(ordinal: 20_000)).build(parsed).site)
        let theme = try #require(Theme.load(name: "default", themesDirectory: TestSupport.themes, fileSystem: .local).theme)
        let faces = Dictionary(parsed.cacheRecords.map { ($0.path, $0.face) }, uniquingKeysWith: { first, _ in first })
        let files = loaded.files.map { (path: $0.relativePath, hash: $0.hash) }
        let siteKey = CacheKeys.site(today: Day(ordinal: 20_000), files: files, faces: faces)
        let sources = Dictionary(files.filter { faces[$0.path] != nil }.map { ($0.path, CacheKeys.source($0.hash)) },
                                 uniquingKeysWith: { first, _ in first })
        var renderer = SiteRenderer(site: site, theme: theme)
        renderer.inputs = SiteRenderer.Inputs(site: siteKey, sources: sources)
        let record = renderer.renderSite { _ in }
        let jobs = renderer.pageJobs()
        #expect(jobs.count > 50)
        for job in jobs {
            let key = CacheKeys.page(themeFingerprint: theme.fingerprint, template: job.template, path: job.path, site: siteKey,
                                     source: job.source.flatMap { sources[$0] } ?? "")
            #expect(record.renderKeys[job.path] == key, "\(job.path)")
        }
        let assetPaths = theme.assets.map { "_theme/" + $0.path }
        let derived = ["sitemap.xml", "feed.xml", "data/filings.json"].filter { record.renderKeys[$0] != nil }
        #expect(derived.contains("data/filings.json"))
        for path in derived {
            let key = CacheKeys.supportFile(path: path, site: siteKey, themeFingerprint: theme.fingerprint, assetPaths: assetPaths)
            #expect(record.renderKeys[path] == key, "\(path)")
        }
    }

    @Test("what a build keeps beside its output depends on what it is and for whom")
    func policy() {
        let wiki = CachePolicy(write: true, encrypted: false, audience: .internal)
        #expect(wiki.keepsBuildCache && wiki.keepsPageCache && wiki.keepsWarnings && !wiki.removesAll)
        let publicSite = CachePolicy(write: true, encrypted: false, audience: .public)
        #expect(publicSite.keepsBuildCache && !publicSite.keepsPageCache && !publicSite.keepsWarnings)
        let brief = CachePolicy(write: true, encrypted: true, audience: .client("xingyun-tech"))
        #expect(!brief.keepsBuildCache && !brief.keepsPageCache && brief.removesAll)
        let check = CachePolicy(write: false, encrypted: false, audience: .internal)
        #expect(!check.keepsBuildCache && !check.keepsPageCache && !check.removesAll)
        if case .faces = publicSite.pageCacheUse(stored: nil) {} else { Issue.record("a public build makes faces") }
        if case .none = brief.pageCacheUse(stored: nil) {} else { Issue.record("a brief makes no faces") }
    }

    @Test("the output's caches and staging folders lie beside it, however its name is written")
    func locations() {
        for (output, parent) in [("Output", "."), ("Output/", "."), ("site/Output", "site"), ("/Output", "/"), ("/srv/site/Output/", "/srv/site")] {
            let locations = OutputLocations(output: output)
            #expect(locations.buildCache == joinPath(parent, ".Output.dossier-cache"), "\(output)")
            #expect(locations.pageCaches == joinPath(parent, ".Output.dossier-pages"), "\(output)")
            #expect(locations.staging(process: 42) == joinPath(parent, ".Output.staging-42"), "\(output)")
        }
    }
}
