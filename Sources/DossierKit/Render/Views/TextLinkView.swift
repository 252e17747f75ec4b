/// A cited source or a timeline entry's reference: its text, the address it links to (empty when
/// there is none) and the `rel` of a link that leaves the site.
struct TextLinkView: TemplateView {
    var text: String
    var href: String
    var rel: String

    static let fields = ViewFields<TextLinkView>("reference", [
        .text("text") { $0.text },
        .text("href") { $0.href },
        .text("rel") { $0.rel },
    ])
}
