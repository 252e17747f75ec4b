/// `kb/<id>.md`.
public enum ArticleSchema {
    public static let title = SchemaKey<String>.text("title", required: true, "the question or headline")
    public static let permits = SchemaKey<[Located<String>]>.references("permits", required: true, "permit ids, at least one; each must exist (a single id without brackets is accepted as a list of one)")
    public static let date = SchemaKey<Day>.day("date", required: true, "first published")
    public static let updated = SchemaKey<Day>.day("updated", "last substantive change (used for ordering, the feed and related articles)")
    public static let tags = SchemaKey<[String]>.texts("tags", "free-text tags, Chinese allowed; each gets a page under `tags/`")
    public static let region = SchemaKey<String>.text("region", "`national` or a province id such as `guangdong`; each gets a page under `regions/`")
    public static let summary = SchemaKey<String>.text("summary", "one sentence, shown in lists and as the page description")
    public static let audience = SchemaKey<Article.Audience>.choice("audience", "`public` (default) or `internal`")
    public static let draft = SchemaKey<Bool>.bool("draft", "`true` leaves the article out unless `--drafts` is given")
    public static let sources = SourceSchema.sources.noted("no (warned about on a public article)")
    public static let verified = SourceSchema.verified
    public static let unverified = SourceSchema.unverified

    public static let declaration = SchemaDeclaration([
        title.erased, permits.erased, date.erased, updated.erased, tags.erased, region.erased, summary.erased,
        audience.erased, draft.erased, sources.erased, verified.erased, unverified.erased,
    ], check: ContentParser.checkArticle)
}

extension Article.Audience: DeclaredType {}
