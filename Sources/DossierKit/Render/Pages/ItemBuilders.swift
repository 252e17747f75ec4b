/// The pieces several pages list: articles, filings, permits, terms, backlinks, sources.
extension SiteRenderer {
    func articleItem(_ article: Article, from path: String) -> ArticleItemView {
        let day = article.updated ?? article.date
        return ArticleItemView(title: article.title, href: link(PageRef(.kb, article.id).outputPath, from: path),
                               summary: article.summary ?? "", date: day.description, dateText: dateText(day),
                               isInternal: article.audience == .internal, draft: article.draft)
    }

    func filingItem(_ filing: Filing, from path: String) -> FilingItemView {
        let analysis = site.analyses[filing.id]
        let lastDay = filing.timeline.map(\.date).max() ?? filing.opened
        return FilingItemView(
            title: filing.title,
            href: link(PageRef(.filings, filing.id).outputPath, from: path),
            status: filing.status.rawValue,
            statusLabel: ui["status.\(filing.status.rawValue)"] ?? filing.status.rawValue,
            client: site.client(filing.client.value)?.name ?? filing.client.value,
            permit: site.permit(filing.permit.value)?.name ?? filing.permit.value,
            reference: filing.reference ?? "",
            lastDate: lastDay,
            lastDateText: lastDay.map(dateText),
            clock: analysis.map { ClockView($0, ui: ui, dates: dateFormat) } ?? .none,
            whoseMove: analysis.map { WhoseMoveView($0.whoseMove, ui: ui, dates: dateFormat) } ?? .none)
    }

    func permitItem(_ permit: Permit, from path: String) -> PermitItemView {
        PermitItemView(name: permit.name, nameEn: permit.nameEn ?? "", href: link(PageRef(.permits, permit.id).outputPath, from: path),
                       authority: permit.authority ?? "",
                       articleCount: site.articles.filter { $0.permits.contains { $0.value == permit.id } }.count,
                       filingCount: site.filings.filter { $0.permit.value == permit.id }.count)
    }

    func termItem(_ term: TaxonomyTerm, folder: String, label: String, from path: String) -> TermItemView {
        TermItemView(name: label, href: link("\(folder)/\(term.slug)/index.html", from: path),
                     count: term.articles.count + term.filings.count)
    }

    /// The region's chip, when the region is one the site lists.
    func regionLink(_ region: String, from path: String) -> LinkView? {
        guard let term = site.regions.first(where: { $0.name == region }) else { return nil }
        return LinkView(name: regionName(region), href: link("regions/\(term.slug)/index.html", from: path))
    }

    func backlinks(_ ref: PageRef, from path: String) -> [BacklinkView] {
        site.graph.backlinks(to: ref).map { source in
            BacklinkView(title: site.resolver.title(of: source) ?? source.id, href: link(source.outputPath, from: path),
                         kind: ui[source.kind.rawValue] ?? source.kind.rawValue)
        }
    }

    /// The headings of a document at `levels`, linked by their anchors.
    func toc(_ document: MarkdownDocument, levels: ClosedRange<Int>) -> [TocEntryView] {
        document.headings.filter { levels.contains($0.level) }.map {
            TocEntryView(text: $0.text, href: "#" + HTML.encodePath($0.id), level: $0.level, sub: $0.level > levels.lowerBound)
        }
    }

    /// A page's sources (each `《title》article`, linked to its official address when there is
    /// one) and, in the internal wiki only, its verified badge and unverified notes.
    func sources(_ sources: [SourceCitation], _ verification: Verification) -> SourcesView {
        let inWiki = site.audience.includesInternal
        var badge: VerificationView?
        if inWiki, !verification.isEmpty {
            badge = VerificationView(partial: !verification.unverified.isEmpty, date: verification.verified?.description ?? "",
                                     dateText: verification.verified.map(dateText))
        }
        return SourcesView(
            sources: sources.map { source in
                TextLinkView(text: source.citation, href: source.url ?? "", rel: source.url == nil ? "" : externalRel ?? "")
            },
            unverified: inWiki ? verification.unverified : [],
            verification: badge)
    }
}
