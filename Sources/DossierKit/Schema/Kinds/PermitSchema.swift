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

    // Version 2: responses
    public static let checklist = SchemaKey<[DeclaredValues]>.mappings("checklist", ResponseSchema.checklistItem, "the materials an application needs (材料清单): a list of *checklist item* mappings (below)")

    public static let declaration = SchemaDeclaration([
        name.erased, nameEn.erased, kind.erased, authority.erased, basis.erased, reviewDays.erased, reviewUnit.erased,
        onSupplement.erased, validity.erased, order.erased, sources.erased, verified.erased, unverified.erased,
        // Version 2: responses
        checklist.erased,
    ])
}

extension Permit.Kind: DeclaredType {}
extension Permit.ReviewUnit: DeclaredType {}
extension Permit.SupplementRule: DeclaredType {}
