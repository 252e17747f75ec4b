extension SiteRenderer {
    /// Every page of the site, in output order, with how to build its view.
    func pageJobs() -> [PageJob] {
        var jobs: [PageJob] = []
        func page(_ path: String, template: String, title: String?, description: String? = nil,
                  breadcrumbs: [(String, String)] = [], section: String? = nil, search: SearchInfo? = nil,
                  _ build: @escaping @Sendable (String) -> PageContent) {
            jobs.append(PageJob(path: path, template: template, title: title, description: description,
                                breadcrumbs: breadcrumbs, section: section, search: includeSearch ? search : nil, build: build))
        }

        page("index.html", template: "home", title: nil, description: site.settings.organization) { path in homePage(path) }

        // Permits
        page("permits/index.html", template: "permits", title: ui["permits"], breadcrumbs: [], section: "permits") { path in permitsPage(path) }
        for permit in site.permits {
            let path = PageRef(.permits, permit.id).outputPath
            page(path, template: "permit", title: permit.name, description: permit.basis,
                 breadcrumbs: [(ui["permits"] ?? "", "permits/index.html")], section: "permits",
                 search: SearchInfo(kind: ui["permit"] ?? "", permit: permit.name,
                                    keywords: [permit.nameEn, permit.authority, permit.basis].compactMap { $0 })) { path in
                permitPage(permit, path)
            }
            jobs[jobs.count - 1].source = permit.page.relativePath
        }

        // Knowledge base
        page("kb/index.html", template: "kb", title: ui["kb"], section: "kb") { path in articlesPage(path) }
        for article in site.articles {
            let path = PageRef(.kb, article.id).outputPath
            let permitNames = article.permits.compactMap { site.permit($0.value)?.name }
            page(path, template: "article", title: article.title, description: article.summary,
                 breadcrumbs: [(ui["kb"] ?? "", "kb/index.html")], section: "kb",
                 search: SearchInfo(kind: ui["kb"] ?? "", permit: permitNames.joined(separator: " · "),
                                    keywords: article.tags + permitNames + [article.summary].compactMap { $0 })) { path in
                articlePage(article, path)
            }
            jobs[jobs.count - 1].isArticle = true
            jobs[jobs.count - 1].source = article.page.relativePath
        }

        // Filings and clients (only when the audience gets them)
        if site.audience.showsFilings {
            page("filings/index.html", template: "filings", title: ui["filings"], section: "filings") { path in filingsPage(path) }
        }
        for filing in site.filings {
            let path = PageRef(.filings, filing.id).outputPath
            let permitName = site.permit(filing.permit.value)?.name ?? ""
            page(path, template: "filing", title: filing.title, breadcrumbs: [(ui["filings"] ?? "", "filings/index.html")],
                 section: "filings",
                 search: SearchInfo(kind: ui["filing"] ?? "", permit: permitName,
                                    keywords: [permitName, filing.reference, site.client(filing.client.value)?.name].compactMap { $0 },
                                    extraSections: { filingSearchSections(filing) })) { path in
                filingPage(filing, path)
            }
            jobs[jobs.count - 1].source = filing.page.relativePath
        }
        if site.audience.showsClients {
            page("clients/index.html", template: "clients", title: ui["clients"], section: "clients") { path in clientsPage(path) }
            for client in site.clients {
                let path = PageRef(.clients, client.id).outputPath
                page(path, template: "client", title: client.name, breadcrumbs: [(ui["clients"] ?? "", "clients/index.html")],
                     section: "clients", search: SearchInfo(kind: ui["client"] ?? "", permit: "",
                                                            keywords: [client.industry].compactMap { $0 })) { path in
                    clientPage(client, path)
                }
                jobs[jobs.count - 1].source = client.page.relativePath
            }
        }

        // Tags and regions
        page("tags/index.html", template: "tags", title: ui["tags"], section: "kb") { path in
            termsPage(site.tags.map { termItem($0, folder: "tags", label: $0.name, from: path) })
        }
        for tag in site.tags {
            page("tags/\(tag.slug)/index.html", template: "tag", title: tag.name, breadcrumbs: [(ui["tags"] ?? "", "tags/index.html")],
                 section: "kb") { path in termPage(tag, label: tag.name, path) }
        }
        page("regions/index.html", template: "regions", title: ui["regions"], section: "kb") { path in
            termsPage(site.regions.map { termItem($0, folder: "regions", label: regionName($0.name), from: path) })
        }
        for region in site.regions {
            page("regions/\(region.slug)/index.html", template: "region", title: regionName(region.name),
                 breadcrumbs: [(ui["regions"] ?? "", "regions/index.html")], section: "kb") { path in
                termPage(region, label: regionName(region.name), path)
            }
        }

        page("404.html", template: "404", title: ui["notFound"]) { _ in PageContent(NotFoundView(ui: uiValue)) }
        if includeSearch {
            page("search/index.html", template: "search", title: ui["search"], section: "search") { path in
                PageContent(SearchPageView(ui: uiValue, script: link("_theme/search.js", from: path), root: link("", from: path)))
            }
        }

        return jobs
    }
}
