extension SiteRenderer {
    /// Theme assets, robots.txt, sitemap, feed, the filings export and copied attachments. The sitemap, the
    /// feed and the export are made from what all pages share: with the same input digest as the
    /// file the output holds, they are kept without being made again.
    func supportFiles(pagePaths: [String], record: inout Record) -> [OutputFile] {
        var files: [OutputFile] = []
        // search.js is of no use without an index (an encrypted brief has none).
        for (path, data) in theme.assets where includeSearch || path != "search.js" {
            files.append(OutputFile(path: "_theme/" + path, data: data))
        }
        let assetPaths = files.map(\.path)
        func derived(_ path: String, _ make: () -> OutputFile) {
            if let inputs {
                let key = CacheKeys.supportFile(path: path, site: inputs.site, themeFingerprint: theme.fingerprint,
                                                assetPaths: assetPaths)
                record.renderKeys[path] = key
                if reusable[path] == key { return files.append(.kept(path)) }
            }
            files.append(make())
        }
        // Private sites (and `indexing: never`) are not indexed; a sitemap's addresses must be
        // absolute, and so must a public feed's links (see `SitePrivacy`).
        let privacy = site.privacy
        files.append(OutputFile(path: "robots.txt", text: privacy.robotsTxt(baseURL: site.settings.baseURL)))
        if privacy.sitemap, let base = site.settings.baseURL {
            derived("sitemap.xml") {
                OutputFile(path: "sitemap.xml", text: Sitemap.xml(paths: pagePaths + assetPaths, baseURL: base))
            }
        }
        if privacy.feed {
            derived("feed.xml") { OutputFile(path: "feed.xml", text: Feed.atom(site: site)) }
        }
        // Version 2: deadlines. A public site has no filings, an encrypted brief no plain-text feed.
        if includeCalendarFeed && site.audience.showsFilings {
            derived(CalendarFeed.path) { OutputFile(path: CalendarFeed.path, text: calendarFeed()) }
        }
        if site.audience.includesInternal {
            derived("data/filings.json") { OutputFile(path: "data/filings.json", data: FilingsExport.json(site: site)) }
        }
        // Version 2: responses
        for reply in replyTextFiles() { derived(reply.path, reply.make) }
        for copy in site.copies {
            files.append(OutputFile(path: copy.outputPath, data: copy.source.data))
        }
        return files
    }
}
