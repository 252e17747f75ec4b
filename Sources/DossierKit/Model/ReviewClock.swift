// Version 2: the clock
/// A filing's review clocks, one per review stage (行政许可法 art. 43), under version 2's rules:
/// where the clock starts (`clock_starts`, deemed acceptance and material completed before
/// acceptance, art. 32), what each supplement round does (`clock` or `on_supplement`), the time
/// left out under `excluded` (art. 45), extensions up to `max_extension_days` and never after the
/// period ran out (art. 42), `forwarded` to the next stage, and a calendar-day period's last day
/// moved off a day off (民法典 art. 203). See the README's "The statutory clock".
public struct ReviewClock: Sendable {
    /// Something in the timeline the clock could not honour as written, at an entry of `entries`.
    public struct Problem: Sendable, Equatable {
        public var entry: Int
        public var isError: Bool
        public var message: String
    }

    /// Every stage of the permit, stage 1 first; stages not reached yet are `notStarted`.
    public var stages: [StatutoryClock]
    /// Index in `stages` of the current stage: the last one that started (stage 1 before any).
    public var currentIndex: Int
    /// For each entry of the ordered timeline, the index of the stage it belongs to.
    public var stageOfEntry: [Int]
    /// The rule each supplement request followed, by its index in the ordered timeline (requests
    /// after the start only; one before it does not touch the clock).
    public var roundRules: [Int: TimelineEntry.RoundRule]
    /// Index in the ordered timeline of the entry the clock started on.
    public var startEntry: Int?
    /// The working day by which the authority had to accept or ask for what is missing (art. 32),
    /// where acceptance rules apply.
    public var acceptanceDeadline: Day?
    /// The working days the authority had for it (`acceptance_days`).
    public var acceptanceDays: Int?
    /// Where the clock started on a `supplement_sent` that completed the material before acceptance.
    public var startedOnCompletedMaterial = false
    public var problems: [Problem]

    /// The running (or last started) stage: what version 1 called the clock.
    public var current: StatutoryClock { stages[currentIndex] }

    /// Computes every stage's clock. `entries` must be in date order.
    public static func compute(entries: [TimelineEntry], rules: ReviewRules, calendar: WorkCalendar, today: Day) -> ReviewClock {
        var engine = ReviewClockEngine(entries: entries, rules: rules, calendar: calendar, today: today)
        return engine.run()
    }
}

/// The walk over a timeline that `ReviewClock.compute` does, with its state while it walks.
struct ReviewClockEngine {
    let entries: [TimelineEntry]
    let rules: ReviewRules
    let calendar: WorkCalendar
    let today: Day

    var result: ReviewClock
    /// The clock of the stage being walked.
    var clock: StatutoryClock
    var runningFrom = Day(ordinal: 0)
    /// Set while a supplement round stops the clock.
    var pausedFrom: Day?
    /// The rule of the round waiting for its material, if one is.
    var openRound: TimelineEntry.RoundRule?
    /// Set while an `excluded` stretch without a past `until` holds the clock.
    var excludedFrom: Day?
    var excludedUntil: Day?
    /// Running stretches from this index on belong to the current period (after any restart).
    var periodStart = 0
    var coveredUntil = Day(ordinal: 0)
    var missingYears: Set<Int> = []

    init(entries: [TimelineEntry], rules: ReviewRules, calendar: WorkCalendar, today: Day) {
        self.entries = entries
        self.rules = rules
        self.calendar = calendar
        self.today = today
        let stages = rules.stages.enumerated().map { index, stage in
            StatutoryClock(stage: index + 1, name: stage.name, limit: stage.days, unit: stage.unit)
        }
        result = ReviewClock(stages: stages.isEmpty ? [StatutoryClock(stage: 1, name: nil, limit: 0, unit: .working)] : stages,
                             currentIndex: 0, stageOfEntry: Array(repeating: 0, count: entries.count), roundRules: [:],
                             startEntry: nil, acceptanceDeadline: nil, acceptanceDays: nil, problems: [])
        clock = result.stages[0]
    }

    mutating func problem(_ index: Int, _ message: String, error: Bool = false) {
        result.problems.append(ReviewClock.Problem(entry: index, isError: error, message: message))
    }

    /// Where stage 1's clock starts: the entry's index, and whether acceptance is deemed.
    mutating func findStart() -> (index: Int, deemed: Bool)? {
        let submitted = entries.firstIndex { $0.type == .submitted }
        let accepted = entries.firstIndex { $0.type == .accepted }
        if rules.clockStarts == .submitted {
            return (submitted ?? accepted).map { ($0, false) }
        }
        guard let acceptanceDays = rules.acceptanceDays, let submitted else {
            return (accepted ?? submitted).map { ($0, false) }
        }
        let received = entries[submitted].date
        let window = calendar.day(after: received, counting: acceptanceDays, unit: .working)
        result.acceptanceDeadline = window
        result.acceptanceDays = acceptanceDays
        func inTime(_ entry: TimelineEntry) -> Bool { entry.date >= received && entry.date <= window }
        if let accepted {
            let noticed = entries.contains { [.supplementRequested, .rejected, .withdrawn].contains($0.type) && inTime($0) }
            if entries[accepted].date > window && !noticed { return (submitted, true) }
            return (accepted, false)
        }
        if let request = entries.indices.first(where: { entries[$0].type == .supplementRequested && inTime(entries[$0]) }) {
            // Art. 32(5): the period starts once the material asked for is complete.
            guard let sent = entries[(request + 1)...].firstIndex(where: { $0.type == .supplementSent }) else { return nil }
            result.startedOnCompletedMaterial = true
            return (sent, false)
        }
        return (submitted, false)
    }

    mutating func run() -> ReviewClock {
        let start = findStart()
        // Requests before the start: art. 32 asks for one complete notice.
        let before = start?.index ?? entries.count
        if rules.acceptanceDays != nil && rules.clockStarts == .accepted {
            // Before acceptance: before the first `accepted` (or the start, without one); a deemed
            // acceptance is acceptance on the day of submission.
            let accepted = entries.firstIndex { $0.type == .accepted }
            let acceptance = start?.deemed == true ? before : (accepted ?? before)
            let early = entries.indices.filter { $0 < acceptance && entries[$0].type == .supplementRequested }
            for index in early.dropFirst() {
                problem(index, "a second 'supplement_requested' before acceptance: the authority must ask for everything missing in one notice (行政许可法 art. 32)")
            }
        }
        for index in entries.indices where index < before && entries[index].type == .excluded {
            problem(index, "'excluded' entry while the clock is not running (it has not started): the days are not left out of anything")
        }
        checkEveryEntry()
        guard let start else {
            finish()
            return result
        }
        result.startEntry = start.index
        let day = entries[start.index].date
        clock.start = day
        clock.state = .running
        clock.deemed = start.deemed
        runningFrom = day
        coveredUntil = day
        for index in entries.indices where index > start.index {
            result.stageOfEntry[index] = result.currentIndex
            step(index)
        }
        // Entries before the start belong to stage 1 (already 0).
        finish()
        return result
    }

    mutating func closeRunning(at day: Day) {
        let counted = calendar.count(after: runningFrom, through: day, unit: clock.unit)
        clock.running.append(StatutoryClock.Stretch(from: runningFrom, through: max(day, runningFrom), counted: counted, isOpen: false))
        clock.used += counted
        coveredUntil = max(coveredUntil, day)
    }

    /// Ends an open exclusion on `day` (the clock then runs from the day after).
    mutating func closeExclusion(through day: Day, open: Bool) {
        guard let from = excludedFrom else { return }
        let through = max(day, from)
        clock.excluded.append(StatutoryClock.Stretch(from: from, through: through,
                                                     counted: calendar.count(after: from.adding(days: -1), through: through, unit: clock.unit),
                                                     isOpen: open))
        excludedFrom = nil
        excludedUntil = nil
        clock.isExcluding = false
    }

    /// Stops the stage on `day`: a decision or a `forwarded`.
    mutating func stop(on day: Day, decided: Bool) {
        if excludedFrom != nil {
            closeExclusion(through: day, open: false)
        } else if clock.state == .running {
            closeRunning(at: day)
        } else if clock.state == .paused, let from = pausedFrom {
            clock.paused.append(StatutoryClock.Stretch(from: from, through: max(day, from), counted: 0, isOpen: false))
        }
        pausedFrom = nil
        openRound = nil
        clock.state = .stopped
        clock.decided = decided
        clock.stopped = day
        coveredUntil = max(coveredUntil, day)
    }

    mutating func step(_ index: Int) {
        let entry = entries[index]
        guard clock.state != .stopped else {
            if entry.type == .excluded {
                problem(index, "'excluded' entry while the clock is not running (\(clock.decided ? "a decision stopped it" : "it stopped")): the days are not left out of anything")
            }
            return
        }
        // An exclusion whose last day has passed gives the clock back before the next entry.
        if let until = excludedUntil, entry.date > until {
            closeExclusion(through: until, open: false)
            runningFrom = until
            clock.state = .running
        }
        switch entry.type {
        case .supplementRequested:
            let rule = entry.values[TimelineEntrySchema.clock] ?? (rules.onSupplement == .restart ? .restart : .pause)
            guard clock.state == .running, openRound == nil else { return }
            result.roundRules[index] = rule
            openRound = rule
            if rule != .continue {
                closeRunning(at: entry.date)
                clock.state = .paused
                pausedFrom = entry.date
            }
        case .supplementSent:
            guard let rule = openRound else { return }
            openRound = nil
            guard rule != .continue, clock.state == .paused, excludedFrom == nil else { return }
            let from = pausedFrom ?? entry.date
            clock.paused.append(StatutoryClock.Stretch(from: from, through: max(entry.date, from), counted: 0, isOpen: false))
            pausedFrom = nil
            if rule == .restart {
                clock.used = 0
                clock.limit = rules.stages[result.currentIndex].days
                clock.extensionDays = 0
                clock.restarts += 1
                periodStart = clock.running.count
            }
            runningFrom = entry.date
            clock.state = .running
        case .extended:
            extend(index)
        case .excluded:
            exclude(index)
        case .forwarded:
            forward(index)
        case .approved, .rejected, .withdrawn:
            stop(on: entry.date, decided: true)
        default:
            break
        }
    }

    mutating func extend(_ index: Int) {
        let entry = entries[index]
        let days = entry.days ?? 0
        let runningNow = clock.state == .running && excludedFrom == nil
        let usedSoFar = clock.used + (runningNow ? calendar.count(after: runningFrom, through: entry.date, unit: clock.unit) : 0)
        if usedSoFar > clock.limit {
            problem(index, "extension dated \(entry.date), after the period had run out (\(usedSoFar) of \(clock.limit) days used): it is not counted, the clock stays overdue")
            return
        }
        var added = days
        if let most = rules.maxExtensionDays, clock.extensionDays + days > most {
            added = max(0, most - clock.extensionDays)
            problem(index, "extension of \(days) days goes beyond 'max_extension_days' (\(most) in all): only \(added) counted")
        }
        clock.extensionDays += added
        clock.limit += added
    }

    mutating func exclude(_ index: Int) {
        let entry = entries[index]
        guard clock.state == .running, excludedFrom == nil else {
            let why = excludedFrom != nil ? "an earlier exclusion still runs" : clock.state == .paused ? "it waits for supplement material" : clock.state.rawValue
            problem(index, "'excluded' entry while the clock is not running (\(why)): the days are not left out of anything")
            return
        }
        let until = entry.values[TimelineEntrySchema.until]
        if let until, until < entry.date { return }  // an error already (TimelineEntryChecks)
        closeRunning(at: entry.date.adding(days: -1))
        excludedFrom = entry.date
        excludedUntil = until
        clock.isExcluding = true
        clock.state = .paused
    }

    mutating func forward(_ index: Int) {
        let entry = entries[index]
        let next = result.currentIndex + 1
        // One beyond the last stage is an error already (`checkEveryEntry`).
        guard next < result.stages.count else { return }
        stop(on: entry.date, decided: false)
        save()
        var received = entry.values[TimelineEntrySchema.received] ?? entry.date
        if received < entry.date { received = entry.date }  // an error already (TimelineEntryChecks)
        result.currentIndex = next
        result.stageOfEntry[index] = next
        clock = result.stages[next]
        if let name = entry.values[TimelineEntrySchema.stage] { clock.stageName = name }
        clock.start = received
        clock.state = .running
        runningFrom = received
        periodStart = 0
    }

    /// Keeps the walked stage's clock in the result.
    mutating func save() {
        if clock.unit == .working, let start = clock.start {
            missingYears.formUnion(calendar.missingYears(from: start, through: coveredUntil))
        }
        result.stages[result.currentIndex] = clock
    }

    /// The day `amount` counting days after `from` have passed, moved off a day off for a
    /// calendar-day period (民法典 art. 203).
    func due(after from: Day, counting amount: Int) -> Day {
        let day = calendar.day(after: from, counting: max(0, amount), unit: clock.unit)
        return clock.unit == .calendar ? calendar.workingDay(onOrAfter: day) : day
    }

    /// The day the current period's count reaches its limit: in the stretch where the running
    /// stretches so far reach it, or in the open stretch, which runs on until it does. Nil when the
    /// closed stretches have not reached it and none is open.
    func dayLimitReached() -> Day? {
        var cumulative = 0
        for stretch in clock.running[periodStart...] {
            if stretch.isOpen || cumulative + stretch.counted >= clock.limit {
                return due(after: stretch.from, counting: clock.limit - cumulative)
            }
            cumulative += stretch.counted
        }
        return nil
    }

    mutating func finish() {
        if clock.start != nil {
            if let until = excludedUntil, until <= today {
                closeExclusion(through: until, open: false)
                runningFrom = until
                clock.state = .running
            }
            switch clock.state {
            case .running:
                let counted = calendar.count(after: runningFrom, through: today, unit: clock.unit)
                clock.running.append(StatutoryClock.Stretch(from: runningFrom, through: max(today, runningFrom), counted: counted, isOpen: true))
                clock.used += counted
                coveredUntil = max(coveredUntil, today)
                clock.deadline = dayLimitReached()
                if let deadline = clock.deadline {
                    coveredUntil = max(coveredUntil, deadline)
                    clock.overdueExcused = clock.used > clock.limit && today <= deadline
                }
            case .paused:
                if excludedFrom != nil {
                    let until = excludedUntil
                    closeExclusion(through: today, open: true)
                    clock.isExcluding = true
                    if let until {
                        // The clock runs again from the day after `until`: its last day is known,
                        // unless the period had already run out before the exclusion began: its
                        // deadline has passed then and stays where it was, not after `until`.
                        clock.deadline = clock.used >= clock.limit ? dayLimitReached() : due(after: until, counting: clock.limit - clock.used)
                        coveredUntil = max(coveredUntil, clock.deadline ?? until)
                    }
                } else if let from = pausedFrom {
                    clock.paused.append(StatutoryClock.Stretch(from: from, through: max(today, from), counted: 0, isOpen: true))
                }
            case .stopped:
                // A calendar-day period whose last day fell on a day off and moved past the decision.
                if clock.unit == .calendar, clock.used > clock.limit, let stopped = clock.stopped, let lastDay = dayLimitReached() {
                    clock.overdueExcused = stopped <= lastDay
                }
            case .notStarted:
                break
            }
        }
        save()
        result.stages[result.currentIndex].missingCalendarYears = missingYears.sorted()
        // In the timeline's order, whichever pass found them.
        result.problems = result.problems.enumerated().sorted { ($0.element.entry, $0.offset) < ($1.element.entry, $1.offset) }.map(\.element)
    }

    /// What is wrong with an entry wherever the clock stands: an `excluded` entry the authority did
    /// not notify in writing (art. 45), and a `forwarded` beyond the permit's last stage (even one
    /// the walk does not reach, before the start or after a decision).
    mutating func checkEveryEntry() {
        var forwarded = 0
        for (index, entry) in entries.enumerated() {
            if entry.type == .excluded, entry.values[TimelineEntrySchema.notified] != true {
                problem(index, "'excluded' without 'notified: true': the authority must tell the applicant in writing how long it needs (行政许可法 art. 45)")
            }
            if entry.type == .forwarded {
                forwarded += 1
                let stages = result.stages.count
                if forwarded >= stages {
                    problem(index, "'forwarded' beyond the last review stage: the permit has \(stages) stage\(stages == 1 ? "" : "s") (add it to the permit's 'stages')", error: true)
                }
            }
        }
    }
}
