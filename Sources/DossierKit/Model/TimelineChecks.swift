/// Warnings about a filing's timeline that a careful consultant would want to see.
public enum TimelineChecks {
    public static func check(_ filing: Filing, analysis: FilingAnalysis, today: Day) -> [Diagnostic] {
        let path = filing.page.displayPath
        var diagnostics: [Diagnostic] = []
        // Out of date order, as written.
        var latest: Day?
        for entry in filing.timeline {
            if let latest, entry.date < latest {
                diagnostics.append(.warning(path, entry.position,
                    "timeline entry of \(entry.date) comes after one of \(latest); entries are shown in date order"))
            }
            latest = max(latest ?? entry.date, entry.date)
            if entry.date > today {
                diagnostics.append(.warning(path, entry.position, "timeline entry is dated \(entry.date), after today (\(today))"))
            }
        }
        // Answers without a request, entries after a decision.
        var openRequest = false
        var decidedOn: TimelineEntry?
        for entry in analysis.ordered {
            if let decided = decidedOn, entry.type != .note {
                diagnostics.append(.warning(path, entry.position,
                    "'\(entry.type.rawValue)' entry after the final decision ('\(decided.type.rawValue)' on \(decided.date))"))
            }
            switch entry.type {
            case .supplementRequested: openRequest = true
            case .supplementSent:
                if !openRequest {
                    diagnostics.append(.warning(path, entry.position, "'supplement_sent' with no open 'supplement_requested' before it"))
                }
                openRequest = false
            case .approved, .rejected, .withdrawn:
                if decidedOn == nil { decidedOn = entry }
            default: break
            }
        }
        // Status against the timeline.
        let last = decidedOn?.type
        func contradiction(_ message: String) {
            diagnostics.append(.warning(path, filing.statusPosition, message))
        }
        switch filing.status {
        case .approved, .rejected, .withdrawn:
            let wanted = TimelineEntry.EntryType(rawValue: filing.status.rawValue)
            if last != wanted {
                contradiction("status is '\(filing.status.rawValue)' but the timeline has no '\(filing.status.rawValue)' entry" +
                              (last.map { "; it ends with '\($0.rawValue)'" } ?? ""))
            }
        case .preparing:
            if let submitted = analysis.ordered.first(where: { $0.type == .submitted || $0.type == .accepted }) {
                contradiction("status is 'preparing' but the timeline has a '\(submitted.type.rawValue)' entry on \(submitted.date)")
            }
            if let last { contradiction("status is 'preparing' but the timeline ends with '\(last.rawValue)'") }
        case .supplementing:
            if analysis.openRound == nil {
                contradiction("status is 'supplementing' but no supplement request is waiting for an answer")
            }
            if let last { contradiction("status is 'supplementing' but the timeline ends with '\(last.rawValue)'") }
        case .submitted, .accepted, .underReview:
            if let last { contradiction("status is '\(filing.status.rawValue)' but the timeline ends with '\(last.rawValue)'") }
        case .cancelled:
            break
        }
        // The memo for reviewers, once the filing is past preparing.
        if filing.status != .preparing && filing.status != .cancelled && !(filing.memo?.isComplete ?? false) {
            diagnostics.append(.warning(path, filing.memoPosition,
                "filing is past 'preparing' but has no complete 'memo' (purpose, logic, risk) for reviewers"))
        }
        // Version 2: the clock
        for problem in analysis.review?.problems ?? [] where problem.entry < analysis.ordered.count {
            let at = analysis.ordered[problem.entry].position
            diagnostics.append(problem.isError ? .error(path, at, problem.message) : .warning(path, at, problem.message))
        }
        return diagnostics
    }
}
