/// Who a build is for. What each audience may see is decided in the model stage; the Markdown
/// passes only need to know whether internal sections stay.
public enum Audience: Sendable, Equatable {
    case `internal`
    case client(String)
    case `public`

    public var includesInternal: Bool { self == .internal }
    /// Internal wiki and client briefs have filings; the public site has none.
    public var showsFilings: Bool { self != .public }
    /// Client pages (internal notes) exist only in the internal wiki.
    public var showsClients: Bool { self == .internal }

    /// The client a brief is for.
    public var clientID: String? {
        if case .client(let id) = self { return id }
        return nil
    }

    /// `internal`, `client` or `public`.
    public var name: String {
        switch self {
        case .internal: return "internal"
        case .client: return "client"
        case .public: return "public"
        }
    }
}
