/// A filing in a list (`filing-list`, the dashboard, a client's brief), with its clock and whose move.
struct FilingItemView: TemplateView {
    var title: String
    var href: String
    var status: String
    var statusLabel: String
    var client: String
    var permit: String
    var reference: String
    /// The day of its latest entry, else the day it was opened.
    var lastDate: Day?
    var lastDateText: String?
    var clock: ClockView
    var whoseMove: WhoseMoveView

    static let fields = ViewFields<FilingItemView>("filing in a list", [
        .text("title") { $0.title },
        .text("href") { $0.href },
        .text("status") { $0.status },
        .text("statusLabel") { $0.statusLabel },
        .text("client") { $0.client },
        .text("permit") { $0.permit },
        .text("reference") { $0.reference },
        .text("lastDate") { $0.lastDate?.description ?? "" },
        .text("lastDateText") { $0.lastDateText },
        .view("clock") { $0.clock },
        .view("whoseMove") { $0.whoseMove },
    ])
}
