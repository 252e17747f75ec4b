/// Warnings about a filing's deadline keys (version 2): dates that cannot all be right.
public enum DeadlineChecks {
    public static func check(_ filing: Filing, analysis: FilingAnalysis) -> [Diagnostic] {
        let path = filing.page.displayPath
        var diagnostics: [Diagnostic] = []
        // Material sent after the day the reviewer wanted it by.
        var open: TimelineEntry?
        for entry in analysis.ordered {
            switch entry.type {
            case .supplementRequested where open == nil:
                open = entry
            case .supplementSent:
                if let request = open, let due = request.values[TimelineEntrySchema.due], entry.date > due {
                    diagnostics.append(.warning(path, entry.position,
                        "'supplement_sent' on \(entry.date) is after the 'due' day \(due) of the request of \(request.date)"))
                }
                open = nil
            default:
                continue
            }
        }
        let granted = FilingDeadlines.granted(filing, ordered: analysis.ordered)
        if let granted, let submitted = analysis.ordered.first(where: { $0.type == .submitted }), granted < submitted.date {
            diagnostics.append(.warning(path, filing.values.valuePosition(FilingSchema.granted) ?? submitted.position,
                "the permit is granted on \(granted), before the first 'submitted' entry (\(submitted.date))"))
        }
        if let granted, let expires = filing.values[FilingSchema.expires], expires < granted {
            diagnostics.append(.warning(path, filing.values.valuePosition(FilingSchema.expires) ?? filing.values.position,
                "'expires' (\(expires)) is before the day the permit was granted (\(granted))"))
        }
        return diagnostics
    }
}
