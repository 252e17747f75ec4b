// Version 2: the clock
extension ClockView {
    /// The fields version 2 adds to a clock: its stage, excluded days, deemed acceptance, and the
    /// sentences that explain them.
    static let stageFields: [ViewField<ClockView>] = [
        .number("stage") { $0.stage },
        .text("stageName") { $0.stageName },
        .flag("isCurrent") { $0.isCurrent },
        .flag("showsStage") { $0.showsStage },
        .text("deemed") { ($0.clock?.deemed ?? false) ? "true" : "false" },
        .flag("isDeemed") { $0.clock?.deemed ?? false },
        .number("excluded") { $0.clock?.excludedDays ?? 0 },
        .texts("notes") { $0.notes },
        .flag("hasNotes") { !$0.notes.isEmpty },
        .views("exclusions") { $0.exclusions },
        .flag("hasExclusions") { !$0.exclusions.isEmpty },
    ]

    /// One stage's clock of `analysis`, with its explanations in `ui`'s words.
    init(stage index: Int, of analysis: FilingAnalysis, ui: [String: String], dates: LanguageFile.DateFormat) {
        guard let review = analysis.review, index < review.stages.count else {
            self.init(analysis, ui: ui, dates: dates)
            return
        }
        let clock = review.stages[index]
        let deadline = clock.state == .running || clock.isExcluding ? clock.deadline : nil
        self.init(clock: clock, rounds: clock.rounds,
                  stateLabel: ui["state.\(clock.state.rawValue)"] ?? clock.state.rawValue,
                  unitLabel: clock.unit == .working ? ui["workingDays"] ?? "" : ui["calendarDays"] ?? "",
                  deadlineText: deadline.map(dates.format), startText: clock.start.map(dates.format),
                  paused: clock.paused.map { PausedView(from: $0.from, through: $0.through, open: $0.isOpen, dates: dates) })
        stage = clock.stage
        stageName = clock.stageName ?? (ui["clockStage"] ?? "{n}").replacingOccurrences(of: "{n}", with: String(clock.stage))
        isCurrent = index == review.currentIndex
        showsStage = review.stages.count > 1
        func fill(_ key: String, _ values: [String: String]) -> String {
            values.reduce(ui[key] ?? key) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
        }
        if clock.deemed, let start = clock.start, let window = review.acceptanceDeadline {
            notes.append(fill("clockDeemed", ["date": dates.format(start), "by": dates.format(window),
                                            "n": String(review.acceptanceDays ?? 5)]))
        }
        if index == 0, review.startedOnCompletedMaterial, let start = clock.start {
            notes.append(fill("clockCompleted", ["date": dates.format(start)]))
        }
        if index > 0, let start = clock.start {
            notes.append(fill("clockReceived", ["date": dates.format(start)]))
        }
        if clock.extensionDays > 0 {
            notes.append(fill("clockExtended", ["n": String(clock.extensionDays)]))
        }
        exclusions = clock.excluded.map { ExclusionView($0, unitLabel: unitLabel, dates: dates) }
        // The reason of each exclusion, from the entries that made it (in order).
        let reasons = analysis.ordered.enumerated().filter { $0.element.type == .excluded && review.stageOfEntry[$0.offset] == index }
            .map { $0.element }
        for (offset, entry) in reasons.filter({ entry in clock.excluded.contains { $0.from == entry.date } }).enumerated()
        where offset < exclusions.count {
            exclusions[offset].reason = entry.values[TimelineEntrySchema.reason]?.rawValue ?? (ui["exclusionNoReason"] ?? "")
            exclusions[offset].notified = entry.values[TimelineEntrySchema.notified] == true
        }
    }
}

/// A stretch left out of the period (行政许可法 art. 45): from, through, what for, how many days.
struct ExclusionView: TemplateView {
    var from: String
    var fromText: String
    var through: String
    var throughText: String
    var open: Bool
    var days: Int
    var unitLabel: String
    var reason = ""
    var notified = false

    init(_ stretch: StatutoryClock.Stretch, unitLabel: String, dates: LanguageFile.DateFormat) {
        from = stretch.from.description
        fromText = dates.format(stretch.from)
        through = stretch.through.description
        throughText = dates.format(stretch.through)
        open = stretch.isOpen
        days = stretch.counted
        self.unitLabel = unitLabel
    }

    static let fields = ViewFields<ExclusionView>("excluded stretch", [
        .text("from") { $0.from },
        .text("fromText") { $0.fromText },
        .text("through") { $0.through },
        .text("throughText") { $0.throughText },
        .flag("open") { $0.open },
        .number("days") { $0.days },
        .text("unitLabel") { $0.unitLabel },
        .text("reason") { $0.reason },
        .flag("notified") { $0.notified },
    ])
}
