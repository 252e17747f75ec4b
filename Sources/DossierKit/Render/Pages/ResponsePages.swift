/// Version 2: responses. The response tables of a filing page, its checklist, the reply letters
/// (`filings/<id>/responses/<k>/index.html` and `.txt`) and the dashboard's open points.
extension SiteRenderer {
    /// Where the reply to the filing's `number`th entry with items is written.
    static func replyPath(_ filing: Filing, _ number: Int) -> String { "filings/\(filing.id)/responses/\(number)/index.html" }
    static func replyTextPath(_ filing: Filing, _ number: Int) -> String { "filings/\(filing.id)/responses/\(number).txt" }

    private func string(_ key: String, _ fills: [String: String] = [:]) -> String {
        var text = ui[key] ?? key
        for (name, value) in fills { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    private func changeView(_ change: FilingResponses.Change) -> ChangeView {
        ChangeView(text: change.text, clauses: change.clauses, pages: change.pages, date: change.date.description,
                   dateText: dateText(change.date))
    }

    private func pointViews(_ request: FilingResponses.Request) -> [PointView] {
        request.points.map { point in
            PointView(item: "\(request.number).\(point.number)", number: point.number, text: point.text, isInternal: point.isInternal,
                      changes: point.changes.map(changeView),
                      stateLabel: string(point.isAnswered ? "responseAnswered" : "responseOpen"))
        }
    }

    func responseTables(_ filing: Filing, _ responses: FilingResponses, path: String) -> [ResponseTableView] {
        responses.requests.map { request in
            ResponseTableView(
                number: request.number, date: request.date.description, dateText: dateText(request.date),
                typeLabel: entryLabel(request.type, permit: filing.permit.value), summary: request.summary,
                points: pointViews(request), otherChanges: request.otherChanges.map(changeView),
                openCount: request.openPoints.count, openText: string("responseOpenCount", ["n": String(request.openPoints.count)]),
                replyHref: link(Self.replyPath(filing, request.number), from: path),
                replyTextHref: link(Self.replyTextPath(filing, request.number), from: path))
        }
    }

    func checklistView(_ filing: Filing) -> ChecklistView? {
        guard let checklist = FilingChecklist(filing: filing, permit: site.permit(filing.permit.value)) else { return nil }
        return ChecklistView(
            items: checklist.items.map { item in
                ChecklistItemView(id: item.id, title: item.title, required: item.required, state: item.state.rawValue,
                                  stateLabel: string("checklist.\(item.state.rawValue)"), optionalLabel: string("checklistOptional"))
            },
            done: checklist.requiredDone, required: checklist.requiredCount,
            line: string("checklistLine", ["done": String(checklist.requiredDone), "required": String(checklist.requiredCount)]))
    }

    /// A permit's checklist itself, for its page.
    func permitChecklist(_ permit: Permit) -> [ChecklistItemView] {
        FilingChecklist.items(of: permit).map {
            ChecklistItemView(id: $0.id, title: $0.title, required: $0.required, state: "", stateLabel: "",
                              optionalLabel: string("checklistOptional"))
        }
    }

    /// The letter's facts, shared by the page and the plain text.
    private struct Letter {
        var heading: String
        var authority: String
        var requestLine: String
        var date: Day
        var memo: Memo?
    }

    private func letter(_ filing: Filing, _ request: FilingResponses.Request) -> Letter {
        let permit = site.permit(filing.permit.value)
        return Letter(
            heading: string("replyTitle"),
            authority: permit?.authority ?? permit?.name ?? "",
            requestLine: string("replyRequest", ["date": dateText(request.date),
                                                 "type": entryLabel(request.type, permit: filing.permit.value)]),
            date: request.lastAnswered ?? site.today,
            memo: request.number == 1 ? filing.memo.flatMap { $0.isComplete ? $0 : nil } : nil)
    }

    func replyPage(_ filing: Filing, _ request: FilingResponses.Request, _ path: String) -> PageContent {
        let facts = letter(filing, request)
        let open = request.openPoints.count
        return PageContent(ReplyPageView(
            ui: uiValue, heading: facts.heading, authority: facts.authority, filingTitle: filing.title,
            reference: filing.reference ?? "", requestLine: facts.requestLine, date: facts.date.description,
            dateText: dateText(facts.date),
            memo: facts.memo.map { MemoView(purpose: $0.purpose ?? "", logic: $0.logic ?? "", risk: $0.risk ?? "") },
            points: pointViews(request), otherChanges: request.otherChanges.map(changeView), openCount: open,
            incompleteText: string("replyIncomplete", ["n": String(open)]),
            organization: site.settings.organization ?? "",
            filingHref: link(PageRef(.filings, filing.id).outputPath, from: path),
            textHref: link(Self.replyTextPath(filing, request.number), from: path)))
    }

    /// The same letter as plain text for an e-mail (see the README, "Responses and checklists").
    func replyText(_ filing: Filing, _ request: FilingResponses.Request) -> String {
        let facts = letter(filing, request)
        let colon = string("replyColon")
        let separator = string("replySeparator")
        var lines = [facts.heading, ""]
        lines.append(string("replyTo") + colon + facts.authority)
        lines.append(string("replySubject") + colon + filing.title)
        if let reference = filing.reference, !reference.isEmpty { lines.append(string("reference") + colon + reference) }
        lines.append(facts.requestLine)
        lines.append(string("date") + colon + dateText(facts.date))
        lines.append("")
        if let memo = facts.memo {
            lines.append(string("memo"))
            lines.append(string("memoPurpose") + colon + (memo.purpose ?? ""))
            lines.append(string("memoLogic") + colon + (memo.logic ?? ""))
            lines.append(string("memoRisk") + colon + (memo.risk ?? ""))
            lines.append("")
        }
        lines.append(string("replyIntro"))
        lines.append("")
        for point in request.points {
            let head = "\(point.number). "
            let indent = String(repeating: " ", count: head.count)
            lines.append(head + string("replyPoint") + colon + point.text + (point.isInternal ? string("replyInternal") : ""))
            if point.changes.isEmpty { lines.append(indent + string("replyUnanswered")) }
            for change in point.changes {
                lines.append(indent + string("replyChanges") + colon + change.text)
                if !change.clauses.isEmpty { lines.append(indent + string("replyClauses") + colon + change.clauses.joined(separator: separator)) }
                if !change.pages.isEmpty { lines.append(indent + string("replyPages") + colon + change.pages.joined(separator: separator)) }
            }
            lines.append("")
        }
        if !request.otherChanges.isEmpty {
            lines.append(string("replyOthers") + colon)
            for change in request.otherChanges {
                lines.append("- " + change.text)
                if !change.clauses.isEmpty { lines.append("  " + string("replyClauses") + colon + change.clauses.joined(separator: separator)) }
                if !change.pages.isEmpty { lines.append("  " + string("replyPages") + colon + change.pages.joined(separator: separator)) }
            }
            lines.append("")
        }
        let open = request.openPoints.count
        if open > 0 {
            lines.append(string("replyIncomplete", ["n": String(open)]))
            lines.append("")
        }
        if let organization = site.settings.organization, !organization.isEmpty { lines.append(organization) }
        lines.append(dateText(facts.date))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every reply's plain text, for the files the site writes beside its pages.
    func replyTextFiles() -> [(path: String, make: @Sendable () -> OutputFile)] {
        guard site.audience.showsFilings else { return [] }
        let renderer = self
        return site.filings.flatMap { filing in
            (site.responses[filing.id]?.requests ?? []).map { request in
                let path = Self.replyTextPath(filing, request.number)
                return (path, { OutputFile(path: path, text: renderer.replyText(filing, request)) })
            }
        }
    }

    /// Open filings (not decided, withdrawn or cancelled) with points still open, the longest
    /// waiting first.
    func openPointsViews(from path: String) -> [OpenPointsView] {
        guard site.audience.showsFilings else { return [] }
        let closed: [Filing.Status] = [.approved, .rejected, .withdrawn, .cancelled]
        let items: [OpenPointsView] = site.filings.filter { !closed.contains($0.status) }.compactMap { filing in
            guard let responses = site.responses[filing.id] else { return nil }
            let open = responses.requests.filter { !$0.openPoints.isEmpty }
            guard let oldest = open.first else { return nil }
            return OpenPointsView(filing: filing.title, href: link(PageRef(.filings, filing.id).outputPath, from: path),
                                  count: responses.openCount, raised: oldest.date.description, raisedText: dateText(oldest.date),
                                  days: oldest.date.days(to: site.today))
        }
        return items.sorted { ($1.days, $0.filing) < ($0.days, $1.filing) }
    }

    /// Filings being prepared whose permit has a checklist, the least complete first.
    func checklistProgressViews(from path: String) -> [ChecklistProgressView] {
        guard site.audience.showsFilings else { return [] }
        let items: [ChecklistProgressView] = site.filings.filter { $0.status == .preparing }.compactMap { filing in
            guard let checklist = FilingChecklist(filing: filing, permit: site.permit(filing.permit.value)) else { return nil }
            return ChecklistProgressView(filing: filing.title, href: link(PageRef(.filings, filing.id).outputPath, from: path),
                                         done: checklist.requiredDone, required: checklist.requiredCount)
        }
        return items.sorted { ($0.required - $0.done, $1.filing) > ($1.required - $1.done, $0.filing) }
    }
}
