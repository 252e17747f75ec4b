/// What needs attention across all filings: the internal home page's dashboard.
enum Dashboard {
    /// Open filings, least clock remaining first (overdue on top); filings without a running or
    /// paused clock come last, by id.
    static func byUrgency(_ filings: [Filing], analyses: [String: FilingAnalysis]) -> [Filing] {
        func key(_ filing: Filing) -> (Int, Int, String) {
            guard let clock = analyses[filing.id]?.clock, clock.state == .running || clock.state == .paused else {
                return (1, 0, filing.id)
            }
            return (0, clock.remaining, filing.id)
        }
        return filings.sorted { key($0) < key($1) }
    }

    /// Supplement requests still waiting for our answer, oldest first.
    static func awaitingAnswer(_ filings: [Filing], analyses: [String: FilingAnalysis]) -> [(filing: Filing, round: SupplementRound)] {
        filings.compactMap { filing in analyses[filing.id]?.openRound.map { (filing, $0) } }
            .sorted { ($0.round.requested, $0.filing.id) < ($1.round.requested, $1.filing.id) }
    }

    /// The latest communication entries across all filings, newest first.
    static func latestEntries(_ filings: [Filing], analyses: [String: FilingAnalysis], limit: Int)
        -> [(filing: Filing, entry: TimelineEntry)] {
        var all: [(filing: Filing, entry: TimelineEntry, index: Int)] = []
        for filing in filings {
            for (index, entry) in (analyses[filing.id]?.ordered ?? filing.timeline).enumerated() {
                all.append((filing, entry, index))
            }
        }
        all.sort { ($0.entry.date, $1.filing.id, $0.index) > ($1.entry.date, $0.filing.id, $1.index) }
        return all.prefix(limit).map { ($0.filing, $0.entry) }
    }
}
