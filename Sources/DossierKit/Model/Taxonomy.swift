/// A tag or region and the pages filed under it.
public struct TaxonomyTerm: Sendable {
    public var name: String
    /// Folder name under `tags/` or `regions/`.
    public var slug: String
    public var articles: [String]
    public var filings: [String]
}

public enum Taxonomy {
    /// Groups by term; slugs keep Chinese characters and are made unique.
    public static func group(_ items: [(term: String, article: String?, filing: String?)]) -> [TaxonomyTerm] {
        var byName: [String: (articles: [String], filings: [String])] = [:]
        for item in items {
            // In place: copying the entry out and back would copy its lists for every item.
            if let article = item.article { byName[item.term, default: ([], [])].articles.append(article) }
            if let filing = item.filing { byName[item.term, default: ([], [])].filings.append(filing) }
        }
        var uniquer = Slug.Uniquer()
        return byName.keys.sorted().compactMap { name in
            guard let entry = byName[name] else { return nil }
            var base = Slug.make(name)
            if base.isEmpty { base = "term" }
            return TaxonomyTerm(name: name, slug: uniquer.unique(base),
                                articles: Array(Set(entry.articles)).sorted(),
                                filings: Array(Set(entry.filings)).sorted())
        }
    }
}
