/// What a search can be narrowed to: a page's kind, the permits it concerns, its region and (a
/// filing) its status. Each value has a key, used in the search page's address (`?kind=kb`), and
/// a label in the interface language.
public struct SearchFacets: Sendable, Equatable {
    public struct Value: Sendable, Equatable, Hashable {
        public var key: String
        public var label: String

        public init(key: String, label: String) {
            self.key = key
            self.label = label
        }
    }

    /// The facets, in the order the search page shows them, as named in its address.
    public static let names = ["kind", "permit", "region", "status"]

    public var kind: Value?
    public var permits: [Value]
    public var region: Value?
    public var status: Value?

    public init(kind: Value? = nil, permits: [Value] = [], region: Value? = nil, status: Value? = nil) {
        self.kind = kind
        self.permits = permits
        self.region = region
        self.status = status
    }

    /// The values of the facet named `name`.
    func values(_ name: String) -> [Value] {
        switch name {
        case "kind": return kind.map { [$0] } ?? []
        case "permit": return permits
        case "region": return region.map { [$0] } ?? []
        case "status": return status.map { [$0] } ?? []
        default: return []
        }
    }
}
