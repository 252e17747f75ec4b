/// A knowledge-base article in a list (`article-list`, related articles).
struct ArticleItemView: TemplateView {
    var title: String
    var href: String
    var summary: String
    /// The day it was last updated, else published.
    var date: String
    var dateText: String?
    var isInternal: Bool
    var draft: Bool

    static let fields = ViewFields<ArticleItemView>("article in a list", [
        .text("title") { $0.title },
        .text("href") { $0.href },
        .text("summary") { $0.summary },
        .text("date") { $0.date },
        .text("dateText") { $0.dateText },
        .flag("internal") { $0.isInternal },
        .flag("draft") { $0.draft },
    ])
}
