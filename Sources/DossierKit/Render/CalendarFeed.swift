/// `deadlines.ics` (version 2: deadlines): every deadline of the filings this build shows, one
/// all-day event each, for calendar clients to subscribe to. Deterministic: `DTSTAMP` is the
/// build's date and each `UID` is made from the filing's id, the kind and the rule, never the date.
extension SiteRenderer {
    /// Days before a deadline its reminder goes off.
    static let calendarReminderDays = 3

    func calendarFeed() -> String {
        let base = site.settings.baseURL
        let host = base.flatMap { address -> String? in
            let rest = address.split(separator: "/", omittingEmptySubsequences: true)
            return rest.count > 1 ? String(rest[1]) : nil
        } ?? "dossier.invalid"
        func compact(_ day: Day) -> String { day.description.replacingOccurrences(of: "-", with: "") }
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Dossier//Deadlines//\(site.settings.language == .en ? "EN" : "ZH")",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + ICalendarText.escape(site.settings.title),
            "X-WR-TIMEZONE:Asia/Shanghai",
        ]
        for filing in site.filings {
            let client = site.client(filing.client.value)?.name ?? ""
            for deadline in site.deadlines[filing.id] ?? [] {
                // Internal deadlines never reach a brief (they are gone from its model already).
                if deadline.isInternal && !site.audience.includesInternal { continue }
                let summary = "\(deadlineKindLabel(deadline))：\(deadlineTitle(deadline)) · \(filing.title)"
                var description = [client, deadlineSource(deadline, filing: filing)]
                if let basis = deadline.basis { description.append(basis) }
                if deadline.isEstimate { description.append(ui["deadlineEstimate"] ?? "") }
                if deadline.alternatives != nil { description.append(ui["deadlineOr"] ?? "") }
                lines += [
                    "BEGIN:VEVENT",
                    "UID:dossier-\(filing.id)-\(deadline.kind.rawValue)-\(deadline.rule)@\(host)",
                    "DTSTAMP:\(compact(site.today))T000000Z",
                    "DTSTART;VALUE=DATE:\(compact(deadline.date))",
                    "DTEND;VALUE=DATE:\(compact(deadline.date.adding(days: 1)))",
                    "SUMMARY:" + ICalendarText.escape(summary),
                    "DESCRIPTION:" + ICalendarText.escape(description.filter { !$0.isEmpty }.joined(separator: "\n")),
                    "CATEGORIES:" + deadline.kind.rawValue,
                    "TRANSP:TRANSPARENT",
                ]
                if let base { lines.append("URL:" + base + HTML.encodePath(PageRef(.filings, filing.id).outputPath.replacingOccurrences(of: "index.html", with: ""))) }
                lines += [
                    "BEGIN:VALARM",
                    "ACTION:DISPLAY",
                    "DESCRIPTION:" + ICalendarText.escape(summary),
                    "TRIGGER:-P\(Self.calendarReminderDays)D",
                    "END:VALARM",
                    "END:VEVENT",
                ]
            }
        }
        lines.append("END:VCALENDAR")
        return lines.map(ICalendarText.fold).joined()
    }
}

/// Where the calendar feed is written.
enum CalendarFeed {
    static let path = "deadlines.ics"
}
