import Foundation

/// The render stage: builds a view model for every page and presents it through the theme.
/// Templates only present; every figure, label and link is computed here.
public struct SiteRenderer: Sendable {
    public var site: Site
    public var theme: Theme
    let ui: [String: String]
    /// Whether to write the search page and index (not for encrypted briefs: the index is plain text).
    public var includeSearch: Bool
    /// Pages the output folder already holds as the previous build wrote them, with the digest of
    /// their inputs then (from the build cache). A page whose inputs have the same digest now is
    /// not rendered again: it comes out as `OutputFile.kept`.
    public var reusable: [String: String] = [:]
    /// What pages are made from, when the build keeps a cache; without it no page is reused.
    var inputs: Inputs?
    /// Each page's share of the search index from the previous build.
    var searchCache: SearchCache?
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
        self.uiValue = TemplateValue(ui)
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
    }

    /// One page to render: where, with which template, and how to build its view model.
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
        var build: @Sendable (String) -> [String: Any]
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
        var hasher = StableHasher()
        hasher.add(theme.fingerprint)
        hasher.add(job.template)
        hasher.add(job.path)
        hasher.add(inputs.site)
        hasher.add(job.source.flatMap { inputs.sources[$0] } ?? "")
        return hasher.finalize()
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
                let (pageValue, layoutValue, document) = renderer.values(job)
                var made = Made(file: OutputFile(path: job.path, text: renderer.present(job, page: pageValue, layout: layoutValue)),
                                key: key)
                if let document, let number {
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
            try emit(index.finish())
        }
        try emit(supportFiles(pagePaths: jobs.map(\.path), record: &record))
        return record
    }

    /// A page's view model and layout values (without the interface strings and the content,
    /// which `present` adds), and what the search index records of it.
    func values(_ job: PageJob) -> (page: TemplateValue, layout: TemplateValue, search: SearchDocument?) {
        let context = job.build(job.path)
        let document = job.search.map { info in
            SearchDocument(path: job.path, title: job.title ?? "", kind: info.kind, permit: info.permit, keywords: info.keywords,
                           sections: (context["bodySections"] as? [SearchDocument.Section]
                                      ?? SearchDocument.sections(fromHTML: context["body"] as? String ?? "")) + info.extraSections())
        }
        let dates = dateFormat
        let pageValue = TemplateValue(context.filter { $0.key != "bodySections" }, dateText: { text in
            Day(text).map(dates.format)
        })
        let layoutValue = TemplateValue(layoutContext(path: job.path, title: job.title, description: job.description,
                                                      breadcrumbs: job.breadcrumbs, section: job.section,
                                                      isArticle: job.isArticle, jsonLD: context["jsonLD"] as? String))
        return (pageValue, layoutValue, document)
    }

    /// The page's HTML: its template, then the layout around it.
    func present(_ job: PageJob, page: TemplateValue, layout: TemplateValue) -> String {
        var page = page
        var layout = layout
        page.setField("ui", uiValue)
        layout.setField("content", .text(theme.render(job.template, page)))
        layout.setField("ui", uiValue)
        let html = theme.render("layout", layout)
        return missingPrivacyMeta ? Self.withPrivacyMeta(html, site.privacy) : html
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

    /// Every page of the site, in output order, with how to build its view model.
    func pageJobs() -> [PageJob] {
        var jobs: [PageJob] = []
        func page(_ path: String, template: String, title: String?, description: String? = nil,
                  breadcrumbs: [(String, String)] = [], section: String? = nil, search: SearchInfo? = nil,
                  _ build: @escaping @Sendable (String) -> [String: Any]) {
            jobs.append(PageJob(path: path, template: template, title: title, description: description,
                                breadcrumbs: breadcrumbs, section: section, search: includeSearch ? search : nil, build: build))
        }

        page("index.html", template: "home", title: nil, description: site.settings.organization) { path in homeContext(path) }

        // Permits
        page("permits/index.html", template: "permits", title: ui["permits"], breadcrumbs: [], section: "permits") { path in
            ["permits": site.permits.map { permitItem($0, from: path) }]
        }
        for permit in site.permits {
            let path = PageRef(.permits, permit.id).outputPath
            page(path, template: "permit", title: permit.name, description: permit.basis,
                 breadcrumbs: [(ui["permits"] ?? "", "permits/index.html")], section: "permits",
                 search: SearchInfo(kind: ui["permit"] ?? "", permit: permit.name,
                                    keywords: [permit.nameEn, permit.authority, permit.basis].compactMap { $0 })) { path in
                permitContext(permit, path)
            }
            jobs[jobs.count - 1].source = permit.page.relativePath
        }

        // Knowledge base
        page("kb/index.html", template: "kb", title: ui["kb"], section: "kb") { path in
            ["articles": site.articles.map { articleItem($0, from: path) }, "hasArticles": !site.articles.isEmpty]
        }
        for article in site.articles {
            let path = PageRef(.kb, article.id).outputPath
            let permitNames = article.permits.compactMap { site.permit($0.value)?.name }
            page(path, template: "article", title: article.title, description: article.summary,
                 breadcrumbs: [(ui["kb"] ?? "", "kb/index.html")], section: "kb",
                 search: SearchInfo(kind: ui["kb"] ?? "", permit: permitNames.joined(separator: " · "),
                                    keywords: article.tags + permitNames + [article.summary].compactMap { $0 })) { path in
                articleContext(article, path)
            }
            jobs[jobs.count - 1].isArticle = true
            jobs[jobs.count - 1].source = article.page.relativePath
        }

        // Filings and clients (only when the audience gets them)
        if site.audience.showsFilings {
            page("filings/index.html", template: "filings", title: ui["filings"], section: "filings") { path in
                ["filings": site.filings.map { filingItem($0, from: path) }, "hasFilings": !site.filings.isEmpty]
            }
        }
        for filing in site.filings {
            let path = PageRef(.filings, filing.id).outputPath
            let permitName = site.permit(filing.permit.value)?.name ?? ""
            page(path, template: "filing", title: filing.title, breadcrumbs: [(ui["filings"] ?? "", "filings/index.html")],
                 section: "filings",
                 search: SearchInfo(kind: ui["filing"] ?? "", permit: permitName,
                                    keywords: [permitName, filing.reference, site.client(filing.client.value)?.name].compactMap { $0 },
                                    extraSections: { filingSearchSections(filing) })) { path in
                filingContext(filing, path)
            }
            jobs[jobs.count - 1].source = filing.page.relativePath
        }
        if site.audience.showsClients {
            page("clients/index.html", template: "clients", title: ui["clients"], section: "clients") { path in
                ["clients": site.clients.map { client in
                    [
                        "name": client.name, "href": link(PageRef(.clients, client.id).outputPath, from: path),
                        "industry": client.industry ?? "",
                        "filingCount": site.filings.filter { $0.client.value == client.id }.count,
                    ] as [String: Any]
                }]
            }
            for client in site.clients {
                let path = PageRef(.clients, client.id).outputPath
                page(path, template: "client", title: client.name, breadcrumbs: [(ui["clients"] ?? "", "clients/index.html")],
                     section: "clients", search: SearchInfo(kind: ui["client"] ?? "", permit: "",
                                                            keywords: [client.industry].compactMap { $0 })) { path in
                    clientContext(client, path)
                }
                jobs[jobs.count - 1].source = client.page.relativePath
            }
        }

        // Tags and regions
        page("tags/index.html", template: "tags", title: ui["tags"], section: "kb") { path in
            ["terms": site.tags.map { termItem($0, folder: "tags", label: $0.name, from: path) }]
        }
        for tag in site.tags {
            page("tags/\(tag.slug)/index.html", template: "tag", title: tag.name, breadcrumbs: [(ui["tags"] ?? "", "tags/index.html")],
                 section: "kb") { path in termContext(tag, label: tag.name, path) }
        }
        page("regions/index.html", template: "regions", title: ui["regions"], section: "kb") { path in
            ["terms": site.regions.map { termItem($0, folder: "regions", label: regionName($0.name), from: path) }]
        }
        for region in site.regions {
            page("regions/\(region.slug)/index.html", template: "region", title: regionName(region.name),
                 breadcrumbs: [(ui["regions"] ?? "", "regions/index.html")], section: "kb") { path in
                termContext(region, label: regionName(region.name), path)
            }
        }

        page("404.html", template: "404", title: ui["notFound"]) { _ in [:] }
        if includeSearch {
            page("search/index.html", template: "search", title: ui["search"], section: "search") { path in
                ["script": link("_theme/search.js", from: path), "root": link("", from: path)]
            }
        }

        return jobs
    }

    /// Theme assets, robots.txt, sitemap, feed, the filings export and copied attachments. The sitemap, the
    /// feed and the export are made from what all pages share: with the same input digest as the
    /// file the output holds, they are kept without being made again.
    func supportFiles(pagePaths: [String], record: inout Record) -> [OutputFile] {
        var files: [OutputFile] = []
        // search.js is of no use without an index (an encrypted brief has none).
        for (path, data) in theme.assets where includeSearch || path != "search.js" {
            files.append(OutputFile(path: "_theme/" + path, data: data))
        }
        let assetPaths = files.map(\.path)
        func derived(_ path: String, _ make: () -> OutputFile) {
            if let inputs {
                var hasher = StableHasher()
                hasher.add("support file")
                hasher.add(path)
                hasher.add(inputs.site)
                hasher.add(theme.fingerprint)
                for asset in assetPaths { hasher.add(asset) }
                let key = hasher.finalize()
                record.renderKeys[path] = key
                if reusable[path] == key { return files.append(.kept(path)) }
            }
            files.append(make())
        }
        // Private sites (and `indexing: never`) are not indexed; a sitemap's addresses must be
        // absolute, and so must a public feed's links (see `SitePrivacy`).
        let privacy = site.privacy
        files.append(OutputFile(path: "robots.txt", text: privacy.robotsTxt(baseURL: site.settings.baseURL)))
        if privacy.sitemap, let base = site.settings.baseURL {
            derived("sitemap.xml") {
                OutputFile(path: "sitemap.xml", text: Sitemap.xml(paths: pagePaths + assetPaths, baseURL: base))
            }
        }
        if privacy.feed {
            derived("feed.xml") { OutputFile(path: "feed.xml", text: Feed.atom(site: site)) }
        }
        if site.audience.includesInternal {
            derived("data/filings.json") { OutputFile(path: "data/filings.json", data: FilingsExport.json(site: site)) }
        }
        for copy in site.copies {
            files.append(OutputFile(path: copy.outputPath, data: copy.source.data))
        }
        return files
    }

    // MARK: - Layout

    /// The layout's values for a page, all but its `content` and the interface strings.
    func layoutContext(path: String, title: String?, description: String?, breadcrumbs: [(String, String)], section: String?,
                       isArticle: Bool = false, jsonLD: String? = nil) -> [String: Any] {
        let sections: [(String, String)] = [("kb", "kb/index.html"), ("permits", "permits/index.html")]
            + (site.audience.showsFilings ? [("filings", "filings/index.html")] : [])
            + (site.audience.showsClients ? [("clients", "clients/index.html")] : [])
            + (includeSearch ? [("search", "search/index.html")] : [])
        let privacy = site.privacy
        var context: [String: Any] = [
            "lang": site.settings.language.rawValue,
            "siteTitle": site.settings.title,
            "title": title.map { "\($0) · \(site.settings.title)" } ?? site.settings.title,
            "pageTitle": title ?? site.settings.title,
            "description": description ?? "",
            "root": link("", from: path),
            "homeHref": link("index.html", from: path),
            "css": link("_theme/style.css", from: path),
            "searchHref": includeSearch ? link("search/index.html", from: path) : "",
            "ogType": isArticle ? "article" : "website",
            "locale": site.settings.language == .en ? "en_US" : "zh_CN",
            "jsonLD": jsonLD ?? "",
            "noindex": privacy.noindex,
            "noreferrer": privacy.noreferrer,
            "feedHref": privacy.feed ? link("feed.xml", from: path) : "",
            "nav": sections.map { key, target in
                ["label": ui[key] ?? key, "href": link(target, from: path), "current": key == section] as [String: Any]
            },
            "breadcrumbs": breadcrumbs.map { ["label": $0.0, "href": link($0.1, from: path)] },
            "hasBreadcrumbs": !breadcrumbs.isEmpty,
            "organization": site.settings.organization ?? "",
            "today": site.today.description,
            "todayText": dateFormat.format(site.today),
        ]
        if let base = site.settings.baseURL, path != "404.html" {
            let pretty = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
            context["canonical"] = base + HTML.encodePath(pretty)
        }
        return context
    }

    // MARK: - Shared pieces

    /// A relative link from the page at `from` to `target` (both relative to the output folder).
    /// `404.html` is served for missing pages at any depth, so its links are absolute when `base_url` is set.
    func link(_ target: String, from path: String) -> String {
        if path == "404.html", let base = site.settings.baseURL { return base + HTML.encodePath(target) }
        return MarkdownHTML.relative(target, from: path)
    }

    /// `rel` of links to other sites: `noopener noreferrer` when the site is private.
    var externalRel: String? {
        site.privacy.noreferrer ? SitePrivacy.externalRel : nil
    }

    func body(_ page: PageSource, ref: PageRef, path: String) -> String {
        var renderer = MarkdownHTML(pagePath: path, unsafeHTML: site.settings.unsafeHTML, links: site.bodyLinks[ref] ?? [],
                                    unavailableText: ui["unavailable"] ?? "…", titleOf: titleOf)
        renderer.calloutTitles = MarkdownRendering.calloutTitles(ui)
        renderer.externalRel = externalRel
        return renderer.render(page.document.root)
    }

    var titleOf: (PageRef, String?) -> String? {
        let resolver = site.resolver
        return { ref, fragment in
            let title = resolver.title(of: ref)
            if let fragment, let heading = resolver.headingText(ref, fragment) {
                return "\(title ?? ref.id) › \(heading)"
            }
            return title
        }
    }

    func regionName(_ id: String) -> String {
        ui["region.\(id)"] ?? id
    }

    func articleItem(_ article: Article, from path: String) -> [String: Any] {
        [
            "title": article.title,
            "href": link(PageRef(.kb, article.id).outputPath, from: path),
            "summary": article.summary ?? "",
            "date": (article.updated ?? article.date).description,
            "internal": article.audience == .internal,
            "draft": article.draft,
        ]
    }

    func filingItem(_ filing: Filing, from path: String) -> [String: Any] {
        [
            "title": filing.title,
            "href": link(PageRef(.filings, filing.id).outputPath, from: path),
            "status": filing.status.rawValue,
            "statusLabel": ui["status.\(filing.status.rawValue)"] ?? filing.status.rawValue,
            "client": site.client(filing.client.value)?.name ?? filing.client.value,
            "permit": site.permit(filing.permit.value)?.name ?? filing.permit.value,
            "reference": filing.reference ?? "",
            "lastDate": filing.timeline.map(\.date).max()?.description ?? filing.opened?.description ?? "",
            "clock": site.analyses[filing.id].map { ClockView.clock($0, ui: ui) } ?? ["hasClock": false],
            "whoseMove": site.analyses[filing.id].map { ClockView.whoseMove($0.whoseMove, ui: ui) } ?? ["open": false],
        ]
    }

    func permitItem(_ permit: Permit, from path: String) -> [String: Any] {
        [
            "name": permit.name,
            "nameEn": permit.nameEn ?? "",
            "href": link(PageRef(.permits, permit.id).outputPath, from: path),
            "authority": permit.authority ?? "",
            "articleCount": site.articles.filter { $0.permits.contains { $0.value == permit.id } }.count,
            "filingCount": site.filings.filter { $0.permit.value == permit.id }.count,
        ]
    }

    func termItem(_ term: TaxonomyTerm, folder: String, label: String, from path: String) -> [String: Any] {
        ["name": label, "href": link("\(folder)/\(term.slug)/index.html", from: path), "count": term.articles.count + term.filings.count]
    }

    func backlinks(_ ref: PageRef, from path: String) -> [[String: Any]] {
        site.graph.backlinks(to: ref).map { source in
            [
                "title": site.resolver.title(of: source) ?? source.id,
                "href": link(source.outputPath, from: path),
                "kind": ui[source.kind.rawValue] ?? source.kind.rawValue,
            ]
        }
    }

    func toc(_ document: MarkdownDocument, levels: ClosedRange<Int>) -> [[String: Any]] {
        document.headings.filter { levels.contains($0.level) }.map {
            ["text": $0.text, "href": "#" + HTML.encodePath($0.id), "level": $0.level, "sub": $0.level > levels.lowerBound]
        }
    }

    /// A filing's memo and timeline as search sections (the page shows them outside its body).
    func filingSearchSections(_ filing: Filing) -> [SearchDocument.Section] {
        var sections: [SearchDocument.Section] = []
        if let memo = filing.memo {
            sections.append(.init(anchor: "memo-title", heading: ui["memo"] ?? "",
                                  text: [memo.purpose, memo.logic, memo.risk].compactMap { $0 }.joined(separator: "\n")))
        }
        if !filing.timeline.isEmpty {
            let lines = filing.timeline.flatMap { [$0.summary] + $0.changes + $0.clauses + $0.pages }
            sections.append(.init(anchor: "timeline-title", heading: ui["timeline"] ?? "", text: lines.joined(separator: "\n")))
        }
        return sections
    }

    // MARK: - Pages

    func homeContext(_ path: String) -> [String: Any] {
        let open = Dashboard.byUrgency(site.filings.filter { ![.approved, .rejected, .withdrawn, .cancelled].contains($0.status) },
                                       analyses: site.analyses)
        let awaiting = Dashboard.awaitingAnswer(site.filings, analyses: site.analyses)
        let latest = Dashboard.latestEntries(site.filings, analyses: site.analyses, limit: 30)
        var brief: [String: Any] = [:]
        if let id = site.audience.clientID, let client = site.client(id) {
            let organization = site.settings.organization ?? ""
            let template = organization.isEmpty ? ui["preparedFor"] ?? "" : ui["preparedBy"] ?? ""
            brief = [
                "title": (ui["briefFor"] ?? "").replacingOccurrences(of: "{client}", with: client.name),
                "preparedBy": template.replacingOccurrences(of: "{organization}", with: organization)
                    .replacingOccurrences(of: "{client}", with: client.name),
                "filings": Dashboard.byUrgency(site.filings, analyses: site.analyses).map { filingItem($0, from: path) },
            ]
        }
        return [
            "brief": brief.isEmpty ? false : brief,
            "today": site.today.description,
            "awaiting": awaiting.map { item in
                [
                    "filing": item.filing.title, "href": link(PageRef(.filings, item.filing.id).outputPath, from: path),
                    "requested": item.round.requested.description, "summary": item.round.summary,
                    "days": item.round.requested.days(to: site.today),
                    "workingDays": item.round.ourWorkingDays,
                ] as [String: Any]
            },
            "hasAwaiting": !awaiting.isEmpty,
            "latest": latest.map { item in
                [
                    "date": item.entry.date.description, "filing": item.filing.title,
                    "href": link(PageRef(.filings, item.filing.id).outputPath, from: path),
                    "typeLabel": entryLabel(item.entry.type, permit: item.filing.permit.value),
                    "from": item.entry.from?.rawValue ?? "",
                    "fromLabel": item.entry.from.map { ui["from.\($0.rawValue)"] ?? $0.rawValue } ?? "",
                    "summary": item.entry.summary, "internal": item.entry.isInternal,
                ] as [String: Any]
            },
            "hasLatest": !latest.isEmpty,
            "siteTitle": site.settings.title,
            "organization": site.settings.organization ?? "",
            "permits": site.permits.map { permitItem($0, from: path) },
            "articles": site.articles.prefix(10).map { articleItem($0, from: path) },
            "hasArticles": !site.articles.isEmpty,
            "openFilings": open.map { filingItem($0, from: path) },
            "showFilings": site.audience.showsFilings,
            "hasOpenFilings": !open.isEmpty,
        ]
    }

    func articleContext(_ article: Article, _ path: String) -> [String: Any] {
        let ref = PageRef(.kb, article.id)
        let related = (site.related[article.id] ?? []).compactMap { site.article($0) }.map { articleItem($0, from: path) }
        let questions = toc(article.page.document, levels: 2...2)
        let contents = toc(article.page.document, levels: 2...3)
        let articleBody = body(article.page, ref: ref, path: path)
        // Cut once, used by the FAQ schema here and by the search index in `render()`.
        let bodySections = SearchDocument.sections(fromHTML: articleBody)
        var context: [String: Any] = [
            "title": article.title,
            "summary": article.summary ?? "",
            "date": article.date.description,
            "updated": article.updated?.description ?? "",
            "internal": article.audience == .internal,
            "draft": article.draft,
            "permits": article.permits.compactMap { site.permit($0.value) }.map {
                ["name": $0.name, "href": link(PageRef(.permits, $0.id).outputPath, from: path)]
            },
            "tags": article.tags.compactMap { name in site.tags.first { $0.name == name } }.map {
                ["name": $0.name, "href": link("tags/\($0.slug)/index.html", from: path)]
            },
            "questions": questions,
            "hasQuestions": questions.count >= 2,
            "toc": contents,
            "hasToc": contents.count >= 3,
            "body": articleBody,
            "jsonLD": FAQSchema.jsonLD(title: article.title, sections: bodySections,
                                       questionIDs: Set(article.page.document.headings.filter { $0.level == 2 }.map(\.id)),
                                       citations: article.sources.map { ($0.citation, $0.url) }) ?? "",
            "bodySections": bodySections,
            "related": related,
            "hasRelated": !related.isEmpty,
            "backlinks": backlinks(ref, from: path),
            "hasBacklinks": !site.graph.backlinks(to: ref).isEmpty,
        ]
        if let region = article.region, let term = site.regions.first(where: { $0.name == region.value }) {
            context["region"] = ["name": regionName(region.value), "href": link("regions/\(term.slug)/index.html", from: path)]
        }
        context.merge(sourcesContext(article.sources, article.verification)) { $1 }
        return context
    }

    /// A page's `sources` (each `《title》article`, linked to its official address when there is
    /// one) and, in the internal wiki only, its `verified` badge and `unverified` notes.
    func sourcesContext(_ sources: [SourceCitation], _ verification: Verification) -> [String: Any] {
        let items: [[String: Any]] = sources.map { source in
            ["text": source.citation, "href": source.url ?? "", "rel": source.url == nil ? "" : externalRel ?? ""]
        }
        let notes = site.audience.includesInternal ? verification.unverified : []
        var context: [String: Any] = [
            "sources": items, "hasSources": !items.isEmpty,
            "unverified": notes, "hasUnverified": !notes.isEmpty,
            "hasSourcesSection": !items.isEmpty || !notes.isEmpty,
        ]
        if site.audience.includesInternal, !verification.isEmpty {
            context["verification"] = ["date": verification.verified?.description ?? "", "partial": !verification.unverified.isEmpty]
        }
        return context
    }

    /// An entry type's label; `rejected` on a filing (备案) reads 不予备案 where the theme has `entry.rejected.filing`.
    func entryLabel(_ type: TimelineEntry.EntryType, permit: String) -> String {
        if type == .rejected, site.permit(permit)?.kind == .filing, let label = ui["entry.rejected.filing"] { return label }
        return ui["entry.\(type.rawValue)"] ?? type.rawValue
    }

    func filingContext(_ filing: Filing, _ path: String) -> [String: Any] {
        let ref = PageRef(.filings, filing.id)
        let links = site.entryLinks[filing.id] ?? []
        // Entries in date order; equal dates keep the order they were written in.
        let analysis = site.analyses[filing.id]
        let ordered = analysis?.order ?? Array(filing.timeline.indices)
        var round = 0
        let entries: [[String: Any]] = ordered.map { index in
            let entry = filing.timeline[index]
            let entryLinks = index < links.count ? links[index] : Site.EntryLinks(refs: [], note: [])
            var item: [String: Any] = [
                "date": entry.date.description,
                "type": entry.type.rawValue,
                "typeLabel": entryLabel(entry.type, permit: filing.permit.value),
                "from": entry.from?.rawValue ?? "",
                "fromLabel": entry.from.map { ui["from.\($0.rawValue)"] ?? $0.rawValue } ?? "",
                "channel": entry.channel.map { ui["channel.\($0.rawValue)"] ?? $0.rawValue } ?? "",
                "summary": entry.summary,
                "changes": entry.changes, "hasChanges": !entry.changes.isEmpty,
                "clauses": entry.clauses, "hasClauses": !entry.clauses.isEmpty,
                "pages": entry.pages, "hasPages": !entry.pages.isEmpty,
                "internal": entry.isInternal,
                "days": entry.days.map(String.init) ?? "",
            ]
            if entry.type == .supplementRequested {
                round += 1
                item["round"] = (ui["round"] ?? "{n}").replacingOccurrences(of: "{n}", with: String(round))
            }
            let refs: [[String: Any]] = zip(entry.refs, entryLinks.refs).map { written, resolved in
                var text = written.value
                if case .page(let target, let fragment) = resolved, let title = titleOf(target, fragment) { text = title }
                if resolved == .unavailable || resolved == .broken { text = ui["unavailable"] ?? "…" }
                return ["text": text, "href": MarkdownHTML.href(for: resolved, from: path) ?? "",
                        "rel": MarkdownHTML.leavesSite(resolved) ? externalRel ?? "" : ""]
            }
            item["refs"] = refs
            item["hasRefs"] = !refs.isEmpty
            if let note = entry.note {
                var renderer = MarkdownHTML(pagePath: path, unsafeHTML: site.settings.unsafeHTML, links: entryLinks.note,
                                            unavailableText: ui["unavailable"] ?? "…", titleOf: titleOf)
                renderer.calloutTitles = MarkdownRendering.calloutTitles(ui)
                renderer.externalRel = externalRel
                item["note"] = renderer.render(note.root)
            }
            return item
        }
        var context: [String: Any] = [
            "title": filing.title,
            "status": filing.status.rawValue,
            "statusLabel": ui["status.\(filing.status.rawValue)"] ?? filing.status.rawValue,
            "reference": filing.reference ?? "",
            "owner": site.audience.includesInternal ? (filing.owner ?? "") : "",
            "opened": filing.opened?.description ?? "",
            "timeline": entries,
            "hasTimeline": !entries.isEmpty,
            "body": body(filing.page, ref: ref, path: path),
            "attachments": filing.attachments.map { attachment in
                ["name": String(attachment.split(separator: "/").last ?? ""), "href": link(attachment, from: path)]
            },
            "hasAttachments": !filing.attachments.isEmpty,
            "backlinks": backlinks(ref, from: path),
            "hasBacklinks": !site.graph.backlinks(to: ref).isEmpty,
        ]
        if let analysis {
            context["clock"] = ClockView.clock(analysis, ui: ui)
            context["whoseMove"] = ClockView.whoseMove(analysis.whoseMove, ui: ui)
            context["rounds"] = ClockView.rounds(analysis)
            context["hasRounds"] = !analysis.rounds.isEmpty
            context["chart"] = TimelineChart.svg(filing: filing, analysis: analysis, today: site.today, ui: ui, id: "chart") ?? ""
        }
        if let client = site.client(filing.client.value) {
            context["client"] = ["name": client.name,
                                 "href": site.audience.showsClients ? link(PageRef(.clients, client.id).outputPath, from: path) : ""]
        }
        if let permit = site.permit(filing.permit.value) {
            context["permit"] = ["name": permit.name, "href": link(PageRef(.permits, permit.id).outputPath, from: path)]
        }
        if let region = filing.region, let term = site.regions.first(where: { $0.name == region.value }) {
            context["region"] = ["name": regionName(region.value), "href": link("regions/\(term.slug)/index.html", from: path)]
        }
        if let memo = filing.memo {
            context["memo"] = ["purpose": memo.purpose ?? "", "logic": memo.logic ?? "", "risk": memo.risk ?? ""]
        }
        return context
    }

    func permitContext(_ permit: Permit, _ path: String) -> [String: Any] {
        let ref = PageRef(.permits, permit.id)
        let articles = site.articles.filter { $0.permits.contains { $0.value == permit.id } }
        // Articles grouped by tag; an article with several tags appears under each.
        var groups: [String: [Article]] = [:]
        for article in articles {
            if article.tags.isEmpty { groups[ui["untagged"] ?? "", default: []].append(article) }
            for tag in article.tags { groups[tag, default: []].append(article) }
        }
        let filings = site.filings.filter { $0.permit.value == permit.id }
        let statistics = PermitStatistics.compute(filings: filings, analyses: site.analyses)
        let unit = permit.reviewUnit == .working ? ui["workingDays"] ?? "" : ui["calendarDays"] ?? ""
        let context: [String: Any] = [
            "name": permit.name,
            "nameEn": permit.nameEn ?? "",
            "kind": permit.kind.map { ui["kind.\($0.rawValue)"] ?? $0.rawValue } ?? "",
            "authority": permit.authority ?? "",
            "basis": permit.basis ?? "",
            "reviewPeriod": permit.reviewDays.map { "\($0) \(unit)" } ?? "",
            "validity": permit.validity ?? "",
            "body": body(permit.page, ref: ref, path: path),
            "articleCount": articles.count,
            "articleGroups": groups.keys.sorted().map { tag in
                let list = groups[tag] ?? []
                return ["tag": tag, "count": list.count, "articles": list.map { articleItem($0, from: path) }] as [String: Any]
            },
            "hasArticles": !articles.isEmpty,
            "filings": filings.map { filingItem($0, from: path) },
            "hasFilings": !filings.isEmpty,
            "showFilings": site.audience.showsFilings,
            "statusGroups": statistics.countsByStatus.map { status, count in
                [
                    "status": status.rawValue, "label": ui["status.\(status.rawValue)"] ?? status.rawValue, "count": count,
                    "filings": filings.filter { $0.status == status }.map { filingItem($0, from: path) },
                ] as [String: Any]
            },
            "medianDays": statistics.medianWorkingDaysToDecision.map(Self.number) ?? "",
            "medianRounds": statistics.medianRounds.map(Self.number) ?? "",
            "approvalRate": statistics.approvalRate.map { "\(Int(($0 * 100).rounded()))% (\(statistics.decidedCount))" } ?? "",
            "recentRequests": statistics.recentRequests.map { item in
                [
                    "date": item.entry.date.description,
                    "typeLabel": ui["entry.\(item.entry.type.rawValue)"] ?? item.entry.type.rawValue,
                    "summary": item.entry.summary,
                    "filing": site.filing(item.filing)?.title ?? item.filing,
                    "href": link(PageRef(.filings, item.filing).outputPath, from: path),
                ]
            },
            "hasRecentRequests": !statistics.recentRequests.isEmpty,
            "backlinks": backlinks(ref, from: path),
            "hasBacklinks": !site.graph.backlinks(to: ref).isEmpty,
        ]
        return context.merging(sourcesContext(permit.sources, permit.verification)) { $1 }
    }

    /// `12` or `12.5`.
    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    func clientContext(_ client: Client, _ path: String) -> [String: Any] {
        let ref = PageRef(.clients, client.id)
        let filings = site.filings.filter { $0.client.value == client.id }
        return [
            "name": client.name,
            "industry": client.industry ?? "",
            "contact": client.contact ?? "",
            "body": body(client.page, ref: ref, path: path),
            "filings": filings.map { filingItem($0, from: path) },
            "hasFilings": !filings.isEmpty,
            "backlinks": backlinks(ref, from: path),
            "hasBacklinks": !site.graph.backlinks(to: ref).isEmpty,
        ]
    }

    func termContext(_ term: TaxonomyTerm, label: String, _ path: String) -> [String: Any] {
        let members = Set(term.articles)
        let articles = site.articles.filter { members.contains($0.id) }
        let filings = term.filings.compactMap { site.filing($0) }
        return [
            "name": label,
            "articles": articles.map { articleItem($0, from: path) },
            "hasArticles": !articles.isEmpty,
            "filings": filings.map { filingItem($0, from: path) },
            "hasFilings": !filings.isEmpty,
        ]
    }
}
