/// The page served for a missing address: only interface strings.
struct NotFoundView: TemplateView {
    var ui: TemplateValue

    static let fields = ViewFields<NotFoundView>("page not found", [
        .strings("ui") { $0.ui },
    ])
}
