/// One deadline as the filing page and the home page show it (version 2: deadlines): its kind,
/// its day, days left or overdue from the build's date, and where it comes from. On the home
/// page it also names its filing and client.
struct DeadlineView: TemplateView {
    var date: String
    var dateText: String
    var kind: String
    var kindLabel: String
    var title: String
    /// "还有 3 天", "已过 2 天", "今天到期".
    var leftText: String
    /// Calendar days from the build's date (negative once passed).
    var daysLeft: Int
    var source: String
    var basis: String
    var isEstimate: Bool
    /// Set for alternatives (行政复议 or 行政诉讼): the label that says so.
    var alternative: String
    var isInternal: Bool
    /// The home page's: the filing and its client.
    var filing: String = ""
    var href: String = ""
    var client: String = ""
    /// On the home page's renewal list: `renewal` or `expired`, and its label.
    var expiryState: String = ""
    var expiryStateLabel: String = ""

    static let fields = ViewFields<DeadlineView>("deadline", [
        .text("date") { $0.date },
        .text("dateText") { $0.dateText },
        .text("kind") { $0.kind },
        .text("kindLabel") { $0.kindLabel },
        .text("title") { $0.title },
        .text("leftText") { $0.leftText },
        .number("daysLeft") { $0.daysLeft },
        .flag("overdue") { $0.daysLeft < 0 },
        .flag("soon") { $0.daysLeft >= 0 && $0.daysLeft <= 7 },
        .text("source") { $0.source },
        .text("basis") { $0.basis },
        .flag("estimate") { $0.isEstimate },
        .text("alternative") { $0.alternative },
        .flag("internal") { $0.isInternal },
        .text("filing") { $0.filing },
        .text("href") { $0.href },
        .text("client") { $0.client },
        .text("expiryState") { $0.expiryState },
        .text("expiryStateLabel") { $0.expiryStateLabel },
    ])
}

/// A client's permit that expires soon, on a permit's page (internal wiki only).
struct ExpiringPermitView: TemplateView {
    var filing: String
    var href: String
    var client: String
    var expires: String
    var expiresText: String
    var leftText: String
    var isEstimate: Bool

    static let fields = ViewFields<ExpiringPermitView>("expiring permit", [
        .text("filing") { $0.filing },
        .text("href") { $0.href },
        .text("client") { $0.client },
        .text("expires") { $0.expires },
        .text("expiresText") { $0.expiresText },
        .text("leftText") { $0.leftText },
        .flag("estimate") { $0.isEstimate },
    ])
}
