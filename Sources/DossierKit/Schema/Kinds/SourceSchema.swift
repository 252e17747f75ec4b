/// The keys articles and permits share: `sources` (each item a mapping declared here), `verified`
/// and `unverified`.
public enum SourceSchema {
    public static let title = SchemaKey<String>.text("title", required: true, "the statute or rule, written without 《》, e.g. `中华人民共和国行政许可法`")
    public static let article = SchemaKey<String>.text("article", "the article or clause, e.g. `第四十二条`")
    public static let url = SchemaKey<String>.text("url", "an official `http(s)://` address")

    /// One item of `sources`.
    public static let item = SchemaDeclaration(
        [title.erased, article.erased, url.erased], missingWhat: "'sources' item",
        mappingWhat: "each item of 'sources' (title, article, url)", check: ContentParser.checkSource)

    public static let sources = SchemaKey<[DeclaredValues]>.mappings("sources", item, "the statutes and rules the page rests on: a list of mappings, each a *sources item* (under kb/&lt;id&gt;.md, below)")
    public static let verified = SchemaKey<Day>.day("verified", "the day the page was last checked against its sources").internalOnly()
    public static let unverified = SchemaKey<[String]>.texts("unverified", "list: what could not be checked").internalOnly()
}
