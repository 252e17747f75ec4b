/// An entry of the layout's main navigation or breadcrumbs.
struct NavItemView: TemplateView {
    var label: String
    var href: String
    /// Whether the page is in this section (navigation only).
    var current = false

    static let fields = ViewFields<NavItemView>("navigation entry", [
        .text("label") { $0.label },
        .text("href") { $0.href },
        .flag("current") { $0.current },
    ])
}
