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
        // Small keys only: copying whole filings per entry took 120 MB on a 4,000-filing site.
        var all: [(date: Day, filing: Int, index: Int)] = []
        var entries: [[TimelineEntry]] = []
        for (number, filing) in filings.enumerated() {
            let ordered = analyses[filing.id]?.ordered ?? filing.timeline
            entries.append(ordered)
            for (index, entry) in ordered.enumerated() { all.append((entry.date, number, index)) }
        }
        all.sort { ($0.date, filings[$1.filing].id, $0.index) > ($1.date, filings[$0.filing].id, $1.index) }
        return all.prefix(limit).map { (filings[$0.filing], entries[$0.filing][$0.index]) }
    }
}
