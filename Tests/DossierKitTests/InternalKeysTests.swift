@testable import DossierKit
import Testing
import Yams

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

    /// A made-up kind with internal keys at the top, in a mapping and in a list of mappings.
    static let inner = SchemaDeclaration([
        SchemaKey<String>.text("note", "for the team").internalOnly().erased,
        SchemaKey<String>.text("shown", "for everyone").erased,
    ], missingWhat: "'one'", mappingWhat: "'one'")
    static let outer = SchemaDeclaration([
        SchemaKey<String>.text("secret", "for the team").internalOnly().erased,
        SchemaKey<String>.text("title", "for everyone").erased,
        SchemaKey<DeclaredValues>.mapping("one", inner, "a mapping").erased,
        SchemaKey<[DeclaredValues]>.mappings("many", inner, "a list of mappings").erased,
    ])

    @Test("a key declared internal is dropped at any depth: a new key needs no code of its own to stay in the wiki")
    func nestedInternalKeys() throws {
        let yaml = "secret: S1\ntitle: T\none: {note: S2, shown: A}\nmany:\n  - {note: S3, shown: B}\n"
        let node = try #require(try Yams.compose(yaml: yaml, .basic))
        var diagnostics: [Diagnostic] = []
        var fields = try #require(YAMLFields(node: node, path: "x.md", lineOffset: 1, fallback: .start, what: "front matter",
                                             diagnostics: &diagnostics))
        let values = SchemaReader(includeInternal: true).read(Self.outer, from: &fields, diagnostics: &diagnostics)
        let note = SchemaKey<String>.text("note", ""), shown = SchemaKey<String>.text("shown", "")
        let one = SchemaKey<DeclaredValues>.mapping("one", Self.inner, ""), many = SchemaKey<[DeclaredValues]>.mappings("many", Self.inner, "")
        // As read, everything is there (so the test can fail).
        #expect(values[SchemaKey<String>.text("secret", "")] == "S1" && values[one]?[note] == "S2" && values[many]?.first?[note] == "S3")

        let shared = values.withoutInternal(Self.outer)
        #expect(!shared.has(SchemaKey<String>.text("secret", "")))
        #expect(shared[SchemaKey<String>.text("title", "")] == "T")
        #expect(shared[one].map { !$0.has(note) && $0[shown] == "A" } == true)
        #expect(shared[many]?.count == 1 && shared[many]?.first.map { !$0.has(note) && $0[shown] == "B" } == true)
    }
}
