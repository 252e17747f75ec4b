/// A knowledge-base article (`kb/<slug>.md`), FAQ style: each `##` heading is a question.
public struct Article: Sendable {
    public enum Audience: String, Sendable, CaseIterable { case `public`, `internal` }

    public var id: String
    public var title: String
    public var permits: [Located<String>]
    public var date: Day
    public var updated: Day?
    public var tags: [String]
    public var region: Located<String>?
    public var summary: String?
    public var audience: Audience
    public var draft: Bool
    public var page: PageSource
    /// The statutes and rules the article relies on (`sources`).
    public var sources: [SourceCitation] = []
    /// `verified` and `unverified`: internal wiki only.
    public var verification = Verification()
    /// Every declared key as written (see `ArticleSchema`).
    public var values = DeclaredValues()
}

extension Article {
    /// The one place an article's properties are filled from its declared values.
    init(id: String, values: DeclaredValues, page: PageSource) {
        var seen: Set<String> = []
        self.init(
            id: id,
            title: values[ArticleSchema.title] ?? id,
            permits: values[ArticleSchema.permits] ?? [],
            date: values[ArticleSchema.date] ?? Day(ordinal: 0),
            updated: values[ArticleSchema.updated],
            tags: (values[ArticleSchema.tags] ?? []).filter { seen.insert($0).inserted },
            region: values.located(ArticleSchema.region),
            summary: values[ArticleSchema.summary],
            audience: values[ArticleSchema.audience] ?? .public,
            draft: values[ArticleSchema.draft] ?? false,
            page: page,
            sources: SourceCitation.list(values[ArticleSchema.sources]),
            verification: Verification(values: values),
            values: values)
    }
}

/// A value with the position it was written at, for diagnostics found in later stages.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var position: SourcePosition

    public init(_ value: Value, _ position: SourcePosition) {
        self.value = value
        self.position = position
    }
}

extension Article: ContentPage {
    public static let kind = PageKind.kb
    public var linkTitle: String { title }
}
