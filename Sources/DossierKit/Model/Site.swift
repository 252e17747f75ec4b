/// The model stage's result: every page of one build, cross-checked and linked.
public struct Site: Sendable {
    public var settings: SiteSettings
    public var today: Day
    public var audience: Audience
    public var permits: [Permit]
    public var clients: [Client]
    /// Most recently changed first.
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
    /// Clock, whose move and rounds for every filing of this build, by filing id.
    public var analyses: [String: FilingAnalysis]
    public var resolver: LinkResolver
    /// Files copied as they are: source path in the content folder -> output path.
    public var copies: [FileCopy]
    // Version 2: deadlines
    /// Each filing's deadlines, soonest first, by filing id (none internal outside the wiki).
    public var deadlines: [String: [Deadline]] = [:]
    // Version 2: responses
    /// Each filing's exchange with the reviewer as this build shows it, by filing id.
    public var responses: [String: FilingResponses] = [:]

    /// Whether search engines may index this build and its pages send their address away.
    public var privacy: SitePrivacy { SitePrivacy(audience: audience, settings: settings) }

    public struct EntryLinks: Sendable {
        public var refs: [ResolvedLink]
        public var note: [ResolvedLink]
    }

    public struct FileCopy: Sendable {
        public var source: SourceFile
        public var outputPath: String
    }

    /// Positions in the arrays above, by id, so lookups do not scan.
    var permitIndex: [String: Int] = [:]
    var clientIndex: [String: Int] = [:]
    var articleIndex: [String: Int] = [:]
    var filingIndex: [String: Int] = [:]

    mutating func reindex() {
        permitIndex = Dictionary(permits.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        clientIndex = Dictionary(clients.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        articleIndex = Dictionary(articles.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        filingIndex = Dictionary(filings.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func permit(_ id: String) -> Permit? { permitIndex[id].map { permits[$0] } }
    public func client(_ id: String) -> Client? { clientIndex[id].map { clients[$0] } }
    public func article(_ id: String) -> Article? { articleIndex[id].map { articles[$0] } }
    public func filing(_ id: String) -> Filing? { filingIndex[id].map { filings[$0] } }
}
