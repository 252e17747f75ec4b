extension ContentParser {
    /// An article lists at least one permit; a public article names its sources.
    static func checkArticle(_ values: inout DeclaredValues, _ f: inout YAMLFields) {
        if f.has(ArticleSchema.permits.name), (values[ArticleSchema.permits] ?? []).isEmpty,
           f.diagnostics.allSatisfy({ !$0.message.hasPrefix("'permits'") }) {
            f.error(f.keyPosition("permits"), "'permits' must list at least one permit id")
        }
        // Public pages cite the rules they rest on; internal notes and drafts need not (yet). Front
        // matter with errors is fixed first (its audience or draft flag may be what is wrong).
        if SourceCitation.list(values[ArticleSchema.sources]).isEmpty, !values.hadProblems(ArticleSchema.sources),
           f.reportsMissingKeys, (values[ArticleSchema.audience] ?? .public) == .public, !(values[ArticleSchema.draft] ?? false),
           !f.diagnostics.contains(where: { $0.severity == .error }) {
            f.warning(f.has("title") ? f.keyPosition("title") : f.position,
                      "a public article should name its sources: add 'sources' (statute or rule, article, official address)")
        }
    }
}
