/// View models for the statutory clock, whose move and supplement rounds of a filing.
enum ClockView {
    static func clock(_ analysis: FilingAnalysis, ui: [String: String]) -> [String: Any] {
        guard let clock = analysis.clock else {
            return ["hasClock": false, "rounds": analysis.completedRounds, "state": "", "used": "", "limit": "",
                    "unit": "", "remaining": "", "deadline": ""]
        }
        let unitLabel = clock.unit == .working ? ui["workingDays"] ?? "" : ui["calendarDays"] ?? ""
        let percent = clock.limit > 0 ? min(100, clock.used * 100 / clock.limit) : 100
        return [
            "hasClock": true,
            "state": clock.state.rawValue,
            "stateLabel": ui["state.\(clock.state.rawValue)"] ?? clock.state.rawValue,
            "notStarted": clock.state == .notStarted,
            "unit": clock.unit.rawValue,
            "unitLabel": unitLabel,
            "used": clock.used,
            "limit": clock.limit,
            "remaining": clock.remaining,
            "overdueBy": max(0, -clock.remaining),
            "remainingShown": max(0, clock.remaining),
            "overdue": clock.isOverdue,
            "deadline": clock.state == .running ? clock.deadline?.description ?? "" : "",
            "start": clock.start?.description ?? "",
            "percent": percent,
            "rounds": analysis.completedRounds,
            "restarts": clock.restarts,
            "hasRestarts": clock.restarts > 0,
            "paused": clock.paused.map { ["from": $0.from.description, "through": $0.through.description, "open": $0.isOpen] },
            "hasPaused": !clock.paused.isEmpty,
        ]
    }

    static func whoseMove(_ move: WhoseMove, ui: [String: String]) -> [String: Any] {
        [
            "party": move.party.rawValue,
            "label": ui["move.\(move.party.rawValue)"] ?? move.party.rawValue,
            "since": move.since?.description ?? "",
            "days": move.days.map(String.init) ?? "",
            "open": move.party != .closed,
        ]
    }

    static func rounds(_ analysis: FilingAnalysis) -> [[String: Any]] {
        analysis.rounds.map { round in
            [
                "number": round.number,
                "requested": round.requested.description,
                "sent": round.sent?.description ?? "",
                "open": round.isOpen,
                "ourDays": round.ourWorkingDays,
                "authorityDays": round.authorityWorkingDays.map(String.init) ?? "",
                "summary": round.summary,
            ]
        }
    }
}
