/// The page listing every tag, or every region.
struct TermsPageView: TemplateView {
    var ui: TemplateValue
    var terms: [TermItemView]

    static let fields = ViewFields<TermsPageView>("tags or regions page", [
        .strings("ui") { $0.ui },
        .views("terms") { $0.terms },
    ])
}
