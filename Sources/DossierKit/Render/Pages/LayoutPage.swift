/// The layout around every page.
extension SiteRenderer {
    /// The layout's view for a page whose template wrote `content`.
    func layoutView(_ job: PageJob, content: String, jsonLD: String?) -> LayoutView {
        let path = job.path
        let sections: [(String, String)] = [("kb", "kb/index.html"), ("permits", "permits/index.html")]
            + (site.audience.showsFilings ? [("filings", "filings/index.html")] : [])
            + (site.audience.showsClients ? [("clients", "clients/index.html")] : [])
            + (includeSearch ? [("search", "search/index.html")] : [])
        let privacy = site.privacy
        var canonical: String?
        if let base = site.settings.baseURL, path != "404.html" {
            let pretty = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
            canonical = base + HTML.encodePath(pretty)
        }
        return LayoutView(
            ui: uiValue,
            lang: site.settings.language.rawValue,
            siteTitle: site.settings.title,
            title: job.title.map { "\($0) · \(site.settings.title)" } ?? site.settings.title,
            pageTitle: job.title ?? site.settings.title,
            description: job.description ?? "",
            canonical: canonical,
            root: link("", from: path),
            homeHref: link("index.html", from: path),
            css: link("_theme/style.css", from: path),
            searchHref: includeSearch ? link("search/index.html", from: path) : "",
            feedHref: privacy.feed ? link("feed.xml", from: path) : "",
            ogType: job.isArticle ? "article" : "website",
            locale: site.settings.language == .en ? "en_US" : "zh_CN",
            jsonLD: jsonLD ?? "",
            noindex: privacy.noindex,
            noreferrer: privacy.noreferrer,
            nav: sections.map { key, target in
                NavItemView(label: ui[key] ?? key, href: link(target, from: path), current: key == job.section)
            },
            breadcrumbs: job.breadcrumbs.map { NavItemView(label: $0.0, href: link($0.1, from: path)) },
            organization: site.settings.organization ?? "",
            today: site.today.description,
            todayText: dateFormat.format(site.today),
            content: content)
    }
}
