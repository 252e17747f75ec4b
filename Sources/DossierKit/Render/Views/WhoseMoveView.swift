/// Who has to act next on a filing, since when and for how many days.
struct WhoseMoveView: TemplateView {
    var party: String?
    var label: String?
    var since: String?
    var sinceText: String?
    var days: String?
    var open: Bool

    /// What a list shows for a filing not analysed: nobody's move.
    static let none = WhoseMoveView(party: nil, label: nil, since: nil, sinceText: nil, days: nil, open: false)

    init(party: String?, label: String?, since: String?, sinceText: String?, days: String?, open: Bool) {
        self.party = party
        self.label = label
        self.since = since
        self.sinceText = sinceText
        self.days = days
        self.open = open
    }

    init(_ move: WhoseMove, ui: [String: String], dates: LanguageFile.DateFormat) {
        self.init(party: move.party.rawValue, label: ui["move.\(move.party.rawValue)"] ?? move.party.rawValue,
                  since: move.since?.description ?? "", sinceText: move.since.map(dates.format),
                  days: move.days.map(String.init) ?? "", open: move.party != .closed)
    }

    static let fields = ViewFields<WhoseMoveView>("whose move", [
        .text("party") { $0.party },
        .text("label") { $0.label },
        .text("since") { $0.since },
        .text("sinceText") { $0.sinceText },
        .text("days") { $0.days },
        .flag("open") { $0.open },
    ])
}
