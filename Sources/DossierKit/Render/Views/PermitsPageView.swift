/// The page listing every permit.
struct PermitsPageView: TemplateView {
    var ui: TemplateValue
    var permits: [PermitItemView]

    static let fields = ViewFields<PermitsPageView>("permits page", [
        .strings("ui") { $0.ui },
        .views("permits") { $0.permits },
    ])
}
