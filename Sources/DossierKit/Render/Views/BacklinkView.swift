/// A page that links to the one shown, with what kind of page it is.
struct BacklinkView: TemplateView {
    var title: String
    var href: String
    var kind: String

    static let fields = ViewFields<BacklinkView>("backlink", [
        .text("title") { $0.title },
        .text("href") { $0.href },
        .text("kind") { $0.kind },
    ])

    /// The fields the `backlinks` partial reads from the page that includes it.
    static func pageFields<Page>(_ read: @escaping @Sendable (Page) -> [BacklinkView]) -> [ViewField<Page>] {
        [
            .flag("hasBacklinks") { !read($0).isEmpty },
            .views("backlinks") { read($0) },
        ]
    }
}
