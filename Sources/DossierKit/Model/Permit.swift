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
}
