/// A page's sources and how it was checked against them, as the `sources` and `verification`
/// partials show them: read from the page that includes them (see `pageFields`).
struct SourcesView: Sendable {
    var sources: [TextLinkView]
    /// What could not be checked (internal wiki only).
    var unverified: [String]
    /// The verified badge (internal wiki only, when the page says how it was checked).
    var verification: VerificationView?

    /// The fields the `sources` and `verification` partials read from the page that includes them.
    static func pageFields<Page>(_ read: @escaping @Sendable (Page) -> SourcesView) -> [ViewField<Page>] {
        [
            .flag("hasSourcesSection") { !read($0).sources.isEmpty || !read($0).unverified.isEmpty },
            .flag("hasSources") { !read($0).sources.isEmpty },
            .views("sources") { read($0).sources },
            .flag("hasUnverified") { !read($0).unverified.isEmpty },
            .texts("unverified") { read($0).unverified },
            .view("verification") { read($0).verification },
        ]
    }
}

/// The verified badge: the day of the last check, or that some of the page could not be checked.
struct VerificationView: TemplateView {
    var partial: Bool
    var date: String
    var dateText: String?

    static let fields = ViewFields<VerificationView>("verification", [
        .flag("partial") { $0.partial },
        .text("date") { $0.date },
        .text("dateText") { $0.dateText },
    ])
}
