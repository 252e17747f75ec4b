/// A supplement round of a filing: when it was requested and answered, and who took how long.
struct RoundView: TemplateView {
    var round: SupplementRound
    var requestedText: String
    var sentText: String?
    // Version 2: the clock
    /// What the round did to the clock, in words (empty before the clock started).
    var ruleLabel = ""

    init(_ round: SupplementRound, dates: LanguageFile.DateFormat, ruleLabel: String? = nil) {
        self.round = round
        self.ruleLabel = ruleLabel ?? ""
        self.requestedText = dates.format(round.requested)
        self.sentText = round.sent.map(dates.format)
    }

    static let fields = ViewFields<RoundView>("supplement round", [
        .number("number") { $0.round.number },
        .text("requested") { $0.round.requested.description },
        .text("requestedText") { $0.requestedText },
        .text("sent") { $0.round.sent?.description ?? "" },
        .text("sentText") { $0.sentText },
        .flag("open") { $0.round.isOpen },
        .number("ourDays") { $0.round.ourWorkingDays },
        .text("authorityDays") { $0.round.authorityWorkingDays.map(String.init) ?? "" },
        .text("summary") { $0.round.summary },
        // Version 2: the clock
        .text("rule") { $0.round.rule?.rawValue ?? "" },
        .text("ruleLabel") { $0.ruleLabel },
        .number("stage") { $0.round.stage + 1 },
    ])
}
