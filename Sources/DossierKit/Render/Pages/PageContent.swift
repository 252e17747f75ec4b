/// What a page builder makes: the view its template presents, and what travels beside the view
/// rather than inside it (the body for the search index, the head's JSON-LD).
struct PageContent: Sendable {
    var view: any TemplateView
    /// The page's body as HTML, cut into search sections when the page is indexed.
    var body: String?
    /// The body already cut (an article cuts it for its FAQ schema, once).
    var bodySections: [SearchDocument.Section]?
    /// Structured data for the layout's head.
    var jsonLD: String?

    init(_ view: any TemplateView, body: String? = nil, bodySections: [SearchDocument.Section]? = nil, jsonLD: String? = nil) {
        self.view = view
        self.body = body
        self.bodySections = bodySections
        self.jsonLD = jsonLD
    }
}
