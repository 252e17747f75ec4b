/// A filing's statutory clock: how many of its days are used, until when, and when it was paused.
/// A filing whose permit has no review period has no clock (`hasClock` is false); one with no
/// analysis at all shows only that.
struct ClockView: TemplateView {
    var clock: StatutoryClock?
    /// Supplement rounds answered so far.
    var rounds: Int
    var stateLabel: String
    var unitLabel: String
    var deadlineText: String?
    var startText: String?
    var paused: [PausedView]
    // Version 2: the clock
    /// The stage (1, 2, ...), its name and how it started and what it left out, in words.
    var stage = 1
    var stageName = ""
    var isCurrent = true
    /// Whether the permit has more than one review stage (the stage is then named).
    var showsStage = false
    /// Sentences about the clock: deemed acceptance, start on completed material, extensions.
    var notes: [String] = []
    var exclusions: [ExclusionView] = []

    /// What a list shows for a filing not analysed.
    static let none = ClockView(clock: nil, rounds: 0, stateLabel: "", unitLabel: "", paused: [])

    init(clock: StatutoryClock?, rounds: Int, stateLabel: String, unitLabel: String, deadlineText: String? = nil,
         startText: String? = nil, paused: [PausedView]) {
        self.clock = clock
        self.rounds = rounds
        self.stateLabel = stateLabel
        self.unitLabel = unitLabel
        self.deadlineText = deadlineText
        self.startText = startText
        self.paused = paused
    }

    init(_ analysis: FilingAnalysis, ui: [String: String], dates: LanguageFile.DateFormat) {
        guard let clock = analysis.clock else {
            self.init(clock: nil, rounds: analysis.completedRounds, stateLabel: "", unitLabel: "", paused: [])
            return
        }
        let deadline = clock.state == .running || clock.isExcluding ? clock.deadline : nil
        self.init(clock: clock, rounds: analysis.completedRounds,
                  stateLabel: ui["state.\(clock.state.rawValue)"] ?? clock.state.rawValue,
                  unitLabel: clock.unit == .working ? ui["workingDays"] ?? "" : ui["calendarDays"] ?? "",
                  deadlineText: deadline.map(dates.format), startText: clock.start.map(dates.format),
                  paused: clock.paused.map { PausedView(from: $0.from, through: $0.through, open: $0.isOpen, dates: dates) })
    }

    /// The day the clock runs out, while it runs.
    var deadline: String {
        guard let clock, clock.state == .running || clock.isExcluding else { return "" }
        return clock.deadline?.description ?? ""
    }

    /// How much of the limit is used, in percent (100 when there is no limit).
    var percent: Int {
        guard let clock else { return 0 }
        return clock.limit > 0 ? min(100, clock.used * 100 / clock.limit) : 100
    }

    static let fields = ViewFields<ClockView>("statutory clock", [
        .flag("hasClock") { $0.clock != nil },
        .text("state") { $0.clock?.state.rawValue ?? "" },
        .text("stateLabel") { $0.clock == nil ? nil : $0.stateLabel },
        .flag("notStarted") { $0.clock?.state == .notStarted },
        .text("unit") { $0.clock?.unit.rawValue ?? "" },
        .text("unitLabel") { $0.clock == nil ? nil : $0.unitLabel },
        .text("used") { $0.clock.map { String($0.used) } ?? "" },
        .text("limit") { $0.clock.map { String($0.limit) } ?? "" },
        .text("remaining") { $0.clock.map { String($0.remaining) } ?? "" },
        .number("overdueBy") { max(0, -($0.clock?.remaining ?? 0)) },
        .number("remainingShown") { max(0, $0.clock?.remaining ?? 0) },
        .flag("overdue") { $0.clock?.isOverdue ?? false },
        .text("deadline") { $0.deadline },
        .text("deadlineText") { $0.deadlineText },
        .text("start") { $0.clock?.start?.description ?? "" },
        .text("startText") { $0.startText },
        .number("percent") { $0.percent },
        .number("rounds") { $0.rounds },
        .number("restarts") { $0.clock?.restarts ?? 0 },
        .flag("hasRestarts") { ($0.clock?.restarts ?? 0) > 0 },
        .views("paused") { $0.paused },
        .flag("hasPaused") { !$0.paused.isEmpty },
    ] + stageFields)
}

/// A stretch during which the clock stood still (waiting for a supplement); `open` while it lasts.
struct PausedView: TemplateView {
    var from: String
    var fromText: String
    var through: String
    var throughText: String
    var open: Bool

    init(from: Day, through: Day, open: Bool, dates: LanguageFile.DateFormat) {
        self.from = from.description
        self.fromText = dates.format(from)
        self.through = through.description
        self.throughText = dates.format(through)
        self.open = open
    }

    static let fields = ViewFields<PausedView>("pause of the clock", [
        .text("from") { $0.from },
        .text("fromText") { $0.fromText },
        .text("through") { $0.through },
        .text("throughText") { $0.throughText },
        .flag("open") { $0.open },
    ])
}
