/// The home page: a client's brief or the site's title, the dashboard of open filings, requests
/// awaiting our answer and the latest timeline entries, then articles and permits.
struct HomeView: TemplateView {
    var ui: TemplateValue
    var siteTitle: String
    var organization: String
    var today: String
    var todayText: String
    /// Set in a client's brief only.
    var brief: BriefView?
    var showFilings: Bool
    var openFilings: [FilingItemView]
    var awaiting: [AwaitingView]
    var latest: [LatestEntryView]
    var articles: [ArticleItemView]
    /// Whether the site has any article (`articles` holds only the latest few).
    var hasArticles: Bool
    var permits: [PermitItemView]
    // Version 2: deadlines
    /// Deadlines in the next 60 days and those missed, by date.
    var deadlines: [DeadlineView] = []
    /// Granted permits in their renewal window or expired.
    var renewals: [DeadlineView] = []
    /// The calendar feed's address, where this build writes one.
    var feedHref = ""
    // Version 2: responses
    var openPoints: [OpenPointsView] = []
    var checklists: [ChecklistProgressView] = []

    static let fields = ViewFields<HomeView>("home page", [
        .strings("ui") { $0.ui },
        .text("siteTitle") { $0.siteTitle },
        .text("organization") { $0.organization },
        .text("today") { $0.today },
        .text("todayText") { $0.todayText },
        .view("brief") { $0.brief },
        .flag("showFilings") { $0.showFilings },
        .views("openFilings") { $0.openFilings },
        .flag("hasOpenFilings") { !$0.openFilings.isEmpty },
        .views("awaiting") { $0.awaiting },
        .flag("hasAwaiting") { !$0.awaiting.isEmpty },
        .views("latest") { $0.latest },
        .flag("hasLatest") { !$0.latest.isEmpty },
        .views("articles") { $0.articles },
        .flag("hasArticles") { $0.hasArticles },
        .views("permits") { $0.permits },
        // Version 2: deadlines
        .views("deadlines") { $0.deadlines },
        .flag("hasDeadlines") { !$0.deadlines.isEmpty },
        .views("renewals") { $0.renewals },
        .flag("hasRenewals") { !$0.renewals.isEmpty },
        .text("feedHref") { $0.feedHref },
        // Version 2: responses
        .views("openPoints") { $0.openPoints },
        .flag("hasOpenPoints") { !$0.openPoints.isEmpty },
        .views("checklists") { $0.checklists },
        .flag("hasChecklists") { !$0.checklists.isEmpty },
    ])
}

/// The head of a client's brief: whom it is for, who prepared it, and the client's filings.
struct BriefView: TemplateView {
    var title: String
    var preparedBy: String
    var filings: [FilingItemView]

    static let fields = ViewFields<BriefView>("client brief", [
        .text("title") { $0.title },
        .text("preparedBy") { $0.preparedBy },
        .views("filings") { $0.filings },
    ])
}

/// A supplement request we have not answered yet, and for how long it has waited.
struct AwaitingView: TemplateView {
    var filing: String
    var href: String
    var requested: String
    var requestedText: String
    var summary: String
    /// Calendar days since the request.
    var days: Int
    /// Working days since the request.
    var workingDays: Int

    static let fields = ViewFields<AwaitingView>("request awaiting an answer", [
        .text("filing") { $0.filing },
        .text("href") { $0.href },
        .text("requested") { $0.requested },
        .text("requestedText") { $0.requestedText },
        .text("summary") { $0.summary },
        .number("days") { $0.days },
        .number("workingDays") { $0.workingDays },
    ])
}

/// One of the latest timeline entries of all filings.
struct LatestEntryView: TemplateView {
    var date: String
    var dateText: String
    var filing: String
    var href: String
    var typeLabel: String
    var from: String
    var fromLabel: String
    var summary: String
    var isInternal: Bool

    static let fields = ViewFields<LatestEntryView>("latest entry", [
        .text("date") { $0.date },
        .text("dateText") { $0.dateText },
        .text("filing") { $0.filing },
        .text("href") { $0.href },
        .text("typeLabel") { $0.typeLabel },
        .text("from") { $0.from },
        .text("fromLabel") { $0.fromLabel },
        .text("summary") { $0.summary },
        .flag("internal") { $0.isInternal },
    ])
}
