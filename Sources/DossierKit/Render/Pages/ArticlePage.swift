/// A knowledge-base article's page.
extension SiteRenderer {
    func articlePage(_ article: Article, _ path: String) -> PageContent {
        let ref = PageRef(.kb, article.id)
        let articleBody = body(article.page, ref: ref, path: path)
        // Cut once, used by the FAQ schema here and by the search index.
        let bodySections = SearchDocument.sections(fromHTML: articleBody)
        let jsonLD = FAQSchema.jsonLD(title: article.title, sections: bodySections,
                                      questionIDs: Set(article.page.document.headings.filter { $0.level == 2 }.map(\.id)),
                                      citations: article.sources.map { ($0.citation, $0.url) })
        let view = ArticlePageView(
            ui: uiValue,
            title: article.title,
            summary: article.summary ?? "",
            date: article.date.description,
            dateText: dateText(article.date),
            updated: article.updated?.description ?? "",
            updatedText: article.updated.map(dateText),
            isInternal: article.audience == .internal,
            draft: article.draft,
            permits: article.permits.compactMap { site.permit($0.value) }.map {
                LinkView(name: $0.name, href: link(PageRef(.permits, $0.id).outputPath, from: path))
            },
            tags: article.tags.compactMap { name in site.tags.first { $0.name == name } }.map {
                LinkView(name: $0.name, href: link("tags/\($0.slug)/index.html", from: path))
            },
            region: article.region.flatMap { regionLink($0.value, from: path) },
            questions: toc(article.page.document, levels: 2...2),
            toc: toc(article.page.document, levels: 2...3),
            body: articleBody,
            related: (site.related[article.id] ?? []).compactMap { site.article($0) }.map { articleItem($0, from: path) },
            sources: sources(article.sources, article.verification),
            backlinks: backlinks(ref, from: path))
        return PageContent(view, body: articleBody, bodySections: bodySections, jsonLD: jsonLD)
    }
}
