/// A client's page.
extension SiteRenderer {
    func clientPage(_ client: Client, _ path: String) -> PageContent {
        let ref = PageRef(.clients, client.id)
        let clientBody = body(client.page, ref: ref, path: path)
        return PageContent(ClientPageView(
            ui: uiValue,
            name: client.name,
            industry: client.industry ?? "",
            contact: client.contact ?? "",
            body: clientBody,
            filings: site.filings.filter { $0.client.value == client.id }.map { filingItem($0, from: path) },
            backlinks: backlinks(ref, from: path)), body: clientBody)
    }
}
