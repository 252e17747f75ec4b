/// Version 2: responses. A change as the response table and the reply letter show it.
struct ChangeView: TemplateView {
    var text: String
    var clauses: [String]
    var pages: [String]
    var date: String
    var dateText: String

    static let fields = ViewFields<ChangeView>("change", [
        .text("text") { $0.text },
        .texts("clauses") { $0.clauses },
        .flag("hasClauses") { !$0.clauses.isEmpty },
        .texts("pages") { $0.pages },
        .flag("hasPages") { !$0.pages.isEmpty },
        .text("date") { $0.date },
        .text("dateText") { $0.dateText },
    ])
}

/// One of the reviewer's points, numbered `<k>.<n>`, with the changes that answer it.
struct PointView: TemplateView {
    /// `<k>.<n>`: the entry with items (counted from 1) and the point's number.
    var item: String
    var number: Int
    var text: String
    var isInternal: Bool
    var changes: [ChangeView]
    var stateLabel: String

    static let fields = ViewFields<PointView>("reviewer's point", [
        .text("item") { $0.item },
        .number("number") { $0.number },
        .text("text") { $0.text },
        .flag("internal") { $0.isInternal },
        .views("changes") { $0.changes },
        .flag("answered") { !$0.changes.isEmpty },
        .text("answeredValue") { $0.changes.isEmpty ? "false" : "true" },
        .text("stateLabel") { $0.stateLabel },
    ])
}

/// The response table of one entry with items: its points, their answers, and the reply letter.
struct ResponseTableView: TemplateView {
    var number: Int
    var date: String
    var dateText: String
    var typeLabel: String
    var summary: String
    var points: [PointView]
    var otherChanges: [ChangeView]
    var openCount: Int
    var openText: String
    var replyHref: String
    var replyTextHref: String

    static let fields = ViewFields<ResponseTableView>("response table", [
        .number("number") { $0.number },
        .text("date") { $0.date },
        .text("dateText") { $0.dateText },
        .text("typeLabel") { $0.typeLabel },
        .text("summary") { $0.summary },
        .views("points") { $0.points },
        .views("otherChanges") { $0.otherChanges },
        .flag("hasOtherChanges") { !$0.otherChanges.isEmpty },
        .number("openCount") { $0.openCount },
        .flag("hasOpen") { $0.openCount > 0 },
        .text("openText") { $0.openText },
        .text("replyHref") { $0.replyHref },
        .text("replyTextHref") { $0.replyTextHref },
    ])
}

/// A filing's checklist: each material with its state, and the completeness line.
struct ChecklistView: TemplateView {
    var items: [ChecklistItemView]
    var done: Int
    var required: Int
    var line: String

    static let fields = ViewFields<ChecklistView>("checklist", [
        .views("items") { $0.items },
        .number("done") { $0.done },
        .number("required") { $0.required },
        .text("line") { $0.line },
        .flag("complete") { $0.done == $0.required },
    ])
}

/// One material of a checklist (on a permit page, `state` is empty).
struct ChecklistItemView: TemplateView {
    var id: String
    var title: String
    var required: Bool
    var state: String
    var stateLabel: String
    var optionalLabel: String

    static let fields = ViewFields<ChecklistItemView>("checklist item", [
        .text("id") { $0.id },
        .text("title") { $0.title },
        .flag("required") { $0.required },
        .text("state") { $0.state },
        .text("stateLabel") { $0.stateLabel },
        .text("optionalLabel") { $0.required ? "" : $0.optionalLabel },
    ])
}

/// The audit-style reply to one entry with items, as a letter ready to print.
struct ReplyPageView: TemplateView {
    var ui: TemplateValue
    var heading: String
    var authority: String
    var filingTitle: String
    var reference: String
    var requestLine: String
    var date: String
    var dateText: String
    var memo: MemoView?
    var points: [PointView]
    var otherChanges: [ChangeView]
    var openCount: Int
    var incompleteText: String
    var organization: String
    var filingHref: String
    var textHref: String

    static let fields = ViewFields<ReplyPageView>("reply letter", [
        .strings("ui") { $0.ui },
        .text("heading") { $0.heading },
        .text("authority") { $0.authority },
        .text("filingTitle") { $0.filingTitle },
        .text("reference") { $0.reference },
        .text("requestLine") { $0.requestLine },
        .text("date") { $0.date },
        .text("dateText") { $0.dateText },
        .view("memo") { $0.memo },
        .views("points") { $0.points },
        .views("otherChanges") { $0.otherChanges },
        .flag("hasOtherChanges") { !$0.otherChanges.isEmpty },
        .number("openCount") { $0.openCount },
        .flag("incomplete") { $0.openCount > 0 },
        .text("incompleteText") { $0.incompleteText },
        .text("organization") { $0.organization },
        .text("filingHref") { $0.filingHref },
        .text("textHref") { $0.textHref },
    ])
}

/// A filing with reviewer's points still open, on the dashboard.
struct OpenPointsView: TemplateView {
    var filing: String
    var href: String
    var count: Int
    var raised: String
    var raisedText: String
    /// Calendar days since the oldest open point was raised.
    var days: Int

    static let fields = ViewFields<OpenPointsView>("open points of a filing", [
        .text("filing") { $0.filing },
        .text("href") { $0.href },
        .number("count") { $0.count },
        .text("raised") { $0.raised },
        .text("raisedText") { $0.raisedText },
        .number("days") { $0.days },
    ])
}

/// A filing being prepared and how complete its checklist is, on the dashboard.
struct ChecklistProgressView: TemplateView {
    var filing: String
    var href: String
    var done: Int
    var required: Int

    static let fields = ViewFields<ChecklistProgressView>("checklist progress", [
        .text("filing") { $0.filing },
        .text("href") { $0.href },
        .number("done") { $0.done },
        .number("required") { $0.required },
    ])
}
