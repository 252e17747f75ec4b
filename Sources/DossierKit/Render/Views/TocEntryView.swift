/// A heading of a page's body, linked by its anchor (the questions an article answers).
struct TocEntryView: TemplateView {
    var text: String
    var href: String

    static let fields = ViewFields<TocEntryView>("heading", [
        .text("text") { $0.text },
        .text("href") { $0.href },
    ])
}
