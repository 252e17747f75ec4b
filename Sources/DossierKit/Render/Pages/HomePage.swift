/// The home page: a client's brief or the site's title, the dashboard, the latest articles, the permits.
extension SiteRenderer {
    func homePage(_ path: String) -> PageContent {
        let shows = site.audience.showsFilings
        var brief: BriefView?
        if let id = site.audience.clientID, let client = site.client(id) {
            let organization = site.settings.organization ?? ""
            let template = organization.isEmpty ? ui["preparedFor"] ?? "" : ui["preparedBy"] ?? ""
            brief = BriefView(
                title: (ui["briefFor"] ?? "").replacingOccurrences(of: "{client}", with: client.name),
                preparedBy: template.replacingOccurrences(of: "{organization}", with: organization)
                    .replacingOccurrences(of: "{client}", with: client.name),
                filings: Dashboard.byUrgency(site.filings, analyses: site.analyses).map { filingItem($0, from: path) })
        }
        // The dashboard is made only where the audience gets filings (it shows nothing else).
        let open = shows ? Dashboard.byUrgency(site.filings.filter { ![.approved, .rejected, .withdrawn, .cancelled].contains($0.status) },
                                               analyses: site.analyses) : []
        let awaiting = shows ? Dashboard.awaitingAnswer(site.filings, analyses: site.analyses) : []
        let latest = shows ? Dashboard.latestEntries(site.filings, analyses: site.analyses, limit: 30) : []
        var view = HomeView(
            ui: uiValue,
            siteTitle: site.settings.title,
            organization: site.settings.organization ?? "",
            today: site.today.description,
            todayText: dateText(site.today),
            brief: brief,
            showFilings: shows,
            openFilings: open.map { filingItem($0, from: path) },
            awaiting: awaiting.map { item in
                AwaitingView(filing: item.filing.title, href: link(PageRef(.filings, item.filing.id).outputPath, from: path),
                             requested: item.round.requested.description, requestedText: dateText(item.round.requested),
                             summary: item.round.summary, days: item.round.requested.days(to: site.today),
                             workingDays: item.round.ourWorkingDays)
            },
            latest: latest.map { item in
                LatestEntryView(date: item.entry.date.description, dateText: dateText(item.entry.date), filing: item.filing.title,
                                href: link(PageRef(.filings, item.filing.id).outputPath, from: path),
                                typeLabel: entryLabel(item.entry.type, permit: item.filing.permit.value),
                                from: item.entry.from?.rawValue ?? "",
                                fromLabel: item.entry.from.map { ui["from.\($0.rawValue)"] ?? $0.rawValue } ?? "",
                                summary: item.entry.summary, isInternal: item.entry.isInternal)
            },
            articles: site.articles.prefix(10).map { articleItem($0, from: path) },
            hasArticles: !site.articles.isEmpty,
            permits: site.permits.map { permitItem($0, from: path) })
        // Version 2: deadlines
        if shows {
            view.deadlines = upcomingDeadlines().map { deadlineView($0.deadline, filing: $0.filing, from: path) }
            view.renewals = site.filings.compactMap { filing -> DeadlineView? in
                let deadlines = site.deadlines[filing.id] ?? []
                guard let state = ExpiryState.of(deadlines, today: site.today), state != .valid,
                      let expiry = deadlines.first(where: { $0.kind == .expiry }) else { return nil }
                var item = deadlineView(expiry, filing: filing, from: path)
                item.expiryState = state.rawValue
                item.expiryStateLabel = ui["expiryState.\(state.rawValue)"] ?? state.rawValue
                return item
            }
            if includeCalendarFeed { view.feedHref = link(CalendarFeed.path, from: path) }
        }
        // Version 2: responses
        view.openPoints = openPointsViews(from: path)
        view.checklists = checklistProgressViews(from: path)
        return PageContent(view)
    }
}
