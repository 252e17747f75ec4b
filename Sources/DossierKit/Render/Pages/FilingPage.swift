/// A filing's page.
extension SiteRenderer {
    func filingPage(_ filing: Filing, _ path: String) -> PageContent {
        let ref = PageRef(.filings, filing.id)
        let analysis = site.analyses[filing.id]
        let filingBody = body(filing.page, ref: ref, path: path)
        var client: LinkView?
        if let found = site.client(filing.client.value) {
            client = LinkView(name: found.name,
                              href: site.audience.showsClients ? link(PageRef(.clients, found.id).outputPath, from: path) : "")
        }
        var view = FilingPageView(
            ui: uiValue,
            title: filing.title,
            status: filing.status.rawValue,
            statusLabel: ui["status.\(filing.status.rawValue)"] ?? filing.status.rawValue,
            reference: filing.reference ?? "",
            owner: site.audience.includesInternal ? (filing.owner ?? "") : "",
            opened: filing.opened?.description ?? "",
            openedText: filing.opened.map(dateText),
            client: client,
            permit: site.permit(filing.permit.value).map {
                LinkView(name: $0.name, href: link(PageRef(.permits, $0.id).outputPath, from: path))
            },
            region: filing.region.flatMap { regionLink($0.value, from: path) },
            memo: filing.memo.map { MemoView(purpose: $0.purpose ?? "", logic: $0.logic ?? "", risk: $0.risk ?? "") },
            clock: analysis.map { analysis in
                analysis.review.map { ClockView(stage: $0.currentIndex, of: analysis, ui: ui, dates: dateFormat) }
                    ?? ClockView(analysis, ui: ui, dates: dateFormat)
            },
            whoseMove: analysis.map { WhoseMoveView($0.whoseMove, ui: ui, dates: dateFormat) },
            rounds: analysis?.rounds.map { RoundView($0, dates: dateFormat, ruleLabel: $0.rule.map { ui["rule.\($0.rawValue)"] ?? $0.rawValue }) } ?? [],
            chart: analysis.map { TimelineChart.svg(filing: filing, analysis: $0, today: site.today, ui: ui, id: "chart") ?? "" },
            body: filingBody,
            timeline: timeline(filing, analysis: analysis, path: path),
            attachments: filing.attachments.map { attachment in
                LinkView(name: String(attachment.split(separator: "/").last ?? ""), href: link(attachment, from: path))
            },
            backlinks: backlinks(ref, from: path),
            otherClocks: otherStageClocks(analysis),
            chartHasExcluded: analysis?.review?.stages.contains { !$0.excluded.isEmpty } ?? false,
            chartHasStages: analysis?.review?.stages.contains { $0.stage > 1 && $0.start != nil } ?? false)
        // Version 2: deadlines
        let deadlines = site.deadlines[filing.id] ?? []
        view.deadlines = deadlines.map { deadlineView($0, filing: filing, from: nil) }
        if let state = ExpiryState.of(deadlines, today: site.today), let expiry = deadlines.first(where: { $0.kind == .expiry }) {
            view.expiryState = state.rawValue
            view.expiryStateLabel = ui["expiryState.\(state.rawValue)"] ?? state.rawValue
            view.expiresText = dateText(expiry.date)
        }
        // Version 2: responses
        let responses = site.responses[filing.id] ?? FilingResponses(filing)
        view.responses = responseTables(filing, responses, path: path)
        view.openItems = responses.openCount
        view.checklist = checklistView(filing)
        return PageContent(view, body: filingBody)
    }

    /// A filing's entries in date order (equal dates keep the order they were written in), with
    /// their references resolved and their notes rendered.
    func timeline(_ filing: Filing, analysis: FilingAnalysis?, path: String) -> [TimelineEntryView] {
        let links = site.entryLinks[filing.id] ?? []
        var round = 0
        return (analysis?.order ?? Array(filing.timeline.indices)).map { index in
            let entry = filing.timeline[index]
            let entryLinks = index < links.count ? links[index] : Site.EntryLinks(refs: [], note: [])
            var roundLabel: String?
            if entry.type == .supplementRequested {
                round += 1
                roundLabel = (ui["round"] ?? "{n}").replacingOccurrences(of: "{n}", with: String(round))
            }
            let refs = zip(entry.refs, entryLinks.refs).map { written, resolved in
                var text = written.value
                if case .page(let target, let fragment) = resolved, let title = titleOf(target, fragment) { text = title }
                if resolved == .unavailable || resolved == .broken { text = ui["unavailable"] ?? "…" }
                return TextLinkView(text: text, href: MarkdownHTML.href(for: resolved, from: path) ?? "",
                                    rel: MarkdownHTML.leavesSite(resolved) ? externalRel ?? "" : "")
            }
            var note: String?
            if let written = entry.note {
                var renderer = MarkdownHTML(pagePath: path, unsafeHTML: site.settings.unsafeHTML, links: entryLinks.note,
                                            unavailableText: ui["unavailable"] ?? "…", titleOf: titleOf)
                renderer.calloutTitles = MarkdownRendering.calloutTitles(ui)
                renderer.externalRel = externalRel
                note = renderer.render(written.root)
            }
            return TimelineEntryView(entry: entry, dateText: dateText(entry.date),
                                     typeLabel: entryLabel(entry.type, permit: filing.permit.value),
                                     fromLabel: entry.from.map { ui["from.\($0.rawValue)"] ?? $0.rawValue } ?? "",
                                     channel: entry.channel.map { ui["channel.\($0.rawValue)"] ?? $0.rawValue } ?? "",
                                     round: roundLabel, refs: refs, note: note)
        }
    }

    /// A filing's memo and timeline as search sections (the page shows them outside its body).
    func filingSearchSections(_ filing: Filing) -> [SearchDocument.Section] {
        var sections: [SearchDocument.Section] = []
        if let memo = filing.memo {
            sections.append(.init(anchor: "memo-title", heading: ui["memo"] ?? "",
                                  text: [memo.purpose, memo.logic, memo.risk].compactMap { $0 }.joined(separator: "\n")))
        }
        if !filing.timeline.isEmpty {
            let lines = filing.timeline.flatMap { [$0.summary] + $0.changes + $0.clauses + $0.pages }
            sections.append(.init(anchor: "timeline-title", heading: ui["timeline"] ?? "", text: lines.joined(separator: "\n")))
        }
        return sections
    }
}

// Version 2: the clock
extension SiteRenderer {
    /// The clocks of a filing's review stages other than the current one, in stage order.
    func otherStageClocks(_ analysis: FilingAnalysis?) -> [ClockView] {
        guard let analysis, let review = analysis.review else { return [] }
        return review.stages.indices.filter { $0 != review.currentIndex }.map {
            ClockView(stage: $0, of: analysis, ui: ui, dates: dateFormat)
        }
    }
}
