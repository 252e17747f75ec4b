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

        // A list page and a page each for every kind of content page the audience gets.
        func kindPages<Page: ContentPage>(_ pages: [Page], list: @escaping @Sendable (String) -> PageContent,
                                          description: (Page) -> String? = { _ in nil }, search: (Page) -> SearchInfo,
                                          build: @escaping @Sendable (Page, String) -> PageContent) {
            let kind = Page.kind
            guard kind.isShown(to: site.audience) else { return }
            let index = "\(kind.folder)/index.html"
            page(index, template: kind.listTemplate, title: ui[kind.folder], section: kind.folder, list)
            for item in pages {
                page(item.ref.outputPath, template: kind.pageTemplate, title: item.linkTitle, description: description(item),
                     breadcrumbs: [(ui[kind.folder] ?? "", index)], section: kind.folder, search: search(item)) { path in
                    build(item, path)
                }
                jobs[jobs.count - 1].source = item.page.relativePath
                // Open Graph calls a knowledge-base article an article, every other page a website.
                jobs[jobs.count - 1].isArticle = kind == .kb
            }
        }

        kindPages(site.permits, list: { path in permitsPage(path) }, description: \.basis,
                  search: { permit in SearchInfo(kind: ui[PageKind.permits.singularKey] ?? "", permit: permit.name,
                                                 keywords: [permit.nameEn, permit.authority, permit.basis].compactMap { $0 },
                                                 facets: searchFacets(.permits, permits: [permit.ref.id])) },
                  build: { permit, path in permitPage(permit, path) })
        kindPages(site.articles, list: { path in articlesPage(path) }, description: \.summary,
                  search: { article in
                      let permitNames = article.permits.compactMap { site.permit($0.value)?.name }
                      return SearchInfo(kind: ui[PageKind.kb.singularKey] ?? "", permit: permitNames.joined(separator: " · "),
                                        keywords: article.tags + permitNames + [article.summary].compactMap { $0 },
                                        facets: searchFacets(.kb, permits: article.permits.map(\.value), region: article.region?.value))
                  },
                  build: { article, path in articlePage(article, path) })
        kindPages(site.filings, list: { path in filingsPage(path) },
                  search: { filing in
                      let permitName = site.permit(filing.permit.value)?.name ?? ""
                      return SearchInfo(kind: ui[PageKind.filings.singularKey] ?? "", permit: permitName,
                                        keywords: [permitName, filing.reference, site.client(filing.client.value)?.name].compactMap { $0 },
                                        extraSections: { filingSearchSections(filing) },
                                        facets: searchFacets(.filings, permits: [filing.permit.value], region: filing.region?.value,
                                                             status: filing.status))
                  },
                  build: { filing, path in filingPage(filing, path) })
        // Version 2: responses. The reply letter to each entry with items, beside its filing (a
        // copy of the theme made before version 2 has no `reply` template: then only the text).
        if PageKind.filings.isShown(to: site.audience), theme.library.templates["reply"] != nil {
            for filing in site.filings {
                for request in site.responses[filing.id]?.requests ?? [] {
                    page(Self.replyPath(filing, request.number), template: "reply",
                         title: "\(ui["replyTitle"] ?? "") · \(filing.title) (\(request.number))",
                         breadcrumbs: [(ui["filings"] ?? "", "filings/index.html"), (filing.title, filing.ref.outputPath)],
                         section: "filings") { path in replyPage(filing, request, path) }
                    jobs[jobs.count - 1].source = filing.page.relativePath
                }
            }
        }
        kindPages(site.clients, list: { path in clientsPage(path) },
                  search: { client in SearchInfo(kind: ui[PageKind.clients.singularKey] ?? "", permit: "",
                                                 keywords: [client.industry].compactMap { $0 },
                                                 facets: searchFacets(.clients)) },
                  build: { client, path in clientPage(client, path) })

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
