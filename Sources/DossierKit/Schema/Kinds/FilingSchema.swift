/// `filings/<id>.md` or `filings/<id>/index.md`. A new key starts here: declare it and list it in
/// `declaration` (it is then read, checked, cached and held to the README's table), then show
/// `filing.values[FilingSchema.key]` in the view, its template and the language files.
public enum FilingSchema {
    public static let title = SchemaKey<String>.text("title", required: true, "the filing's name")
    public static let client = SchemaKey<String>.reference("client", to: .clients, required: true, "a client id")
    public static let permit = SchemaKey<String>.reference("permit", to: .permits, required: true, "a permit id")
    public static let status = SchemaKey<Filing.Status>.choice("status", required: true, "`preparing`, `submitted`, `accepted`, `supplementing`, `under_review`, `approved`, `rejected`, `withdrawn` or `cancelled`")
    public static let memo = SchemaKey<DeclaredValues>.mapping("memo", MemoSchema.declaration, "the three-sentence brief for reviewers, a mapping with `purpose`, `logic` and `risk` (below)")
    public static let timeline = SchemaKey<[DeclaredValues]>.mappings("timeline", TimelineEntrySchema.declaration, "list of communication entries (below)")
    public static let opened = SchemaKey<Day>.day("opened", "day the engagement began")
    public static let region = SchemaKey<String>.text("region", "as for articles")
    public static let owner = SchemaKey<String>.text("owner", "consultant in charge (internal)").internalOnly()
    public static let reference = SchemaKey<String>.text("reference", "filing or permit number once granted")
    // Version 2: deadlines
    public static let granted = SchemaKey<Day>.day("granted", "day the permit was granted; default: the date of the first `approved` entry")
    public static let expires = SchemaKey<Day>.day("expires", "last day the permit is valid, as on the certificate; default: what the permit's `validity_years` gives from `granted` (shown as an estimate)")
    public static let deadlines = SchemaKey<[DeclaredValues]>.mappings("deadlines", DeadlineItemSchema.declaration, "other deadlines the consultant tracks: a list of mappings, each a *deadline* (below)")

    // Version 2: the clock
    public static let application = SchemaKey<Filing.Application>.choice("application", "`new` (default), `change`, `renewal` or `cancellation`: picks the period from the permit's `application_days`")

    // Version 2: responses
    public static let checklist = SchemaKey<[WordPair]>.wordMapping("checklist", ResponseSchema.ItemState.allCases.map(\.rawValue), "mapping from the permit's checklist ids to `done`, `pending` or `waived`; a required item left out is `pending`")

    public static let declaration = SchemaDeclaration([
        title.erased, client.erased, permit.erased, status.erased, opened.erased, region.erased, owner.erased,
        reference.erased, memo.erased, timeline.erased,
        // Version 2: the clock
        application.erased,
        // Version 2: deadlines
        granted.erased, expires.erased, deadlines.erased,
        // Version 2: responses
        checklist.erased,
    ])
}

/// A filing's `memo`.
public enum MemoSchema {
    public static let purpose = SchemaKey<String>.text("purpose", "what the filing is for")
    public static let logic = SchemaKey<String>.text("logic", "why it meets the rules")
    public static let risk = SchemaKey<String>.text("risk", "how the risks are controlled")

    public static let declaration = SchemaDeclaration([purpose.erased, logic.erased, risk.erased],
                                                      missingWhat: "'memo'", mappingWhat: "'memo'")
}

extension Filing.Status: DeclaredType {}

// Version 2: the clock
extension Filing.Application: DeclaredType {}
