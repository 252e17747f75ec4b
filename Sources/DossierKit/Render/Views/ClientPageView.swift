/// A client's page: its facts, notes and filings.
struct ClientPageView: TemplateView {
    var ui: TemplateValue
    var name: String
    var industry: String
    var contact: String
    var body: String
    var filings: [FilingItemView]
    var backlinks: [BacklinkView]

    static let fields = ViewFields<ClientPageView>("client page", [
        .strings("ui") { $0.ui },
        .text("name") { $0.name },
        .text("industry") { $0.industry },
        .text("contact") { $0.contact },
        .html("body") { $0.body },
        .views("filings") { $0.filings },
        .flag("hasFilings") { !$0.filings.isEmpty },
    ] + BacklinkView.pageFields { $0.backlinks })
}
