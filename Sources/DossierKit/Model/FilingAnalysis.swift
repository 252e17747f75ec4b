/// Everything computed about one filing from its timeline: the statutory clock, whose move it is,
/// the supplement rounds with their turnaround, and the days from acceptance to decision.
public struct FilingAnalysis: Sendable {
    /// Nil when the permit has no `review_days`.
    public var clock: StatutoryClock?
    public var whoseMove: WhoseMove
    public var rounds: [SupplementRound]
    /// The timeline in date order (entries on one day keep their written order).
    public var ordered: [TimelineEntry]
    /// Indices into `Filing.timeline`, in date order.
    public var order: [Int]
    /// Working days from the clock's start (acceptance) to the decision, for decided filings.
    public var workingDaysToDecision: Int?
    public var decision: TimelineEntry?
    // Version 2: the clock
    /// Every review stage's clock (nil when the permit has no period): `clock` is its current stage.
    public var review: ReviewClock?

    public var completedRounds: Int { rounds.filter { !$0.isOpen }.count }
    public var openRound: SupplementRound? { rounds.first { $0.isOpen } }

    public static func analyse(_ filing: Filing, permit: Permit?, calendar: WorkCalendar, today: Day) -> FilingAnalysis {
        let order = filing.timeline.indices.sorted { (filing.timeline[$0].date, $0) < (filing.timeline[$1].date, $1) }
        // A timeline written in date order (the usual case) is shared, not copied: the site keeps
        // every filing's analysis beside the filing for the whole render.
        let ordered = order.elementsEqual(filing.timeline.indices) ? filing.timeline : order.map { filing.timeline[$0] }
        // Version 2: the clock
        let application = filing.values[FilingSchema.application] ?? .new
        let review = permit.flatMap { ReviewRules.of($0, application: application) }.map {
            ReviewClock.compute(entries: ordered, rules: $0, calendar: calendar, today: today)
        }
        // Rounds: each request with the answer that follows it.
        var rounds: [SupplementRound] = []
        let start = ordered.first { $0.type == .accepted }?.date ?? ordered.first { $0.type == .submitted }?.date
        var authorityFrom = start
        for (index, entry) in ordered.enumerated() {
            switch entry.type {
            case .supplementRequested:
                if let open = rounds.last, open.isOpen { continue }
                let authorityDays = authorityFrom.map { calendar.count(after: $0, through: entry.date, unit: .working) }
                rounds.append(SupplementRound(number: rounds.count + 1, requested: entry.date, sent: nil,
                                              ourWorkingDays: calendar.count(after: entry.date, through: today, unit: .working),
                                              authorityWorkingDays: authorityDays, summary: entry.summary,
                                              stage: review?.stageOfEntry[index] ?? 0, rule: review?.roundRules[index]))
            case .supplementSent:
                guard let last = rounds.last, last.isOpen else { continue }
                rounds[rounds.count - 1].sent = entry.date
                rounds[rounds.count - 1].ourWorkingDays = calendar.count(after: last.requested, through: entry.date, unit: .working)
                authorityFrom = entry.date
            default:
                continue
            }
        }
        let decision = ordered.first { [.approved, .rejected].contains($0.type) }
        var toDecision: Int?
        if let decision, let start { toDecision = calendar.count(after: start, through: decision.date, unit: .working) }
        // Version 2: the clock. Each stage counts the rounds answered in it.
        var stagedReview = review
        if var staged = stagedReview {
            for index in staged.stages.indices {
                staged.stages[index].rounds = rounds.filter { !$0.isOpen && $0.stage == index }.count
            }
            stagedReview = staged
        }
        return FilingAnalysis(clock: stagedReview?.current,
                              whoseMove: WhoseMove.compute(status: filing.status, entries: ordered, opened: filing.opened, today: today),
                              rounds: rounds, ordered: ordered, order: order, workingDaysToDecision: toDecision, decision: decision,
                              review: stagedReview)
    }
}
