@testable import DossierKit
import Testing

/// Keys declared internal (`owner`, `verified`, `unverified`) leave the model of a client brief
/// and of the public site entirely: not only the properties the default views show, but the
/// declared values a theme's new view could read (`filing.values[FilingSchema.owner]`).
@Suite("Internal keys")
struct InternalKeysTests {
    static func site(_ audience: Audience) throws -> Site {
        let loaded = try ContentLoader().load(root: TestSupport.fixture("audiences"))
        let parsed = ContentParser(includeInternal: audience.includesInternal).parse(loaded.files)
        let built = SiteBuilder(audience: audience, includeDrafts: false, today: Day("2025-06-30") ?? Day(ordinal: 0)).build(parsed)
        return try #require(built.site, "\(built.diagnostics)")
    }

    @Test("the declarations mark the team's notes internal")
    func declaredInternal() {
        #expect(FilingSchema.declaration.internalKeys == ["owner"])
        #expect(ArticleSchema.declaration.internalKeys == ["verified", "unverified"])
        #expect(PermitSchema.declaration.internalKeys == ["verified", "unverified"])
    }

    @Test("the wiki keeps the internal values; a client brief and the public site hold none of them")
    func internalValuesLeaveOtherAudiences() throws {
        let wiki = try Self.site(.internal)
        #expect(wiki.filings.contains { $0.values[FilingSchema.owner] == "OWNERMARK 王律师" })
        #expect(wiki.articles.contains { $0.values[ArticleSchema.verified] != nil })

        for audience: Audience in [.client("aurora"), .public] {
            let site = try Self.site(audience)
            for filing in site.filings {
                #expect(!filing.values.has(FilingSchema.owner), "\(audience): \(filing.id) keeps its owner")
            }
            for article in site.articles {
                #expect(!article.values.has(ArticleSchema.verified) && !article.values.has(ArticleSchema.unverified),
                        "\(audience): \(article.id) keeps its check notes")
            }
            for permit in site.permits {
                #expect(!permit.values.has(PermitSchema.verified) && !permit.values.has(PermitSchema.unverified))
            }
        }
        // The brief still has its filing, so the test looked at one.
        #expect(try !Self.site(.client("aurora")).filings.isEmpty)
    }
}
