/// One deadline of a filing (version 2, "Deadlines and the calendar feed"): what is due, on which
/// day, and where it comes from. Made by `FilingDeadlines`; shown on the filing page, the home
/// page and in `deadlines.ics`.
public struct Deadline: Sendable, Equatable {
    /// The kinds the contract names (`data-deadline-kind`).
    public enum Kind: String, Sendable, CaseIterable {
        case authority, supplement, issue, expiry, renewal, duty, remedy, other
    }

    /// What is due: a text the content wrote (a duty's or a deadline's `title`), or one the
    /// interface language names (`deadline.<key>` in the theme's language files).
    public enum Label: Sendable, Equatable {
        case written(String)
        case standard(String)
    }

    /// Where a deadline comes from, for the page ("which entry or rule").
    public enum Origin: Sendable, Equatable {
        /// A timeline entry of this type and date.
        case entry(TimelineEntry.EntryType, Day)
        /// A key of the filing or its permit (`expires`, `validity_years`, `deadlines` ...).
        case key(String)
    }

    public var kind: Kind
    public var date: Day
    public var label: Label
    /// Stays the same from build to build (the calendar feed's `UID` is made from it with the
    /// filing's id): the kind and the rule, never the date.
    public var rule: String
    public var origin: Origin
    /// The statute it rests on, where there is one (e.g. `行政许可法第四十四条`).
    public var basis: String?
    /// A filing `deadlines` item written `internal: true`: internal wiki only.
    public var isInternal: Bool = false
    /// Computed from `validity_years` rather than copied from the certificate.
    public var isEstimate: Bool = false
    /// Deadlines with the same group are alternatives (行政复议 or 行政诉讼 after a refusal).
    public var alternatives: String?

    /// Calendar days from `today` to the deadline: negative once it has passed.
    public func daysLeft(from today: Day) -> Int { today.days(to: date) }
}
