/// A client of the consultancy (`clients/<id>.md`); the body is internal notes.
public struct Client: Sendable {
    public var id: String
    public var name: String
    public var industry: String?
    public var contact: String?
    public var page: PageSource
    /// Every declared key as written (see `ClientSchema`).
    public var values = DeclaredValues()
}

extension Client {
    /// The one place a client's properties are filled from its declared values.
    init(id: String, values: DeclaredValues, page: PageSource) {
        self.init(id: id, name: values[ClientSchema.name] ?? id, industry: values[ClientSchema.industry],
                  contact: values[ClientSchema.contact], page: page, values: values)
    }
}

extension Client: ContentPage {
    public static let kind = PageKind.clients
    public var linkTitle: String { name }
}
