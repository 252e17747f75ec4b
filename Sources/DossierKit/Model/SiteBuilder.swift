/// The model stage: checks references between pages, decides what this build contains, resolves
/// every link, and derives backlinks, related articles, tags and regions.
public struct SiteBuilder: Sendable {
    public var audience: Audience
    public var includeDrafts: Bool
    public var today: Day

    public init(audience: Audience = .internal, includeDrafts: Bool = false, today: Day) {
        self.audience = audience
        self.includeDrafts = includeDrafts
        self.today = today
    }

    public func build(_ content: ParsedContent) -> (site: Site?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let settings = content.settings else { return (nil, diagnostics) }

        var permits = unique(content.permits, diagnostics: &diagnostics)
            .sorted { ($0.order ?? Int.max, $0.id) < ($1.order ?? Int.max, $1.id) }
        var clients = unique(content.clients, diagnostics: &diagnostics)
            .sorted { $0.id < $1.id }
        // Newest change first (updated, else published), then by id.
        let allArticles = unique(content.articles, diagnostics: &diagnostics)
            .sorted { ($0.updated ?? $0.date, $1.id) > ($1.updated ?? $1.date, $0.id) }
        let allFilings = unique(content.filings, diagnostics: &diagnostics)
            .sorted { $0.id < $1.id }

        // References between pages.
        let permitIDs = Set(permits.map(\.id))
        let clientIDs = Set(clients.map(\.id))
        for article in allArticles {
            for permit in article.permits where !permitIDs.contains(permit.value) {
                diagnostics.append(.error(article.page.displayPath, permit.position,
                    "unknown permit '\(permit.value)'\(Suggestion.hint(for: permit.value, in: permitIDs))"))
            }
            checkRegion(article.region, path: article.page.displayPath, diagnostics: &diagnostics)
        }
        for filing in allFilings {
            // An empty id is a missing or unreadable key, reported by the parse stage already.
            if !filing.permit.value.isEmpty, !permitIDs.contains(filing.permit.value) {
                diagnostics.append(.error(filing.page.displayPath, filing.permit.position,
                    "unknown permit '\(filing.permit.value)'\(Suggestion.hint(for: filing.permit.value, in: permitIDs))"))
            }
            if !filing.client.value.isEmpty, !clientIDs.contains(filing.client.value) {
                diagnostics.append(.error(filing.page.displayPath, filing.client.position,
                    "unknown client '\(filing.client.value)'\(Suggestion.hint(for: filing.client.value, in: clientIDs))"))
            }
            checkRegion(filing.region, path: filing.page.displayPath, diagnostics: &diagnostics)
        }

        diagnostics += Placeholders.warnings(articles: allArticles, filings: allFilings, permits: permits, clients: clients)
        // Version 2: responses
        diagnostics += ResponseChecks.check(filings: allFilings, permits: permits)

        // What this build contains.
        var articles = allArticles.filter(includes)
        var filings = allFilings.filter(includes)
        if !audience.includesInternal {
            // Keys declared internal (`owner`, `verified`, `unverified`) are notes for the team: not
            // in a brief or on the public site, neither as a property nor among the declared values
            // at any depth (a new internal key is dropped here without new code; a property filled
            // from one must be cleared here too).
            for index in filings.indices {
                // Version 2: responses (before internal entries go: answers are bound on the whole timeline)
                filings[index] = FilingResponses.withoutInternalAnswers(filings[index])
                filings[index].timeline.removeAll { $0.isInternal }
                filings[index].owner = nil
                filings[index].values = filings[index].values.withoutInternal(FilingSchema.declaration)
                // Version 2: deadlines. A `deadlines` item written `internal: true` goes as a whole.
                filings[index].values = filings[index].values.withoutInternalItems(FilingSchema.deadlines,
                                                                                   flag: DeadlineItemSchema.isInternal)
                for entry in filings[index].timeline.indices {
                    filings[index].timeline[entry].values = filings[index].timeline[entry].values
                        .withoutInternal(TimelineEntrySchema.declaration)
                }
            }
            for index in articles.indices {
                articles[index].verification = Verification()
                articles[index].values = articles[index].values.withoutInternal(ArticleSchema.declaration)
            }
            for index in permits.indices {
                permits[index].verification = Verification()
                permits[index].values = permits[index].values.withoutInternal(PermitSchema.declaration)
            }
            for index in clients.indices {
                clients[index].values = clients[index].values.withoutInternal(ClientSchema.declaration)
            }
        }
        let visibleClients = clients.filter { client in
            switch audience {
            case .internal: return true
            case .client(let id): return client.id == id
            case .public: return false
            }
        }
        let visiblePermits: [Permit]
        if case .client = audience {
            let used = Set(filings.map(\.permit.value)).union(articles.flatMap { $0.permits.map(\.value) })
            visiblePermits = permits.filter { used.contains($0.id) }
        } else {
            visiblePermits = permits
        }

        // Every page is known to the resolver; only included ones can be linked to.
        var resolver = LinkResolver()
        let includedArticles = Set(articles.map(\.id))
        let includedFilings = Set(filings.map(\.id))
        let includedPermits = Set(visiblePermits.map(\.id))
        let includedClients = Set(visibleClients.map(\.id)).subtracting(audience == .internal ? [] : Set(clients.map(\.id)))
        register(permits, included: includedPermits, in: &resolver)
        register(clients, included: includedClients, in: &resolver)
        register(allArticles, included: includedArticles, in: &resolver)
        register(allFilings, included: includedFilings, in: &resolver)
        var copies: [Site.FileCopy] = []
        for asset in content.assets {
            resolver.addFile(source: asset.relativePath, output: asset.relativePath)
        }
        let folderDossiers = Set(filings.filter { $0.page.relativePath.hasSuffix("/index.md") }.map(\.id))
        for attachment in content.attachments {
            guard case .attachment(let filingID) = attachment.role, folderDossiers.contains(filingID) else { continue }
            resolver.addFile(source: attachment.relativePath, output: attachment.relativePath)
            copies.append(Site.FileCopy(source: attachment, outputPath: attachment.relativePath))
        }

        // Links: each page's on its own, on every core (the resolver is only read).
        var bodyLinks: [PageRef: [ResolvedLink]] = [:]
        var graphLinks: [PageRef: [ResolvedLink]] = [:]
        var bodies: [(ref: PageRef, page: PageSource)] = visiblePermits.map { ($0.ref, $0.page) }
        bodies += visibleClients.filter { includedClients.contains($0.id) }.map { ($0.ref, $0.page) }
        bodies += articles.map { ($0.ref, $0.page) }
        bodies += filings.map { ($0.ref, $0.page) }
        let links = resolver
        let resolvedBodies = Parallel.map(bodies) { ref, page -> ([ResolvedLink], [Diagnostic]) in
            var problems: [Diagnostic] = []
            let resolved = page.document.links.map {
                links.resolve($0, from: page.relativePath, page: ref, displayPath: page.displayPath, diagnostics: &problems)
            }
            return (resolved, problems)
        }
        for ((ref, _), (resolved, problems)) in zip(bodies, resolvedBodies) {
            bodyLinks[ref] = resolved
            graphLinks[ref, default: []].append(contentsOf: resolved)
            diagnostics += problems
        }
        let resolvedEntries = Parallel.map(filings) { filing -> ([Site.EntryLinks], [Diagnostic]) in
            let ref = PageRef(.filings, filing.id)
            var problems: [Diagnostic] = []
            let perEntry = filing.timeline.map { entry in
                let refs = entry.refs.map {
                    links.resolveRef($0.value, at: $0.position, from: filing.page.relativePath,
                                     displayPath: filing.page.displayPath, diagnostics: &problems)
                }
                let note = (entry.note?.links ?? []).map {
                    links.resolve($0, from: filing.page.relativePath, page: ref, displayPath: filing.page.displayPath,
                                  diagnostics: &problems)
                }
                return Site.EntryLinks(refs: refs, note: note)
            }
            return (perEntry, problems)
        }
        var entryLinks: [String: [Site.EntryLinks]] = [:]
        for (filing, (perEntry, problems)) in zip(filings, resolvedEntries) {
            entryLinks[filing.id] = perEntry
            for entry in perEntry { graphLinks[PageRef(.filings, filing.id), default: []].append(contentsOf: entry.refs + entry.note) }
            diagnostics += problems
        }
        let graph = LinkGraph(links: graphLinks)

        // The internal wiki gets every asset; other audiences only those their pages use, so a
        // scan kept under assets/ for an internal page never reaches them.
        var usedFiles: Set<String> = []
        for links in graphLinks.values {
            for case .file(let path, _) in links { usedFiles.insert(path) }
        }
        for asset in content.assets where audience.includesInternal || usedFiles.contains(asset.relativePath) {
            copies.append(Site.FileCopy(source: asset, outputPath: asset.relativePath))
        }

        // Timelines: the clock, whose move, rounds; warnings about what does not add up.
        var analyses: [String: FilingAnalysis] = [:]
        var deadlines: [String: [Deadline]] = [:]
        let remedies = settings.values[SettingsSchema.remedies] ?? true
        var missingYears: [Int: Filing] = [:]
        let permitsByID = Dictionary(permits.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Each filing on its own, on every core; gathered in filing order.
        let calendar = content.calendar
        let today = self.today
        var responses: [String: FilingResponses] = [:]
        let analysed = Parallel.map(filings) { filing -> (FilingAnalysis, [Deadline], FilingResponses, [Diagnostic]) in
            let permit = permitsByID[filing.permit.value]
            let analysis = FilingAnalysis.analyse(filing, permit: permit, calendar: calendar, today: today)
            // Version 2: deadlines and responses, once per filing (every page that shows them reads these).
            let filingDeadlines = FilingDeadlines.compute(filing, permit: permit, analysis: analysis, calendar: calendar,
                                                          today: today, remedies: remedies)
            return (analysis, filingDeadlines, FilingResponses(filing),
                    TimelineChecks.check(filing, analysis: analysis, today: today) + DeadlineChecks.check(filing, analysis: analysis))
        }
        for (filing, (analysis, filingDeadlines, filingResponses, checks)) in zip(filings, analysed) {
            analyses[filing.id] = analysis
            deadlines[filing.id] = filingDeadlines
            responses[filing.id] = filingResponses
            diagnostics += checks
            for year in analysis.clock?.missingCalendarYears ?? [] where missingYears[year] == nil {
                missingYears[year] = filing
            }
        }
        for (year, filing) in missingYears.sorted(by: { $0.key < $1.key }) {
            let at = filing.timeline.first { $0.type == .accepted || $0.type == .submitted }?.position ?? filing.statusPosition
            diagnostics.append(.warning(filing.page.displayPath, at,
                "there is no calendar/\(year).yml: working days in \(year) are counted as Monday to Friday, without official holidays"))
        }

        let related = RelatedArticles.compute(articles.map {
            RelatedArticles.Input(id: $0.id, date: $0.updated ?? $0.date, permits: $0.permits.map(\.value), tags: $0.tags)
        })
        let tags = Taxonomy.group(articles.flatMap { article in article.tags.map { ($0, article.id, nil) } })
        var regionItems: [(term: String, article: String?, filing: String?)] = articles.compactMap { article in
            article.region.map { ($0.value, article.id, nil) }
        }
        regionItems += filings.compactMap { filing in filing.region.map { ($0.value, nil, filing.id) } }
        let regions = Taxonomy.group(regionItems)

        var site = Site(settings: settings, today: today, audience: audience, permits: visiblePermits,
                        clients: visibleClients, articles: articles, filings: filings, calendar: content.calendar,
                        tags: tags, regions: regions, bodyLinks: bodyLinks, entryLinks: entryLinks, graph: graph,
                        related: related, analyses: analyses, resolver: resolver, copies: copies.sorted { $0.outputPath < $1.outputPath })
        site.deadlines = deadlines
        site.responses = responses
        site.reindex()
        // A public site without base_url has no sitemap and no feed (their addresses must be absolute).
        diagnostics += SitePrivacy.warnings(audience: audience, settings: settings)
        return (site, diagnostics)
    }

    func includes(_ article: Article) -> Bool {
        if article.draft && !includeDrafts { return false }
        return article.audience == .public || audience.includesInternal
    }

    func includes(_ filing: Filing) -> Bool {
        switch audience {
        case .internal: return true
        case .client(let id): return filing.client.value == id
        case .public: return false
        }
    }

    func checkRegion(_ region: Located<String>?, path: String, diagnostics: inout [Diagnostic]) {
        guard let region else { return }
        if let id = RegionNames.id(for: region.value) {
            diagnostics.append(.error(path, region.position, "region '\(region.value)' is written as an id: region: \(id)"))
        } else if !PageID.isValid(region.value) {
            diagnostics.append(.error(path, region.position,
                "region '\(region.value)' must be 'national' or a province id in a-z, 0-9 and '-' (e.g. guangdong)"))
        }
    }

    /// Makes every page of a kind known to the resolver; only `included` ones can be linked to.
    func register<Page: ContentPage>(_ pages: [Page], included: Set<String>, in resolver: inout LinkResolver) {
        for page in pages {
            resolver.add(page.ref, source: page.page.relativePath, title: page.linkTitle, headings: page.page.document.headings,
                         hidden: page.page.document.hiddenHeadingIDs, included: included.contains(page.id))
        }
    }

    /// Pages of one kind, each id once: keeps the first page of each id (in path order) and reports
    /// the others.
    func unique<Page: ContentPage>(_ items: [Page], diagnostics: inout [Diagnostic]) -> [Page] {
        var seen: [String: String] = [:]
        var result: [Page] = []
        // The parse gives pages in path order already; sorting copies every page, so check first.
        let inOrder = zip(items, items.dropFirst()).allSatisfy { $0.page.relativePath <= $1.page.relativePath }
        for item in inOrder ? items : items.sorted(by: { $0.page.relativePath < $1.page.relativePath }) {
            if let first = seen[item.id] {
                diagnostics.append(.error(item.page.displayPath, .start,
                    "duplicate \(Page.kind.noun) id '\(item.id)': \(first) has the same id"))
                continue
            }
            seen[item.id] = item.page.displayPath
            result.append(item)
        }
        return result
    }
}
