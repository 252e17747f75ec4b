/// A filing's page: its facts, clock, whose move, chart, memo, body, timeline and rounds.
struct FilingPageView: TemplateView {
    var ui: TemplateValue
    var title: String
    var status: String
    var statusLabel: String
    var reference: String
    /// Who handles it (internal wiki only).
    var owner: String
    var opened: String
    var openedText: String?
    var client: LinkView?
    var permit: LinkView?
    var region: LinkView?
    var memo: MemoView?
    /// Set when the filing was analysed (it always is in a built site).
    var clock: ClockView?
    var whoseMove: WhoseMoveView?
    var rounds: [RoundView]
    /// The timeline chart, as SVG (empty when there is nothing to draw).
    var chart: String?
    var body: String
    var timeline: [TimelineEntryView]
    var attachments: [LinkView]
    var backlinks: [BacklinkView]
    // Version 2: the clock
    /// The clocks of the other review stages (earlier ones, then those not reached), compact.
    var otherClocks: [ClockView] = []
    /// Whether the chart draws excluded stretches or a later stage's start (the legend names them then).
    var chartHasExcluded = false
    var chartHasStages = false
    // Version 2: deadlines
    var deadlines: [DeadlineView] = []
    /// `valid`, `renewal` or `expired` for a granted permit with an expiry; empty otherwise.
    var expiryState = ""
    var expiryStateLabel = ""
    var expiresText = ""
    // Version 2: responses
    var responses: [ResponseTableView] = []
    var openItems = 0
    var checklist: ChecklistView?

    static let fields = ViewFields<FilingPageView>("filing page", [
        .strings("ui") { $0.ui },
        .text("title") { $0.title },
        .text("status") { $0.status },
        .text("statusLabel") { $0.statusLabel },
        .text("reference") { $0.reference },
        .text("owner") { $0.owner },
        .text("opened") { $0.opened },
        .text("openedText") { $0.openedText },
        .view("client") { $0.client },
        .view("permit") { $0.permit },
        .view("region") { $0.region },
        .view("memo") { $0.memo },
        .view("clock") { $0.clock },
        .view("whoseMove") { $0.whoseMove },
        .views("rounds") { $0.rounds },
        .flag("hasRounds") { !$0.rounds.isEmpty },
        .html("chart") { $0.chart ?? "" },
        .html("body") { $0.body },
        .views("timeline") { $0.timeline },
        .flag("hasTimeline") { !$0.timeline.isEmpty },
        .views("attachments") { $0.attachments },
        .flag("hasAttachments") { !$0.attachments.isEmpty },
    ] + BacklinkView.pageFields { $0.backlinks } + [
        // Version 2: the clock
        .views("otherClocks") { $0.otherClocks },
        .flag("hasOtherClocks") { !$0.otherClocks.isEmpty },
        .flag("chartHasExcluded") { $0.chartHasExcluded },
        .flag("chartHasStages") { $0.chartHasStages },
        // Version 2: deadlines
        .views("deadlines") { $0.deadlines },
        .flag("hasDeadlines") { !$0.deadlines.isEmpty },
        .text("expiryState") { $0.expiryState },
        .text("expiryStateLabel") { $0.expiryStateLabel },
        .text("expiresText") { $0.expiresText },
        // Version 2: responses
        .views("responses") { $0.responses },
        .flag("hasResponses") { !$0.responses.isEmpty },
        .number("openItems") { $0.openItems },
        .view("checklist") { $0.checklist },
    ])
}

/// A filing's memo: why it is made, the reasoning, the risks.
struct MemoView: TemplateView {
    var purpose: String
    var logic: String
    var risk: String

    static let fields = ViewFields<MemoView>("filing memo", [
        .text("purpose") { $0.purpose },
        .text("logic") { $0.logic },
        .text("risk") { $0.risk },
    ])
}
