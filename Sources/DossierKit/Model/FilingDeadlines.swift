/// A filing's deadlines, as the contract's "Deadlines and the calendar feed" lists them: the
/// authority's deadline, the `due` day of an unanswered supplement request, expiry and the renewal
/// day, the permit's duties, the filing's own `deadlines`, the issue of the certificate (行政许可法
/// art. 44) and the remedies after a refusal or a missed deadline. Soonest first.
public enum FilingDeadlines {
    /// The authority's deadline: the day the running review stage's period runs out, while it runs
    /// (also through excluded time, whose end is known). The one place the deadlines read the
    /// clock. The clock has already moved a calendar-day period's last day off a day off
    /// (民法典 art. 203); moving it again changes nothing.
    public static func authorityDeadline(of analysis: FilingAnalysis, calendar: WorkCalendar) -> (day: Day, stage: Int, start: Day?)? {
        guard let running = analysis.authorityDeadline, !running.isDecided, let date = running.date else { return nil }
        let day = running.unit == .calendar ? calendar.workingDay(onOrAfter: date) : date
        return (day, running.stage, analysis.clock?.start)
    }

    /// Calendar days after 行政复议 may be asked for (行政复议法 art. 20).
    static let reconsiderationDays = 60
    /// Months after which 行政诉讼 may no longer be brought (行政诉讼法 art. 46).
    static let litigationMonths = 6
    /// Working days the authority has to issue the certificate after approval (行政许可法 art. 44).
    static let issueWorkingDays = 10

    /// The day a permit granted on `granted` expires under `validity_years`: the day before the
    /// same date that many years later (that month's last day where it has no such date).
    public static func estimatedExpiry(granted: Day, years: Int) -> Day {
        granted.adding(months: years * 12).adding(days: -1)
    }

    /// The day a granted permit stops being valid, and whether it is an estimate.
    public static func expiry(of filing: Filing, permit: Permit?, ordered: [TimelineEntry]) -> (day: Day, estimate: Bool)? {
        if let written = filing.values[FilingSchema.expires] { return (written, false) }
        guard let years = permit?.values[PermitSchema.validityYears], let granted = granted(filing, ordered: ordered) else {
            return nil
        }
        return (estimatedExpiry(granted: granted, years: years), true)
    }

    /// `granted`, else the first `approved` entry's date.
    public static func granted(_ filing: Filing, ordered: [TimelineEntry]) -> Day? {
        filing.values[FilingSchema.granted] ?? ordered.first { $0.type == .approved }?.date
    }

    /// The supplement requests still waiting for their answer, each with its round number (a
    /// request made while another is open belongs to that round, as `FilingAnalysis` counts them).
    static func unanswered(_ ordered: [TimelineEntry]) -> [(round: Int, entry: TimelineEntry)] {
        var open: (round: Int, entry: TimelineEntry)?
        var rounds = 0
        for entry in ordered {
            switch entry.type {
            case .supplementRequested where open == nil:
                rounds += 1
                open = (rounds, entry)
            case .supplementSent:
                open = nil
            default:
                continue
            }
        }
        return open.map { [$0] } ?? []
    }

    public static func compute(_ filing: Filing, permit: Permit?, analysis: FilingAnalysis, calendar: WorkCalendar,
                               today: Day, remedies: Bool) -> [Deadline] {
        let ordered = analysis.ordered
        var result: [Deadline] = []
        func first(_ type: TimelineEntry.EntryType) -> TimelineEntry? { ordered.first { $0.type == type } }
        let decided = ordered.contains { [.approved, .rejected, .withdrawn].contains($0.type) }

        // The authority's deadline while its clock runs.
        let running = authorityDeadline(of: analysis, calendar: calendar)
        let authority = running?.day
        if let running {
            // Stage 1 counts from acceptance (or receipt, or a deemed acceptance on submission); a
            // later stage from the day its authority received the file.
            let origin: Deadline.Origin = running.start.map { day in
                running.stage > 1 ? .entry(.forwarded, day) : .entry(first(.accepted)?.date == day ? .accepted : .submitted, day)
            } ?? .key("review_days")
            result.append(Deadline(kind: .authority, date: running.day, label: .standard("authority"),
                                   rule: running.stage > 1 ? "authority-\(running.stage)" : "authority",
                                   origin: origin, basis: permit?.basis))
        }
        // What the reviewer wants by a day.
        for (round, entry) in unanswered(ordered) {
            guard let due = entry.values[TimelineEntrySchema.due] else { continue }
            result.append(Deadline(kind: .supplement, date: due, label: .standard("supplement"), rule: "supplement-\(round)",
                                   origin: .entry(.supplementRequested, entry.date)))
        }
        // Expiry and the renewal day, counted backwards: on a day off, the working day before.
        if let (expires, estimate) = expiry(of: filing, permit: permit, ordered: ordered) {
            let origin: Deadline.Origin = estimate ? .key(PermitSchema.validityYears.name) : .key(FilingSchema.expires.name)
            result.append(Deadline(kind: .expiry, date: expires, label: .standard("expiry"), rule: "expiry", origin: origin,
                                   isEstimate: estimate))
            if let before = permit?.values[PermitSchema.renewBeforeDays] {
                let renewal = calendar.workingDay(onOrBefore: expires.adding(days: -before))
                result.append(Deadline(kind: .renewal, date: renewal, label: .standard("renewal"), rule: "renewal",
                                       origin: .key(PermitSchema.renewBeforeDays.name), isEstimate: estimate))
            }
        }
        // The permit's duties whose entry exists.
        for (number, duty) in (permit?.values[PermitSchema.duties] ?? []).enumerated() {
            guard let title = duty[DutySchema.title], let afterName = duty[DutySchema.after],
                  let after = TimelineEntry.EntryType(rawValue: afterName), let entry = first(after) else { continue }
            let date: Day
            if let months = duty[DutySchema.months] {
                date = calendar.workingDay(onOrAfter: entry.date.adding(months: months))
            } else if let days = duty[DutySchema.days] {
                if duty[DutySchema.unit] == .working {
                    date = calendar.day(after: entry.date, counting: days, unit: .working)
                } else {
                    date = calendar.workingDay(onOrAfter: entry.date.adding(days: days))
                }
            } else {
                continue
            }
            result.append(Deadline(kind: .duty, date: date, label: .written(title), rule: "duty-\(number + 1)",
                                   origin: .entry(after, entry.date)))
        }
        // The filing's own.
        for (number, item) in (filing.values[FilingSchema.deadlines] ?? []).enumerated() {
            guard let date = item[DeadlineItemSchema.date], let title = item[DeadlineItemSchema.title] else { continue }
            result.append(Deadline(kind: .other, date: date, label: .written(title), rule: "other-\(number + 1)",
                                   origin: .key(FilingSchema.deadlines.name), isInternal: item[DeadlineItemSchema.isInternal] ?? false))
        }
        // The certificate, within 10 working days of approval (art. 44).
        if permit?.kind == .license || permit?.kind == .certificate, let approved = first(.approved) {
            result.append(Deadline(kind: .issue, date: calendar.day(after: approved.date, counting: issueWorkingDays, unit: .working),
                                   label: .standard("issue"), rule: "issue", origin: .entry(.approved, approved.date),
                                   basis: "行政许可法第四十四条"))
        }
        // Remedies: after a refusal, 复议 or 诉讼 from the day it was served; after a missed
        // deadline with no decision, 复议 (不予答复).
        if remedies {
            if let rejected = first(.rejected) {
                let served = rejected.values[TimelineEntrySchema.served] ?? rejected.date
                result.append(Deadline(kind: .remedy, date: calendar.workingDay(onOrAfter: served.adding(days: reconsiderationDays)),
                                       label: .standard("reconsideration"), rule: "reconsideration", origin: .entry(.rejected, served),
                                       basis: "行政复议法第二十条", alternatives: "rejected"))
                result.append(Deadline(kind: .remedy, date: calendar.workingDay(onOrAfter: served.adding(months: litigationMonths)),
                                       label: .standard("litigation"), rule: "litigation", origin: .entry(.rejected, served),
                                       basis: "行政诉讼法第四十六条", alternatives: "rejected"))
            } else if let authority, authority < today, !decided {
                result.append(Deadline(kind: .remedy, date: calendar.workingDay(onOrAfter: authority.adding(days: reconsiderationDays)),
                                       label: .standard("noReply"), rule: "no-reply", origin: .key("review_days"),
                                       basis: "行政复议法第二十条"))
            }
        }
        return result.sorted { ($0.date, order($0.kind), $0.rule) < ($1.date, order($1.kind), $1.rule) }
    }

    private static func order(_ kind: Deadline.Kind) -> Int { Deadline.Kind.allCases.firstIndex(of: kind) ?? 0 }
}
