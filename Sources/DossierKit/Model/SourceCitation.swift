/// One item of an article's or permit's `sources`: the statute or rule a page relies on.
public struct SourceCitation: Sendable, Equatable {
    /// The statute or rule, written without 《》 (the page adds them).
    public var title: String
    /// The article or clause, e.g. `第四十二条`.
    public var article: String?
    /// An official address (http or https).
    public var url: String?

    public init(title: String, article: String? = nil, url: String? = nil) {
        self.title = title
        self.article = article
        self.url = url
    }

    /// `《title》article`, as pages and the FAQ schema name it.
    public var citation: String {
        "《\(title)》" + (article ?? "")
    }
}

/// What a page says about how it was checked against its sources (shown only in the internal wiki).
public struct Verification: Sendable, Equatable {
    /// The day of the last check against the sources.
    public var verified: Day?
    /// What could not be checked.
    public var unverified: [String]

    public init(verified: Day? = nil, unverified: [String] = []) {
        self.verified = verified
        self.unverified = unverified
    }

    public var isEmpty: Bool { verified == nil && unverified.isEmpty }
}

extension SourceCitation {
    /// A `sources` item; nil without a title (already an error). An empty `article` or `url` is none.
    init?(values: DeclaredValues) {
        guard let title = values[SourceSchema.title], !title.isEmpty else { return nil }
        self.init(title: title, article: values[SourceSchema.article].flatMap { $0.isEmpty ? nil : $0 },
                  url: values[SourceSchema.url].flatMap { $0.isEmpty ? nil : $0 })
    }

    /// The items of `sources` that have a title.
    static func list(_ items: [DeclaredValues]?) -> [SourceCitation] {
        (items ?? []).compactMap(SourceCitation.init(values:))
    }
}

extension Verification {
    /// `verified` and `unverified` of an article or permit.
    init(values: DeclaredValues) {
        self.init(verified: values[SourceSchema.verified], unverified: values[SourceSchema.unverified] ?? [])
    }
}
