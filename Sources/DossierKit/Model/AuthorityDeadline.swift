// Version 2: the clock
/// The running (current) review stage's deadline, as another part of the program (the applicant's
/// deadlines, a calendar feed) needs it: the day, its unit, whether it has passed on the build's
/// date and whether a decision ended the stage.
public struct AuthorityDeadline: Sendable, Equatable {
    /// 1, 2, ...: the stage the deadline belongs to.
    public var stage: Int
    public var stageName: String?
    /// The day the period runs out; nil while the clock has not started or waits for supplement
    /// material (the day is not known yet).
    public var date: Day?
    public var unit: Permit.ReviewUnit
    /// Whether the period had run out on the build's date (for a decided stage: when it was decided).
    public var hasPassed: Bool
    /// Whether a decision (`approved`, `rejected`, `withdrawn`) ended the stage.
    public var isDecided: Bool
    public var state: StatutoryClock.State
}

extension ReviewClock {
    /// The current stage's deadline (see `AuthorityDeadline`).
    public var authorityDeadline: AuthorityDeadline {
        let clock = current
        return AuthorityDeadline(stage: clock.stage, stageName: clock.stageName,
                                 date: clock.state == .running || clock.isExcluding ? clock.deadline : nil,
                                 unit: clock.unit, hasPassed: clock.isOverdue, isDecided: clock.decided, state: clock.state)
    }
}

extension FilingAnalysis {
    /// The current review stage's deadline; nil when the permit gives no review period.
    public var authorityDeadline: AuthorityDeadline? { review?.authorityDeadline }
}
