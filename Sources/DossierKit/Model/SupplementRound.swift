/// One supplement round: a `supplement_requested` and the `supplement_sent` that answers it.
public struct SupplementRound: Sendable, Equatable {
    public var number: Int
    public var requested: Day
    /// Nil while we have not answered yet.
    public var sent: Day?
    /// Working days we took to answer (to today while open).
    public var ourWorkingDays: Int
    /// Working days the authority took before asking: from the clock's start or our previous
    /// answer to this request.
    public var authorityWorkingDays: Int?
    public var summary: String
    // Version 2: the clock
    /// Index in `ReviewClock.stages` of the stage the round falls in.
    public var stage = 0
    /// What the round did to the clock; nil when it came before the clock started.
    public var rule: TimelineEntry.RoundRule?

    public var isOpen: Bool { sent == nil }
}
