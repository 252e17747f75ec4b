/// A named link: a permit, tag or region chip, a client, an attachment. `href` may be empty where
/// the page has nowhere to send the reader (a client page the audience does not get).
struct LinkView: TemplateView {
    var name: String
    var href: String

    static let fields = ViewFields<LinkView>("link", [
        .text("name") { $0.name },
        .text("href") { $0.href },
    ])
}
