/// Who a build is for. What each audience may see is decided in the model stage; the Markdown
/// passes only need to know whether internal sections stay.
public enum Audience: Sendable, Equatable {
    case `internal`
    case client(String)
    case `public`

    public var includesInternal: Bool { self == .internal }
}
