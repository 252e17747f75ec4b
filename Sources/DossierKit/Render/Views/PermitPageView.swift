/// A permit's page: its facts, articles by tag, and (where the audience gets filings) its
/// filings by status with the figures made from them.
struct PermitPageView: TemplateView {
    var ui: TemplateValue
    var name: String
    var nameEn: String
    var kind: String
    var authority: String
    var basis: String
    var reviewPeriod: String
    var validity: String
    var body: String
    var articleCount: Int
    var articleGroups: [ArticleGroupView]
    var showFilings: Bool
    /// Every filing under the permit.
    var filings: [FilingItemView]
    var statusGroups: [StatusGroupView]
    var medianDays: String
    var medianRounds: String
    var approvalRate: String
    var recentRequests: [RecentRequestView]
    var sources: SourcesView
    var backlinks: [BacklinkView]
    // Version 2: the clock
    /// Figures per review stage, for a permit with more than one.
    var stageFigures: [StageFiguresView] = []
    // Version 2: deadlines
    /// The clients' permits of this type that expire in the next 90 days (internal wiki only).
    var expiring: [ExpiringPermitView] = []
    // Version 2: responses
    var checklist: [ChecklistItemView] = []

    static let fields = ViewFields<PermitPageView>("permit page", [
        .strings("ui") { $0.ui },
        .text("name") { $0.name },
        .text("nameEn") { $0.nameEn },
        .text("kind") { $0.kind },
        .text("authority") { $0.authority },
        .text("basis") { $0.basis },
        .text("reviewPeriod") { $0.reviewPeriod },
        .text("validity") { $0.validity },
        .html("body") { $0.body },
        .number("articleCount") { $0.articleCount },
        .views("articleGroups") { $0.articleGroups },
        .flag("hasArticles") { $0.articleCount > 0 },
        .flag("showFilings") { $0.showFilings },
        .views("filings") { $0.filings },
        .flag("hasFilings") { !$0.filings.isEmpty },
        .views("statusGroups") { $0.statusGroups },
        .text("medianDays") { $0.medianDays },
        .text("medianRounds") { $0.medianRounds },
        .text("approvalRate") { $0.approvalRate },
        .views("recentRequests") { $0.recentRequests },
        .flag("hasRecentRequests") { !$0.recentRequests.isEmpty },
    ] + SourcesView.pageFields { $0.sources } + BacklinkView.pageFields { $0.backlinks } + [
        // Version 2: the clock
        .views("stageFigures") { $0.stageFigures },
        .flag("hasStageFigures") { !$0.stageFigures.isEmpty },
        // Version 2: deadlines
        .views("expiring") { $0.expiring },
        .flag("hasExpiring") { !$0.expiring.isEmpty },
        // Version 2: responses
        .views("checklist") { $0.checklist },
        .flag("hasChecklist") { !$0.checklist.isEmpty },
    ])
}

// Version 2: the clock
/// One review stage's figures on a permit page.
struct StageFiguresView: TemplateView {
    var stage: Int
    var name: String
    var medianUsed: String
    var medianRounds: String
    var unitLabel: String

    static let fields = ViewFields<StageFiguresView>("review stage figures", [
        .number("stage") { $0.stage },
        .text("name") { $0.name },
        .text("medianUsed") { $0.medianUsed },
        .text("medianRounds") { $0.medianRounds },
        .text("unitLabel") { $0.unitLabel },
    ])
}

/// A permit's articles under one tag.
struct ArticleGroupView: TemplateView {
    var tag: String
    var articles: [ArticleItemView]

    static let fields = ViewFields<ArticleGroupView>("articles under a tag", [
        .text("tag") { $0.tag },
        .number("count") { $0.articles.count },
        .views("articles") { $0.articles },
    ])
}

/// A permit's filings in one status.
struct StatusGroupView: TemplateView {
    var status: String
    var label: String
    var filings: [FilingItemView]

    static let fields = ViewFields<StatusGroupView>("filings in a status", [
        .text("status") { $0.status },
        .text("label") { $0.label },
        .number("count") { $0.filings.count },
        .views("filings") { $0.filings },
    ])
}

/// A recent request of the authority in a permit's filings.
struct RecentRequestView: TemplateView {
    var date: String
    var dateText: String
    var typeLabel: String
    var summary: String
    var filing: String
    var href: String

    static let fields = ViewFields<RecentRequestView>("recent request", [
        .text("date") { $0.date },
        .text("dateText") { $0.dateText },
        .text("typeLabel") { $0.typeLabel },
        .text("summary") { $0.summary },
        .text("filing") { $0.filing },
        .text("href") { $0.href },
    ])
}
