/// A client of the consultancy (`clients/<id>.md`); the body is internal notes.
public struct Client: Sendable {
    public var id: String
    public var name: String
    public var industry: String?
    public var contact: String?
    public var page: PageSource
}
