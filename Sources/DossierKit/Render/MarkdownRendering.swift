/// Markdown to HTML outside a site, for `dossier markdown`: links are left as written, wiki
/// links (which need a site) become their text.
public enum MarkdownRendering {
    public static func standalone(_ text: String, unsafeHTML: Bool, strings: [String: String])
        -> (html: String, problems: [(SourcePosition, String)]) {
        var problems: [(SourcePosition, String)] = []
        let document = MarkdownDocument.make(body: text, lineOffset: 0, includeInternal: true, problems: &problems)
        let links: [ResolvedLink] = document.links.map { $0.form == .wiki ? .broken : .external($0.destination) }
        var renderer = MarkdownHTML(pagePath: "index.html", unsafeHTML: unsafeHTML, links: links)
        renderer.calloutTitles = calloutTitles(strings)
        return (renderer.render(document.root), problems)
    }

    /// Callout titles from the interface strings (`callout.note`, ...), else the kind's English name.
    public static func calloutTitles(_ strings: [String: String]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: Callouts.kinds.map { ($0, strings["callout.\($0)"] ?? $0.capitalized) })
    }
}
