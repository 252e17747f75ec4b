/// The index pages: every permit, article, filing, client, tag or region in one list.
extension SiteRenderer {
    func permitsPage(_ path: String) -> PageContent {
        PageContent(PermitsPageView(ui: uiValue, permits: site.permits.map { permitItem($0, from: path) }))
    }

    func articlesPage(_ path: String) -> PageContent {
        PageContent(ArticlesPageView(ui: uiValue, articles: site.articles.map { articleItem($0, from: path) }))
    }

    func filingsPage(_ path: String) -> PageContent {
        PageContent(FilingsPageView(ui: uiValue, filings: site.filings.map { filingItem($0, from: path) }))
    }

    func clientsPage(_ path: String) -> PageContent {
        PageContent(ClientsPageView(ui: uiValue, clients: site.clients.map { client in
            ClientItemView(name: client.name, href: link(PageRef(.clients, client.id).outputPath, from: path),
                           industry: client.industry ?? "",
                           filingCount: site.filings.filter { $0.client.value == client.id }.count)
        }))
    }

    /// The tags' or the regions' page.
    func termsPage(_ terms: [TermItemView]) -> PageContent {
        PageContent(TermsPageView(ui: uiValue, terms: terms))
    }

    /// A tag's or a region's page.
    func termPage(_ term: TaxonomyTerm, label: String, _ path: String) -> PageContent {
        let members = Set(term.articles)
        return PageContent(TermPageView(ui: uiValue, name: label,
                                        articles: site.articles.filter { members.contains($0.id) }.map { articleItem($0, from: path) },
                                        filings: term.filings.compactMap { site.filing($0) }.map { filingItem($0, from: path) }))
    }
}
