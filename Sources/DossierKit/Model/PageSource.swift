/// The file a page came from and its parsed body.
public struct PageSource: Sendable {
    public var relativePath: String
    public var displayPath: String
    public var document: MarkdownDocument
}
