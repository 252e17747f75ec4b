/// A permit in a list (the permits page, the home page), with how many articles and filings it has.
struct PermitItemView: TemplateView {
    var name: String
    var nameEn: String
    var href: String
    var authority: String
    var articleCount: Int
    var filingCount: Int

    static let fields = ViewFields<PermitItemView>("permit in a list", [
        .text("name") { $0.name },
        .text("nameEn") { $0.nameEn },
        .text("href") { $0.href },
        .text("authority") { $0.authority },
        .number("articleCount") { $0.articleCount },
        .number("filingCount") { $0.filingCount },
    ])
}
