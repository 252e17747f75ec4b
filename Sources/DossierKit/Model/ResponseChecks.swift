/// Version 2: responses. Problems with the reviewer's points, the answers to them and checklists,
/// each at its position. Run on every filing as written (internal entries and points included),
/// whatever the audience, so a brief reports what the wiki reports.
public enum ResponseChecks {
    public static func check(filings: [Filing], permits: [Permit]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var permitsByID: [String: Permit] = [:]
        for permit in permits where permitsByID[permit.id] == nil { permitsByID[permit.id] = permit }
        for permit in permits { diagnostics += checklist(permit) }
        for filing in filings {
            diagnostics += answers(filing)
            diagnostics += checklist(filing, permit: permitsByID[filing.permit.value])
        }
        return diagnostics
    }

    /// A checklist id written twice in a permit.
    static func checklist(_ permit: Permit) -> [Diagnostic] {
        var seen: [String: SourcePosition] = [:]
        var diagnostics: [Diagnostic] = []
        for item in permit.values[PermitSchema.checklist] ?? [] {
            guard let id = item.located(ResponseSchema.checklistID) else { continue }
            if let first = seen[id.value] {
                diagnostics.append(.error(permit.page.displayPath, id.position,
                    "duplicate checklist id '\(id.value)': line \(first.line) has the same id"))
            } else {
                seen[id.value] = id.position
            }
        }
        return diagnostics
    }

    /// `answers` that name no point, and supplements sent that leave points of their request open.
    static func answers(_ filing: Filing) -> [Diagnostic] {
        let path = filing.page.displayPath
        let responses = FilingResponses(filing)
        var diagnostics: [Diagnostic] = []
        for unbound in responses.unbound {
            guard let index = unbound.request else {
                diagnostics.append(.error(path, unbound.answer.position,
                    "'answers' \(unbound.answer.value): no earlier timeline entry has 'items' (the reviewer's points) for it to answer"))
                continue
            }
            let request = responses.requests[index]
            diagnostics.append(.error(path, unbound.answer.position,
                "'answers' \(unbound.answer.value): the '\(request.type.rawValue)' of \(request.date) has no point \(unbound.answer.value) (it has \(request.points.count))"))
        }
        // A change pasted from `dossier new reply` and never written.
        for entry in filing.timeline {
            for change in entry.values[TimelineEntrySchema.changes] ?? [] {
                guard let text = change[ResponseSchema.changeText], text.hasPrefix(ReplySkeleton.placeholder) else { continue }
                diagnostics.append(.warning(path, change.valuePosition(ResponseSchema.changeText) ?? change.position,
                    "change '\(text)' is still the placeholder of dossier new reply: write what was changed"))
            }
        }
        // Each supplement sent answers the open request before it (as the clock pairs them).
        var open: Int?  // rank of the waiting supplement_requested
        for (rank, index) in responses.order.enumerated() {
            let entry = filing.timeline[index]
            switch entry.type {
            case .supplementRequested:
                open = rank
            case .supplementSent:
                defer { open = nil }
                guard let requested = open, let request = responses.requests.first(where: { $0.rank == requested }) else { continue }
                let left = request.points.filter { point in !point.changes.contains { $0.rank <= rank } }
                guard !left.isEmpty else { continue }
                let numbers = left.map { String($0.number) }.joined(separator: ", ")
                diagnostics.append(.warning(path, entry.position,
                    "'supplement_sent' leaves \(left.count == 1 ? "point" : "points") \(numbers) of the supplement request of \(request.date) unanswered"))
            default:
                break
            }
        }
        return diagnostics
    }

    /// Ids the permit's checklist does not have; required items pending once the filing is submitted.
    static func checklist(_ filing: Filing, permit: Permit?) -> [Diagnostic] {
        let path = filing.page.displayPath
        var diagnostics: [Diagnostic] = []
        guard let permit else { return [] }
        let known = FilingChecklist.items(of: permit).map(\.id)
        for pair in filing.values[FilingSchema.checklist] ?? [] where !known.contains(pair.id.value) {
            diagnostics.append(.error(path, pair.id.position,
                "checklist id '\(pair.id.value)' is not in the checklist of permit '\(permit.id)'\(Suggestion.hint(for: pair.id.value, in: known))"))
        }
        if ![.preparing, .cancelled].contains(filing.status), let checklist = FilingChecklist(filing: filing, permit: permit),
           !checklist.pendingRequired.isEmpty {
            let ids = checklist.pendingRequired.map(\.id).joined(separator: ", ")
            diagnostics.append(.warning(path, filing.statusPosition,
                "status is '\(filing.status.rawValue)' but required checklist items are still pending: \(ids)"))
        }
        return diagnostics
    }
}
