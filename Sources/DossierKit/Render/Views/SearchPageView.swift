/// The search page: where its script is, and the site's root for the index it loads.
struct SearchPageView: TemplateView {
    var ui: TemplateValue
    var script: String
    var root: String

    static let fields = ViewFields<SearchPageView>("search page", [
        .strings("ui") { $0.ui },
        .text("script") { $0.script },
        .text("root") { $0.root },
    ])
}
