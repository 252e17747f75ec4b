/// Deadlines as pages and the calendar feed word them (version 2: deadlines).
extension SiteRenderer {
    /// The deadline's kind, in the interface language.
    func deadlineKindLabel(_ deadline: Deadline) -> String {
        ui["deadlineKind.\(deadline.kind.rawValue)"] ?? deadline.kind.rawValue
    }

    /// What is due.
    func deadlineTitle(_ deadline: Deadline) -> String {
        switch deadline.label {
        case .written(let text): return text
        case .standard(let key): return ui["deadline.\(key)"] ?? key
        }
    }

    /// Where it comes from: the entry it is counted from, or the key that gives it.
    func deadlineSource(_ deadline: Deadline, filing: Filing) -> String {
        switch deadline.origin {
        case .entry(let type, let day):
            return (ui["deadlineFromEntry"] ?? "{entry} {date}")
                .replacingOccurrences(of: "{entry}", with: entryLabel(type, permit: filing.permit.value))
                .replacingOccurrences(of: "{date}", with: dateText(day))
        case .key(let name):
            return ui["deadlineKey.\(name)"] ?? (ui["deadlineFromKey"] ?? "{key}").replacingOccurrences(of: "{key}", with: name)
        }
    }

    /// "还有 3 天", "今天到期", "已过 2 天".
    func deadlineLeftText(_ days: Int) -> String {
        if days == 0 { return ui["deadlineToday"] ?? "0" }
        let template = days > 0 ? ui["deadlineLeft"] ?? "{n}" : ui["deadlineOverdue"] ?? "-{n}"
        return template.replacingOccurrences(of: "{n}", with: String(abs(days)))
    }

    func deadlineView(_ deadline: Deadline, filing: Filing, from path: String?) -> DeadlineView {
        var view = DeadlineView(
            date: deadline.date.description, dateText: dateText(deadline.date), kind: deadline.kind.rawValue,
            kindLabel: deadlineKindLabel(deadline), title: deadlineTitle(deadline),
            leftText: deadlineLeftText(deadline.daysLeft(from: site.today)), daysLeft: deadline.daysLeft(from: site.today),
            source: deadlineSource(deadline, filing: filing), basis: deadline.basis ?? "", isEstimate: deadline.isEstimate,
            alternative: deadline.alternatives == nil ? "" : ui["deadlineOr"] ?? "",
            isInternal: deadline.isInternal)
        if let path {
            view.filing = filing.title
            view.href = link(PageRef(.filings, filing.id).outputPath, from: path)
            view.client = site.client(filing.client.value)?.name ?? ""
        }
        return view
    }

    /// Every filing's deadlines in the next `ahead` days and every one missed, by date (the home
    /// page's list).
    func upcomingDeadlines(ahead: Int = 60) -> [(filing: Filing, deadline: Deadline)] {
        var all: [(filing: Filing, deadline: Deadline)] = []
        for filing in site.filings {
            for deadline in site.deadlines[filing.id] ?? [] where deadline.daysLeft(from: site.today) <= ahead {
                all.append((filing, deadline))
            }
        }
        return all.sorted { ($0.deadline.date, $0.filing.id, $0.deadline.rule) < ($1.deadline.date, $1.filing.id, $1.deadline.rule) }
    }
}
