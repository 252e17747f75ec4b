/// A permit or filing type (`permits/<id>.md`).
public struct Permit: Sendable {
    public enum Kind: String, Sendable, CaseIterable { case license, filing, certificate }
    public enum ReviewUnit: String, Sendable, CaseIterable { case working, calendar }
    public enum SupplementRule: String, Sendable, CaseIterable { case pause, restart }

    public var id: String
    public var name: String
    public var nameEn: String?
    public var kind: Kind?
    public var authority: String?
    public var basis: String?
    public var reviewDays: Int?
    public var reviewUnit: ReviewUnit
    public var onSupplement: SupplementRule
    public var validity: String?
    public var order: Int?
    public var page: PageSource
    /// The statutes and rules the permit page relies on (`sources`).
    public var sources: [SourceCitation] = []
    /// `verified` and `unverified`: internal wiki only.
    public var verification = Verification()
    /// Every declared key as written (see `PermitSchema`).
    public var values = DeclaredValues()
}

extension Permit {
    /// The one place a permit's properties are filled from its declared values.
    init(id: String, values: DeclaredValues, page: PageSource) {
        self.init(
            id: id,
            name: values[PermitSchema.name] ?? id,
            nameEn: values[PermitSchema.nameEn],
            kind: values[PermitSchema.kind],
            authority: values[PermitSchema.authority],
            basis: values[PermitSchema.basis],
            reviewDays: values[PermitSchema.reviewDays],
            reviewUnit: values[PermitSchema.reviewUnit] ?? .working,
            onSupplement: values[PermitSchema.onSupplement] ?? .pause,
            validity: values[PermitSchema.validity],
            order: values[PermitSchema.order],
            page: page,
            sources: SourceCitation.list(values[PermitSchema.sources]),
            verification: Verification(values: values),
            values: values)
    }
}

extension Permit: ContentPage {
    public static let kind = PageKind.permits
    public var linkTitle: String { name }
}
