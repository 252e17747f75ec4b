import Foundation

/// What every page builder uses: links between pages, bodies, titles, names.
extension SiteRenderer {
    /// A relative link from the page at `from` to `target` (both relative to the output folder).
    /// `404.html` is served for missing pages at any depth, so its links are absolute when `base_url` is set.
    func link(_ target: String, from path: String) -> String {
        if path == "404.html", let base = site.settings.baseURL { return base + HTML.encodePath(target) }
        return MarkdownHTML.relative(target, from: path)
    }

    /// `rel` of links to other sites: `noopener noreferrer` when the site is private.
    var externalRel: String? {
        site.privacy.noreferrer ? SitePrivacy.externalRel : nil
    }

    func body(_ page: PageSource, ref: PageRef, path: String) -> String {
        var renderer = MarkdownHTML(pagePath: path, unsafeHTML: site.settings.unsafeHTML, links: site.bodyLinks[ref] ?? [],
                                    unavailableText: ui["unavailable"] ?? "…", titleOf: titleOf)
        renderer.calloutTitles = MarkdownRendering.calloutTitles(ui)
        renderer.externalRel = externalRel
        return renderer.render(page.document.root)
    }

    var titleOf: (PageRef, String?) -> String? {
        let resolver = site.resolver
        return { ref, fragment in
            let title = resolver.title(of: ref)
            if let fragment, let heading = resolver.headingText(ref, fragment) {
                return "\(title ?? ref.id) › \(heading)"
            }
            return title
        }
    }

    func regionName(_ id: String) -> String {
        ui["region.\(id)"] ?? id
    }

    /// An entry type's label; `rejected` on a filing (备案) reads 不予备案 where the theme has `entry.rejected.filing`.
    func entryLabel(_ type: TimelineEntry.EntryType, permit: String) -> String {
        if type == .rejected, site.permit(permit)?.kind == .filing, let label = ui["entry.rejected.filing"] { return label }
        return ui["entry.\(type.rawValue)"] ?? type.rawValue
    }

    /// A day as the interface language writes it.
    func dateText(_ day: Day) -> String {
        dateFormat.format(day)
    }

    /// `12` or `12.5`.
    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
