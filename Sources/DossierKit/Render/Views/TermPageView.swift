/// A tag's or a region's page: the articles and filings under it.
struct TermPageView: TemplateView {
    var ui: TemplateValue
    /// The tag, or the region's name in the interface language.
    var name: String
    var articles: [ArticleItemView]
    var filings: [FilingItemView]

    static let fields = ViewFields<TermPageView>("tag or region page", [
        .strings("ui") { $0.ui },
        .text("name") { $0.name },
        .views("articles") { $0.articles },
        .flag("hasArticles") { !$0.articles.isEmpty },
        .views("filings") { $0.filings },
        .flag("hasFilings") { !$0.filings.isEmpty },
    ])
}
