/// A permit's page.
extension SiteRenderer {
    func permitPage(_ permit: Permit, _ path: String) -> PageContent {
        let ref = PageRef(.permits, permit.id)
        let articles = site.articles.filter { $0.permits.contains { $0.value == permit.id } }
        // Articles grouped by tag; an article with several tags appears under each.
        var groups: [String: [Article]] = [:]
        for article in articles {
            if article.tags.isEmpty { groups[ui["untagged"] ?? "", default: []].append(article) }
            for tag in article.tags { groups[tag, default: []].append(article) }
        }
        let filings = site.filings.filter { $0.permit.value == permit.id }
        let statistics = PermitStatistics.compute(filings: filings, analyses: site.analyses)
        let unit = permit.reviewUnit == .working ? ui["workingDays"] ?? "" : ui["calendarDays"] ?? ""
        let permitBody = body(permit.page, ref: ref, path: path)
        let items = filings.map { filingItem($0, from: path) }
        var view = PermitPageView(
            ui: uiValue,
            name: permit.name,
            nameEn: permit.nameEn ?? "",
            kind: permit.kind.map { ui["kind.\($0.rawValue)"] ?? $0.rawValue } ?? "",
            authority: permit.authority ?? "",
            basis: permit.basis ?? "",
            reviewPeriod: permit.reviewDays.map { "\($0) \(unit)" } ?? "",
            validity: permit.validity ?? "",
            body: permitBody,
            articleCount: articles.count,
            articleGroups: groups.keys.sorted().map { tag in
                ArticleGroupView(tag: tag, articles: (groups[tag] ?? []).map { articleItem($0, from: path) })
            },
            showFilings: site.audience.showsFilings,
            filings: items,
            statusGroups: statistics.countsByStatus.map { status, _ in
                StatusGroupView(status: status.rawValue, label: ui["status.\(status.rawValue)"] ?? status.rawValue,
                                filings: filings.indices.filter { filings[$0].status == status }.map { items[$0] })
            },
            medianDays: statistics.medianWorkingDaysToDecision.map(Self.number) ?? "",
            medianRounds: statistics.medianRounds.map(Self.number) ?? "",
            approvalRate: statistics.approvalRate.map { "\(Int(($0 * 100).rounded()))% (\(statistics.decidedCount))" } ?? "",
            recentRequests: statistics.recentRequests.map { item in
                RecentRequestView(date: item.entry.date.description, dateText: dateText(item.entry.date),
                                  typeLabel: ui["entry.\(item.entry.type.rawValue)"] ?? item.entry.type.rawValue,
                                  summary: item.entry.summary, filing: site.filing(item.filing)?.title ?? item.filing,
                                  href: link(PageRef(.filings, item.filing).outputPath, from: path))
            },
            sources: sources(permit.sources, permit.verification),
            backlinks: backlinks(ref, from: path),
            stageFigures: statistics.stages.count < 2 ? [] : statistics.stages.map { figures in
                StageFiguresView(stage: figures.stage,
                                 name: figures.name ?? (ui["clockStage"] ?? "{n}").replacingOccurrences(of: "{n}", with: String(figures.stage)),
                                 medianUsed: figures.medianUsed.map(Self.number) ?? "", medianRounds: figures.medianRounds.map(Self.number) ?? "",
                                 unitLabel: figures.unit == .working ? ui["workingDays"] ?? "" : ui["calendarDays"] ?? "")
            })
        // Version 2: deadlines. Which clients' permits run out soon: the internal wiki only.
        if site.audience.includesInternal {
            view.expiring = filings.compactMap { filing -> ExpiringPermitView? in
                guard let expiry = site.deadlines[filing.id]?.first(where: { $0.kind == .expiry }) else { return nil }
                let left = expiry.daysLeft(from: site.today)
                guard left >= 0 && left <= 90 else { return nil }
                return ExpiringPermitView(filing: filing.title, href: link(PageRef(.filings, filing.id).outputPath, from: path),
                                          client: site.client(filing.client.value)?.name ?? filing.client.value,
                                          expires: expiry.date.description, expiresText: dateText(expiry.date),
                                          leftText: deadlineLeftText(left), isEstimate: expiry.isEstimate)
            }.sorted { ($0.expires, $0.href) < ($1.expires, $1.href) }
        }
        // Version 2: responses
        view.checklist = permitChecklist(permit)
        return PageContent(view, body: permitBody)
    }
}
