/// `permits/<id>.md`.
public enum PermitSchema {
    public static let name = SchemaKey<String>.text("name", required: true, "the permit's name, e.g. `互联网算法备案`")
    public static let nameEn = SchemaKey<String>.text("name_en", "its name in English")
    public static let kind = SchemaKey<Permit.Kind>.choice("kind", "`license`, `filing` or `certificate`")
    public static let authority = SchemaKey<String>.text("authority", "reviewing authority")
    public static let basis = SchemaKey<String>.text("basis", "legal basis")
    public static let reviewDays = SchemaKey<Int>.wholeNumber("review_days", in: 0...3650, "statutory review period, a whole number of days (0 to 3650)")
    public static let reviewUnit = SchemaKey<Permit.ReviewUnit>.choice("review_unit", "`working` (default) or `calendar`: the days `review_days` counts")
    public static let onSupplement = SchemaKey<Permit.SupplementRule>.choice("on_supplement", "`pause` (default): a supplement round stops the clock until the material is sent; or `restart`: the material sent starts a new full period")
    public static let validity = SchemaKey<String>.text("validity", "how long the permit is valid (free text)")
    public static let order = SchemaKey<Int>.wholeNumber("order", in: -100_000...100_000, "position in lists; permits without one come after, by id")
    public static let sources = SourceSchema.sources
    public static let verified = SourceSchema.verified
    public static let unverified = SourceSchema.unverified
    // Version 2: deadlines
    public static let validityYears = SchemaKey<Int>.wholeNumber("validity_years", in: 1...100, "whole number of years a granted permit is valid: it expires the day before the same date that many years after `granted` (an estimate; copy `expires` from the certificate where you have it)")
    public static let renewBeforeDays = SchemaKey<Int>.wholeNumber("renew_before_days", in: 0...3650, "calendar days before expiry by which a renewal must be filed (e.g. `30`); counted backwards, a day off moves it to the working day before")
    public static let duties = SchemaKey<[DeclaredValues]>.mappings("duties", DutySchema.declaration, "the applicant's own obligations that follow a timeline entry: a list of mappings, each a *duty* (below)")

    // Version 2: the clock
    public static let clockStarts = SchemaKey<Permit.ClockStart>.choice("clock_starts", "`accepted` (default) or `submitted`: the entry that starts the authority's period (`submitted` where the rule counts from receipt)")
    public static let acceptanceDays = SchemaKey<Int>.wholeNumber("acceptance_days", in: 0...365, "working days the authority has after `submitted` to accept or to ask once for what is missing (default 5); applies to `license` and `certificate`, to other kinds only where set")
    public static let maxExtensionDays = SchemaKey<Int>.wholeNumber("max_extension_days", in: 0...3650, "the most the authority may add to a stage's period in all (e.g. `10`); the excess is not counted")
    public static let applicationDays = SchemaKey<DeclaredValues>.mapping("application_days", ApplicationDaysSchema.declaration, "mapping from an application type (`change`, `renewal`, `cancellation`) to its own review period, e.g. `{change: 10}`")
    public static let stages = SchemaKey<[DeclaredValues]>.mappings("stages", ReviewStageSchema.declaration, "list of later review stages, each `{name, review_days, review_unit}`; `review_days` is stage 1, a `forwarded` entry starts the next")

    // Version 2: responses
    public static let checklist = SchemaKey<[DeclaredValues]>.mappings("checklist", ResponseSchema.checklistItem, "the materials an application needs (材料清单): a list of *checklist item* mappings (below)")

    public static let declaration = SchemaDeclaration([
        name.erased, nameEn.erased, kind.erased, authority.erased, basis.erased, reviewDays.erased, reviewUnit.erased,
        onSupplement.erased, validity.erased, order.erased, sources.erased, verified.erased, unverified.erased,
        // Version 2: the clock
        clockStarts.erased, acceptanceDays.erased, maxExtensionDays.erased, applicationDays.erased, stages.erased,
        // Version 2: deadlines
        validityYears.erased, renewBeforeDays.erased, duties.erased,
        // Version 2: responses
        checklist.erased,
    ])
}

extension Permit.Kind: DeclaredType {}
extension Permit.ReviewUnit: DeclaredType {}
extension Permit.SupplementRule: DeclaredType {}

// Version 2: the clock
extension Permit.ClockStart: DeclaredType {}
