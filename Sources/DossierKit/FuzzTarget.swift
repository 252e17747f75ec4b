import Foundation

/// Feeds arbitrary bytes through a page's whole path, as the fuzzer does: the bytes are an article
/// and a filing of a small site; front matter, Markdown through cmark and every pass (links,
/// headings, extensions, internal sections), the model and rendering. Nothing is written.
public enum FuzzTarget {
    static let settings = Data("title: Fuzz\nbase_url: https://fuzz.example/\n".utf8)
    static let permit = Data("---\nname: Alpha\nreview_days: 20\n---\nSee [[kb/fuzz]].\n".utf8)
    static let client = Data("---\nname: Client\n---\n".utf8)
    static let calendar = Data("holidays: [2025-01-01]\nworkdays: [2025-01-26]\n".utf8)

    static func file(_ path: String, _ data: Data) -> SourceFile {
        SourceFile(relativePath: path, displayPath: path, data: data, hash: 0, role: ContentRole.classify(path))
    }

    /// Runs one input through every audience. `theme` renders pages when given.
    public static func run(_ data: Data, theme: Theme?) {
        let files = [
            file("site.yml", settings), file("permits/alpha.md", permit), file("clients/c.md", client),
            file("calendar/2025.yml", calendar), file("kb/fuzz.md", data), file("filings/fuzz.md", data),
            file("filings/box/index.md", data), file("filings/box/scan.txt", data),
        ]
        for audience in [Audience.internal, .client("c"), .public] {
            let parsed = ContentParser(includeInternal: audience.includesInternal).parse(files)
            let (site, _) = SiteBuilder(audience: audience, includeDrafts: true, today: Day(ordinal: 20_200)).build(parsed)
            if let site, let theme {
                _ = SiteRenderer(site: site, theme: theme).render()
            }
        }
        if let text = String(data: data, encoding: .utf8) {
            _ = MarkdownRendering.standalone(text, unsafeHTML: false, strings: [:])
        }
    }

    /// The default theme, when `DOSSIER_FUZZ_THEMES` or `./Themes` holds it.
    public static func loadTheme() -> Theme? {
        let directory = ProcessInfo.processInfo.environment["DOSSIER_FUZZ_THEMES"] ?? "Themes"
        return Theme.load(name: "default", themesDirectory: directory, fileSystem: .local).theme
    }
}
