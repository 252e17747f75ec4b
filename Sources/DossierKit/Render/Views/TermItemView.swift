/// A tag or region in the list of all of them, with how many pages it has.
struct TermItemView: TemplateView {
    var name: String
    var href: String
    var count: Int

    static let fields = ViewFields<TermItemView>("tag or region in a list", [
        .text("name") { $0.name },
        .text("href") { $0.href },
        .number("count") { $0.count },
    ])
}
