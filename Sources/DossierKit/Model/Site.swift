/// The model stage's result: every page of one build, cross-checked and linked.
public struct Site: Sendable {
    public var settings: SiteSettings
    public var today: Day
    public var audience: Audience
    public var permits: [Permit]
    public var clients: [Client]
    /// Newest first.
    public var articles: [Article]
    public var filings: [Filing]
    public var calendar: WorkCalendar
    public var tags: [TaxonomyTerm]
    public var regions: [TaxonomyTerm]
    /// Resolved links of each page's body, in the order `MarkdownDocument.links` lists them.
    public var bodyLinks: [PageRef: [ResolvedLink]]
    /// For each filing, per timeline entry (in `timeline` order): its `refs`, then its note's links.
    public var entryLinks: [String: [EntryLinks]]
    public var graph: LinkGraph
    public var related: [String: [String]]
    public var resolver: LinkResolver
    /// Files copied as they are: source path in the content folder -> output path.
    public var copies: [FileCopy]

    public struct EntryLinks: Sendable {
        public var refs: [ResolvedLink]
        public var note: [ResolvedLink]
    }

    public struct FileCopy: Sendable {
        public var source: SourceFile
        public var outputPath: String
    }

    public func permit(_ id: String) -> Permit? { permits.first { $0.id == id } }
    public func client(_ id: String) -> Client? { clients.first { $0.id == id } }
    public func article(_ id: String) -> Article? { articles.first { $0.id == id } }
    public func filing(_ id: String) -> Filing? { filings.first { $0.id == id } }
}
