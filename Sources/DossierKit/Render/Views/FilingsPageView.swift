/// The page listing every filing.
struct FilingsPageView: TemplateView {
    var ui: TemplateValue
    var filings: [FilingItemView]

    static let fields = ViewFields<FilingsPageView>("filings page", [
        .strings("ui") { $0.ui },
        .views("filings") { $0.filings },
        .flag("hasFilings") { !$0.filings.isEmpty },
    ])
}
