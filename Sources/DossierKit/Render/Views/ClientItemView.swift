/// A client in the list of clients, with how many filings it has.
struct ClientItemView: TemplateView {
    var name: String
    var href: String
    var industry: String
    var filingCount: Int

    static let fields = ViewFields<ClientItemView>("client in a list", [
        .text("name") { $0.name },
        .text("href") { $0.href },
        .text("industry") { $0.industry },
        .number("filingCount") { $0.filingCount },
    ])
}
