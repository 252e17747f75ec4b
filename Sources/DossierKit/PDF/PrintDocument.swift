import Foundation

/// The one HTML document a brief's PDF is printed from, made from the same site (already cut
/// to the audience by `SiteBuilder`) and the same typed views and page templates as the site:
/// per filing its page (facts, clocks, memo, deadlines, chart, timeline, response tables), then
/// its reply letters; then an appendix of the knowledge-base articles those pages link to.
struct PrintDocument: Sendable {
    /// The document, ready to print.
    var html: String
    /// The anchor of every line of the contents, in order (what page numbers are looked up for).
    var anchors: [String]
    /// The document's title (the PDF's title) and subject.
    var title: String
    var subject: String
}

extension SiteRenderer {
    /// One part before its links are made to point inside the document.
    private struct Part {
        var path: String
        var kind: String
        var title: String
        var level: Int
        var pageName: String
        var html: String
    }

    /// The print document of `filings` (of this site, in this order) for the client named
    /// `clientName` (nil: an internal document of every client). `pages` gives the page each
    /// anchor starts on, when known (the second printing).
    func printDocument(filings: [Filing], clientName: String?, pages: [String: Int], css: String) -> PrintDocument {
        var parts: [Part] = []
        var heads: [RunningHeadView] = []
        let organization = site.settings.organization ?? site.settings.title
        func head(_ texts: [String?]) -> String {
            PrintText.cssString(texts.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · "))
        }
        for (number, filing) in filings.enumerated() {
            let name = "filing-\(number + 1)"
            let owner = clientName ?? site.client(filing.client.value)?.name
            heads.append(RunningHeadView(name: name, content: head([owner, filing.title])))
            let path = filing.ref.outputPath
            parts.append(Part(path: path, kind: "filing", title: filing.title, level: 1, pageName: name,
                              html: theme.render("filing", .view(filingPage(filing, path).view))))
            for request in site.responses[filing.id]?.requests ?? [] {
                let replyPath = Self.replyPath(filing, request.number)
                parts.append(Part(path: replyPath, kind: "reply",
                                  title: "\(ui["replyTitle"] ?? "") (\(request.number))", level: 2, pageName: name,
                                  html: theme.render("reply", .view(replyPage(filing, request, replyPath).view))))
            }
        }
        // The appendix: the articles the filings and letters link to, in the site's order.
        var linked: Set<String> = []
        for part in parts {
            for target in PrintLinks.targets(part.html, path: part.path) { linked.insert(target) }
        }
        let appendix = site.articles.filter { linked.contains(PageRef(.kb, $0.id).outputPath) }
        if !appendix.isEmpty {
            heads.append(RunningHeadView(name: "appendix", content: head([clientName, ui["pdfAppendix"]])))
        }
        for article in appendix {
            let path = PageRef(.kb, article.id).outputPath
            parts.append(Part(path: path, kind: "article", title: article.title, level: 2, pageName: "appendix",
                              html: theme.render("article", .view(articlePage(article, path).view))))
        }

        var anchors: [String: String] = [:]
        for (number, part) in parts.enumerated() { anchors[part.path] = "part-\(number + 1)" }
        var images: [String: Data] = [:]
        for copy in site.copies { images[copy.outputPath] = copy.source.data }

        var contents: [PrintContentsEntryView] = []
        var partViews: [PrintPartView] = []
        func entry(_ title: String, _ anchor: String, level: Int) {
            contents.append(PrintContentsEntryView(title: title, anchor: anchor, page: pages[anchor].map(String.init) ?? "",
                                                   level: level))
        }
        for (number, part) in parts.enumerated() {
            let anchor = "part-\(number + 1)"
            var heading = ""
            if part.kind == "article" && part.path == parts.first(where: { $0.kind == "article" })?.path {
                heading = ui["pdfAppendix"] ?? ""
                entry(heading, "appendix", level: 1)
            }
            entry(part.title, anchor, level: part.level)
            partViews.append(PrintPartView(anchor: anchor, pageName: part.pageName, kind: part.kind, heading: heading,
                                           html: PrintLinks.rewrite(part.html, path: part.path, prefix: anchor, anchors: anchors,
                                                                    images: images)))
        }

        let fills = ["client": clientName ?? "", "organization": organization]
        let title = PrintText.fill(ui[clientName == nil ? "pdfTitleInternal" : "pdfTitle"] ?? "", fills)
        let subject = PrintText.fill(ui[clientName == nil ? "pdfSubjectInternal" : "pdfSubject"] ?? "", fills)
        var mark = ui["pdfConfidential"] ?? ""
        if site.audience.includesInternal { mark += " · " + (ui["pdfInternal"] ?? "") }
        let view = PrintDocumentView(
            ui: uiValue, lang: site.settings.language.rawValue, title: title, css: css, organization: organization,
            client: clientName ?? "", today: site.today.description, todayText: dateText(site.today), mark: mark,
            footerContent: PrintText.cssCounters(ui["pdfPageOf"] ?? "{page} / {pages}"),
            headContent: head([clientName, organization]),
            runningHeads: heads, contents: contents, parts: partViews)
        return PrintDocument(html: theme.render("pdf", .view(view)), anchors: contents.map(\.anchor), title: title,
                             subject: subject)
    }
}
