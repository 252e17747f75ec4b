/// Figures about one permit, computed from the filings this build contains.
public struct PermitStatistics: Sendable {
    public var countsByStatus: [(status: Filing.Status, count: Int)]
    /// Median working days from acceptance to decision, over decided filings.
    public var medianWorkingDaysToDecision: Double?
    /// Median completed supplement rounds, over filings whose clock has started.
    public var medianRounds: Double?
    /// Approved / (approved + rejected), when anything was decided.
    public var approvalRate: Double?
    public var decidedCount: Int
    /// Most recent reviewer requests (`supplement_requested` and `question`), newest first.
    public var recentRequests: [(filing: String, entry: TimelineEntry)]
    // Version 2: the clock
    /// Figures per review stage, stage 1 first (empty when no filing has a review period).
    public var stages: [StageFigures] = []

    /// One review stage's figures over the permit's filings.
    public struct StageFigures: Sendable, Equatable {
        public var stage: Int
        public var name: String?
        public var unit: Permit.ReviewUnit
        /// Median days used of the stage's period, over filings whose stage has ended.
        public var medianUsed: Double?
        /// Median supplement rounds answered in the stage, over filings whose stage started.
        public var medianRounds: Double?
    }

    /// The figures of each stage over `filings`.
    static func stageFigures(filings: [Filing], analyses: [String: FilingAnalysis]) -> [StageFigures] {
        let reviews = filings.compactMap { analyses[$0.id]?.review }
        let count = reviews.map(\.stages.count).max() ?? 0
        return (0..<count).map { index in
            let clocks = reviews.compactMap { index < $0.stages.count ? $0.stages[index] : nil }
            let started = clocks.filter { $0.state != .notStarted }
            return StageFigures(stage: index + 1, name: clocks.first?.stageName, unit: clocks.first?.unit ?? .working,
                                medianUsed: median(started.filter { $0.state == .stopped }.map(\.used)),
                                medianRounds: median(started.map(\.rounds)))
        }
    }

    public static func compute(filings: [Filing], analyses: [String: FilingAnalysis], limit: Int = 10) -> PermitStatistics {
        var counts: [Filing.Status: Int] = [:]
        for filing in filings { counts[filing.status, default: 0] += 1 }
        let byStatus = Filing.Status.allCases.compactMap { status in counts[status].map { (status, $0) } }
        let toDecision = filings.compactMap { analyses[$0.id]?.workingDaysToDecision }
        let rounds = filings.compactMap { filing -> Int? in
            guard let analysis = analyses[filing.id], analysis.clock?.start != nil || analysis.decision != nil
                || analysis.ordered.contains(where: { $0.type == .submitted || $0.type == .accepted }) else { return nil }
            return analysis.completedRounds
        }
        let approved = filings.filter { $0.status == .approved }.count
        let rejected = filings.filter { $0.status == .rejected }.count
        var requests: [(filing: String, entry: TimelineEntry)] = []
        for filing in filings {
            for entry in analyses[filing.id]?.ordered ?? filing.timeline
            where entry.type == .supplementRequested || (entry.type == .question && entry.from != .us) {
                requests.append((filing.id, entry))
            }
        }
        requests.sort { ($0.entry.date, $1.filing) > ($1.entry.date, $0.filing) }
        return PermitStatistics(countsByStatus: byStatus,
                                medianWorkingDaysToDecision: median(toDecision),
                                medianRounds: median(rounds),
                                approvalRate: approved + rejected > 0 ? Double(approved) / Double(approved + rejected) : nil,
                                decidedCount: approved + rejected,
                                recentRequests: Array(requests.prefix(limit)),
                                stages: stageFigures(filings: filings, analyses: analyses))
    }

    static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }
}
