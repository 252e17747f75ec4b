/// `feed.xml`: an Atom feed of the articles this build contains, newest first.
public enum Feed {
    public static func atom(site: Site) -> String {
        let base = site.settings.baseURL
        func url(_ path: String) -> String {
            let pretty = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
            return (base ?? "") + HTML.encodePath(pretty)
        }
        func stamp(_ day: Day) -> String { "\(day)T00:00:00+08:00" }
        let articles = site.articles.sorted {
            (($0.updated ?? $0.date), $1.id) > (($1.updated ?? $1.date), $0.id)
        }
        let newest = articles.first.map { $0.updated ?? $0.date } ?? site.today
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        xml += "  <title>\(XML.escape(site.settings.title))</title>\n"
        xml += "  <id>\(XML.escape(base ?? "urn:dossier:\(Slug.make(site.settings.title))"))</id>\n"
        xml += "  <updated>\(stamp(newest))</updated>\n"
        xml += "  <link rel=\"alternate\" href=\"\(XML.escape(url("index.html")))\"/>\n"
        if let organization = site.settings.organization {
            xml += "  <author><name>\(XML.escape(organization))</name></author>\n"
        } else {
            xml += "  <author><name>\(XML.escape(site.settings.title))</name></author>\n"
        }
        for article in articles {
            let path = PageRef(.kb, article.id).outputPath
            xml += "  <entry>\n"
            xml += "    <title>\(XML.escape(article.title))</title>\n"
            xml += "    <link rel=\"alternate\" href=\"\(XML.escape(url(path)))\"/>\n"
            xml += "    <id>\(XML.escape(base.map { _ in url(path) } ?? "urn:dossier:kb:\(article.id)"))</id>\n"
            xml += "    <published>\(stamp(article.date))</published>\n"
            xml += "    <updated>\(stamp(article.updated ?? article.date))</updated>\n"
            if let summary = article.summary { xml += "    <summary>\(XML.escape(summary))</summary>\n" }
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return xml
    }
}
