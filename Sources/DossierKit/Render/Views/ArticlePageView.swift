/// A knowledge-base article's page.
struct ArticlePageView: TemplateView {
    var ui: TemplateValue
    var title: String
    var summary: String
    var date: String
    var dateText: String
    var updated: String
    var updatedText: String?
    var isInternal: Bool
    var draft: Bool
    var permits: [LinkView]
    var tags: [LinkView]
    var region: LinkView?
    /// The article's questions (its second-level headings), listed when there are two or more.
    var questions: [TocEntryView]
    /// Its second- and third-level headings, listed when there are three or more.
    var toc: [TocEntryView]
    var body: String
    var related: [ArticleItemView]
    var sources: SourcesView
    var backlinks: [BacklinkView]

    static let fields = ViewFields<ArticlePageView>("article page", [
        .strings("ui") { $0.ui },
        .text("title") { $0.title },
        .text("summary") { $0.summary },
        .text("date") { $0.date },
        .text("dateText") { $0.dateText },
        .text("updated") { $0.updated },
        .text("updatedText") { $0.updatedText },
        .flag("internal") { $0.isInternal },
        .flag("draft") { $0.draft },
        .views("permits") { $0.permits },
        .views("tags") { $0.tags },
        .view("region") { $0.region },
        .views("questions") { $0.questions },
        .flag("hasQuestions") { $0.questions.count >= 2 },
        .views("toc") { $0.toc },
        .flag("hasToc") { $0.toc.count >= 3 },
        .html("body") { $0.body },
        .views("related") { $0.related },
        .flag("hasRelated") { !$0.related.isEmpty },
    ] + SourcesView.pageFields { $0.sources } + BacklinkView.pageFields { $0.backlinks })
}
