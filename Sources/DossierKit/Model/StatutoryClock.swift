/// The authority's statutory review clock for one review stage of a filing, as the content format
/// defines it (version 1's rules, refined by version 2's; `ReviewClock` computes every stage):
/// it starts on `accepted` (or `submitted` when there is no `accepted`), stops while a
/// `supplement_requested` waits for its `supplement_sent` (then runs on, or starts a new full
/// period where the permit says `on_supplement: restart`), grows by `days` on each `extended`,
/// and ends on `approved`, `rejected` or `withdrawn`; an open filing's clock runs to today.
/// Each running stretch counts the days after the day it starts, up to and including the day it
/// stops.
public struct StatutoryClock: Sendable, Equatable {
    public enum State: String, Sendable {
        case notStarted = "not-started"
        case running, paused, stopped
    }

    /// A stretch of time: the clock running, or paused for a supplement.
    public struct Stretch: Sendable, Equatable {
        public var from: Day
        /// The day it stopped; for the current stretch of an open filing, today.
        public var through: Day
        /// Counting days in it (running stretches; for excluded ones, the days not counted).
        public var counted: Int
        /// Whether it is still going on (runs to today).
        public var isOpen: Bool
    }

    public var state: State
    public var unit: Permit.ReviewUnit
    /// The period: `review_days` plus extensions (since the last restart).
    public var limit: Int
    public var used: Int
    public var start: Day?
    /// Running stretches, in order (after the last restart only the later ones count).
    public var running: [Stretch]
    /// Paused stretches: from a supplement request to the material sent (or today).
    public var paused: [Stretch]
    /// How often a supplement restarted the period.
    public var restarts: Int
    /// The day the period runs out, for a running clock (in the past when overdue); for a calendar-
    /// day period, moved off a day off to the next working day (民法典 art. 203).
    public var deadline: Day?
    /// Years the count went through that have no calendar file (working days only).
    public var missingCalendarYears: [Int]

    // Version 2: the clock
    /// 1, 2, ...: the review stage (art. 43) this clock is for.
    public var stage: Int = 1
    /// The stage's name where the permit (or the `forwarded` entry) gives one.
    public var stageName: String?
    /// Stretches left out of the period under `excluded` (art. 45), both ends included.
    public var excluded: [Stretch] = []
    /// Whether the application counts as accepted on its submission (art. 32): stage 1 only.
    public var deemed = false
    /// Whether the clock waits for the end of an `excluded` stretch (its state is then `paused`).
    public var isExcluding = false
    /// Whether a decision (`approved`, `rejected`, `withdrawn`) stopped it; a `forwarded` stops a
    /// stage without deciding.
    public var decided = false
    /// The day the stage stopped (decision or `forwarded`).
    public var stopped: Day?
    /// Supplement rounds answered in this stage (set by `FilingAnalysis`).
    public var rounds = 0
    /// Days granted by extensions in the current period (at most `max_extension_days`).
    public var extensionDays = 0
    /// Whether `used` passes `limit` only because a calendar-day period's last day fell on a day
    /// off and moved to a working day not yet past (民法典 art. 203).
    var overdueExcused = false

    /// Days not counted under `excluded`.
    public var excludedDays: Int { excluded.reduce(0) { $0 + $1.counted } }
    public var remaining: Int { limit - used }
    public var isOverdue: Bool { state != .notStarted && used > limit && !overdueExcused }

    /// A stage's clock before it starts.
    init(stage: Int, name: String?, limit: Int, unit: Permit.ReviewUnit) {
        self.init(state: .notStarted, unit: unit, limit: limit, used: 0, start: nil, running: [], paused: [], restarts: 0,
                  deadline: nil, missingCalendarYears: [])
        self.stage = stage
        self.stageName = name
    }

    public init(state: State, unit: Permit.ReviewUnit, limit: Int, used: Int, start: Day?, running: [Stretch],
                paused: [Stretch], restarts: Int, deadline: Day?, missingCalendarYears: [Int]) {
        self.state = state
        self.unit = unit
        self.limit = limit
        self.used = used
        self.start = start
        self.running = running
        self.paused = paused
        self.restarts = restarts
        self.deadline = deadline
        self.missingCalendarYears = missingCalendarYears
    }

    /// Computes the clock of a single-stage permit under version 1's rules. `entries` must be in
    /// date order.
    public static func compute(entries: [TimelineEntry], reviewDays: Int, unit: Permit.ReviewUnit,
                               onSupplement: Permit.SupplementRule, calendar: WorkCalendar, today: Day) -> StatutoryClock {
        let rules = ReviewRules(stages: [ReviewRules.Stage(days: reviewDays, unit: unit)], onSupplement: onSupplement)
        return ReviewClock.compute(entries: entries, rules: rules, calendar: calendar, today: today).current
    }
}
