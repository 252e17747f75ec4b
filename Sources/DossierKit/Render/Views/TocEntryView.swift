/// A heading of a page's body, linked by its anchor (the questions an article answers, its contents).
struct TocEntryView: TemplateView {
    var text: String
    var href: String
    var level: Int
    /// Whether it is below the top level listed.
    var sub: Bool

    static let fields = ViewFields<TocEntryView>("heading", [
        .text("text") { $0.text },
        .text("href") { $0.href },
        .number("level") { $0.level },
        .flag("sub") { $0.sub },
    ])
}
