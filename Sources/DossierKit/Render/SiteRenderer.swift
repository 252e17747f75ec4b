import Foundation

/// The render stage: builds a typed view for every page and presents it through the theme.
/// Templates only present; every figure, label and link is computed here (see `Pages/`).
public struct SiteRenderer: Sendable {
    public var site: Site
    public var theme: Theme
    let ui: [String: String]
    /// Whether to write the search page and index (not for encrypted briefs: the index is plain text).
    public var includeSearch: Bool
    // Version 2: deadlines
    /// Whether to write `deadlines.ics` where the audience gets filings (not for encrypted briefs:
    /// the feed is plain text and its dates are confidential).
    public var includeCalendarFeed = true
    /// Pages the output folder already holds as the previous build wrote them, with the digest of
    /// their inputs then (from the build cache). A page whose inputs have the same digest now is
    /// not rendered again: it comes out as `OutputFile.kept`.
    public var reusable: [String: String] = [:]
    /// What pages are made from, when the build keeps a cache; without it no page is reused.
    var inputs: Inputs?
    /// Each page's share of the search index from the previous build.
    var searchCache: SearchCache?
    /// The interface strings as every page template gets them (`{{ui.key}}`), made once.
    let uiValue: TemplateValue
    /// How the interface language writes dates.
    let dateFormat: LanguageFile.DateFormat
    /// Told how many pages are done (stage, done, total), for a progress line.
    public var progress: (@Sendable (String, Int, Int) -> Void)?

    /// Decided once per theme and site (see `missingPrivacyMeta(_:_:)`).
    let missingPrivacyMeta: Bool

    public init(site: Site, theme: Theme, includeSearch: Bool = true) {
        self.site = site
        self.theme = theme
        self.ui = theme.strings[site.settings.language.rawValue] ?? [:]
        self.uiValue = .object(ui.mapValues(TemplateValue.text))
        self.dateFormat = LanguageFile.DateFormat(strings: ui)
        self.includeSearch = includeSearch
        self.missingPrivacyMeta = Self.missingPrivacyMeta(site, theme)
    }

    /// The site's files, and for every page the digest of what it was rendered from.
    public struct Rendered: Sendable {
        public var files: [OutputFile]
        public var renderKeys: [String: String]
    }

    /// The digests a page's inputs are known by (see `inputKey`).
    struct Inputs: Sendable {
        /// Everything pages share: the date, every page file's face (what other pages can see of
        /// it), every other content file's bytes.
        var site: String
        /// Each page file's own digest (its bytes), by path relative to the content folder.
        var sources: [String: String]
    }

    /// What a render leaves for the next build's cache: each page's input digest and search share.
    struct Record: Sendable {
        var renderKeys: [String: String] = [:]
        var search: [String: SearchCache.Entry] = [:]
    }

    /// What the search index records of a page besides its rendered body.
    struct SearchInfo: Sendable {
        var kind: String
        var permit: String
        var keywords: [String]
        /// Sections the page shows outside its body (made only when the page is rendered).
        var extraSections: @Sendable () -> [SearchDocument.Section] = { [] }
        /// What a search can be narrowed to (`search/facets.js`).
        var facets = SearchFacets()
    }

    /// One page to render: where, with which template, and how to build its view.
    struct PageJob: Sendable {
        var path: String
        var template: String
        var title: String?
        var description: String?
        var breadcrumbs: [(String, String)]
        var section: String?
        var search: SearchInfo?
        /// `article` for knowledge-base articles (Open Graph type), else `website`.
        var isArticle = false
        /// The content file the page shows (nil for lists and indexes, made from what every page shares).
        var source: String?
        var build: @Sendable (String) -> PageContent
    }

    public func render() -> [OutputFile] {
        renderSite().files
    }

    public func renderSite() -> Rendered {
        var files: [OutputFile] = []
        let record = renderSite { files += $0 }
        return Rendered(files: files, renderKeys: record.renderKeys)
    }

    /// The digest of everything a page is made from, or nil when the build keeps no cache: the
    /// theme, the page's template and path, what all pages share and its own file.
    func inputKey(_ job: PageJob) -> String? {
        guard let inputs else { return nil }
        return CacheKeys.page(themeFingerprint: theme.fingerprint, template: job.template, path: job.path, site: inputs.site,
                              source: job.source.flatMap { inputs.sources[$0] } ?? "")
    }

    /// Renders the site a batch of pages at a time, handing each batch's files to `emit` as soon as
    /// they are made (so a large site is never all in memory), then the search index and the other
    /// files. A page whose input digest is the one recorded for the file the output holds is not
    /// rendered: it comes out as `OutputFile.kept`, and its search terms come from the search cache.
    /// Returns what the next build's cache needs.
    func renderSite(batchSize: Int = 512, emit: ([OutputFile]) throws -> Void) rethrows -> Record {
        let jobs = pageJobs()
        // Pages in the search index are numbered in page order.
        var counted: [Int?] = []
        var searchPages = 0
        for job in jobs {
            counted.append(job.search == nil ? nil : searchPages)
            if job.search != nil { searchPages += 1 }
        }
        let numbers = counted
        // Pages are independent: render them on every core, in a fixed order.
        let renderer = self
        let counter = ProgressCounter(stage: "render", total: jobs.count, report: progress)
        var record = Record()
        var index = SearchIndex()
        var facetFile = SearchFacetFile()
        for (position, job) in jobs.enumerated() {
            if let info = job.search, let number = numbers[position] { facetFile.add(info.facets, page: number) }
        }
        struct Made {
            var file: OutputFile
            var key: String?
            var searchFile: OutputFile?
            var terms: [(SearchIndex.Term, Int)]?
            var encodedTerms: ArraySlice<UInt8>?
        }
        for start in stride(from: 0, to: jobs.count, by: batchSize) {
            let made = Parallel.map(Array(start..<min(start + batchSize, jobs.count))) { position -> Made in
                defer { counter.step() }
                let job = jobs[position]
                let number = numbers[position]
                let key = renderer.inputKey(job)
                if let key, renderer.reusable[job.path] == key {
                    guard let number else { return Made(file: .kept(job.path), key: key) }
                    if let entry = renderer.searchCache?.entries[job.path], entry.renderKey == key, entry.number == number,
                       let terms = SearchIndex.decode(entry.terms) {
                        return Made(file: .kept(job.path), key: key, searchFile: .kept(SearchIndex.pageFilePath(number)),
                                    terms: terms, encodedTerms: entry.terms)
                    }
                }
                let page = renderer.renderPage(job)
                var made = Made(file: OutputFile(path: job.path, text: page.html), key: key)
                if let info = job.search, let number {
                    let document = SearchDocument(path: job.path, title: job.title ?? "", kind: info.kind, permit: info.permit,
                                                  keywords: info.keywords, sections: page.sections)
                    let terms = SearchIndex.terms(of: document)
                    made.terms = terms
                    if key != nil { made.encodedTerms = SearchIndex.encode(terms)[...] }
                    made.searchFile = SearchIndex.pageFile(document, number: number)
                }
                return made
            }
            for (offset, page) in made.enumerated() {
                let path = jobs[start + offset].path
                if let key = page.key { record.renderKeys[path] = key }
                if let key = page.key, let number = numbers[start + offset], let encoded = page.encodedTerms {
                    record.search[path] = SearchCache.Entry(renderKey: key, number: number, terms: encoded)
                }
            }
            var files = made.map(\.file)
            if includeSearch {
                files += made.compactMap(\.searchFile)
                index.add(terms: made.compactMap(\.terms))
            }
            try emit(files)
        }
        if includeSearch {
            try emit(index.finish() + [facetFile.file])
        }
        try emit(supportFiles(pagePaths: jobs.map(\.path), record: &record))
        return record
    }

    /// The page's HTML (its template, then the layout around it) and what the search index and
    /// the head take from it.
    func renderPage(_ job: PageJob) -> RenderedPage {
        let content = job.build(job.path)
        let layout = layoutView(job, content: theme.render(job.template, .view(content.view)), jsonLD: content.jsonLD)
        let html = theme.render("layout", .view(layout))
        let sections = job.search.map { info in
            (content.bodySections ?? SearchDocument.sections(fromHTML: content.body ?? "")) + info.extraSections()
        }
        return RenderedPage(html: missingPrivacyMeta ? Self.withPrivacyMeta(html, site.privacy) : html,
                            sections: sections ?? [], jsonLD: content.jsonLD)
    }

    /// Whether this site's pages must carry a robots or referrer meta tag that the theme's layout
    /// (an older copy of a theme, say) never writes: then `withPrivacyMeta` adds it to each page.
    static func missingPrivacyMeta(_ site: Site, _ theme: Theme) -> Bool {
        let privacy = site.privacy
        return (privacy.noindex && !theme.library.writesText("<meta name=\"robots\"", in: "layout"))
            || (privacy.noreferrer && !theme.library.writesText("<meta name=\"referrer\"", in: "layout"))
    }

    /// The page with the robots and referrer meta tags a private page must carry, added after
    /// `<head>` when its layout does not write them itself.
    static func withPrivacyMeta(_ html: String, _ privacy: SitePrivacy) -> String {
        guard privacy.noindex || privacy.noreferrer, let head = html.range(of: "<head>") else { return html }
        let rest = html[head.upperBound...]
        let inHead = rest[..<(rest.range(of: "</head>")?.lowerBound ?? rest.endIndex)]
        var missing = ""
        if privacy.noindex && !inHead.contains("<meta name=\"robots\"") { missing += "\n" + SitePrivacy.robotsMeta }
        if privacy.noreferrer && !inHead.contains("<meta name=\"referrer\"") { missing += "\n" + SitePrivacy.referrerMeta }
        return missing.isEmpty ? html : html.replacingCharacters(in: head, with: "<head>" + missing)
    }
}
