/// The knowledge base's index: every article.
struct ArticlesPageView: TemplateView {
    var ui: TemplateValue
    var articles: [ArticleItemView]

    static let fields = ViewFields<ArticlesPageView>("knowledge base page", [
        .strings("ui") { $0.ui },
        .views("articles") { $0.articles },
        .flag("hasArticles") { !$0.articles.isEmpty },
    ])
}
