/// Which page links to which: outgoing links per page, and backlinks ("referenced by").
public struct LinkGraph: Sendable {
    public private(set) var outgoing: [PageRef: [PageRef]] = [:]
    public private(set) var incoming: [PageRef: [PageRef]] = [:]

    public init() {}

    /// Builds the graph from each page's resolved links; self-links and repeats are dropped.
    public init(links: [PageRef: [ResolvedLink]]) {
        var out: [PageRef: Set<PageRef>] = [:]
        var into: [PageRef: Set<PageRef>] = [:]
        for (source, resolved) in links {
            for link in resolved {
                guard case .page(let target, _) = link, target != source else { continue }
                out[source, default: []].insert(target)
                into[target, default: []].insert(source)
            }
        }
        outgoing = out.mapValues { $0.sorted() }
        incoming = into.mapValues { $0.sorted() }
    }

    public func backlinks(to page: PageRef) -> [PageRef] { incoming[page] ?? [] }
}
