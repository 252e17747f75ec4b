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

    /// `dossier-fuzz --leak-hunt [--seconds N] [--seed N] [--batch N] [--fixture DIR] [--themes DIR]`:
    /// generates documents with internal sections (`LeakHunt`) and checks, site after site, that
    /// no marker reaches a client's brief or the public site (`LeakHuntRun`) until the time is up.
    /// Prints each finding with its document and a summary; returns the exit status (1 when
    /// anything was found, 2 for a usage error).
    public static func leakHunt(_ arguments: [String]) -> Int32 {
        var seconds = 60.0
        var seed = UInt64(Date().timeIntervalSince1970 * 1000)
        var batch = 30
        var fixture = "Tests/Fixtures/audiences"
        var themes = ProcessInfo.processInfo.environment["DOSSIER_FUZZ_THEMES"] ?? "Themes"
        var rest = arguments.filter { $0 != "--leak-hunt" }[...]
        while let option = rest.popFirst() {
            let value = rest.popFirst()
            switch (option, value) {
            case ("--seconds", let value?) where Double(value).map({ $0 > 0 }) == true: seconds = Double(value) ?? seconds
            case ("--seed", let value?) where UInt64(value) != nil: seed = UInt64(value) ?? seed
            case ("--batch", let value?) where Int(value).map({ $0 > 0 }) == true: batch = Int(value) ?? batch
            case ("--fixture", let value?): fixture = value
            case ("--themes", let value?): themes = value
            default:
                print("usage: dossier-fuzz --leak-hunt [--seconds N] [--seed N] [--batch N] [--fixture DIR] [--themes DIR]")
                return 2
            }
        }
        guard FileManager.default.fileExists(atPath: fixture + "/site.yml"), FileManager.default.fileExists(atPath: themes + "/default") else {
            print("leak hunt: no site at \(fixture) or no default theme in \(themes); run it from the repository's root")
            return 2
        }
        print("leak hunt: seed \(seed), \(Int(seconds)) s, \(batch) documents a site, fixture \(fixture)")
        let run = LeakHuntRun(fixture: fixture, themes: themes)
        var generator = LeakHunt(seed: seed)
        var total = LeakHuntRun.Outcome()
        var misuses = 0
        var sites = 0
        var reported: Set<String> = []
        var printed = 0
        var leakCases = 0
        let start = Date()
        while Date().timeIntervalSince(start) < seconds {
            // Every fourth site holds misuses of the markers (refused, then built one by one).
            let misuse = sites % 4 == 3
            let documents = (0..<(misuse ? max(1, batch / 6) : batch)).map { _ in generator.document(wellFormed: !misuse) }
            if misuse { misuses += documents.count }
            let outcome: LeakHuntRun.Outcome
            do {
                outcome = try run.check(documents, rawHTML: sites % 2 == 1, sameFolder: sites % 3 == 2)
            } catch {
                print("leak hunt: site \(sites) could not be built: \(error)")
                return 1
            }
            for finding in outcome.findings {
                guard reported.insert("\(finding.kind) \(finding.audience) \(finding.document.id) \(finding.caseIndex ?? -1)").inserted else { continue }
                printed += 1
                if finding.kind == .leak || finding.kind == .wroteDespiteError { leakCases += 1 }
                if printed <= 50 { print("\nsite \(sites), seed \(seed): \(finding)\n") }
            }
            total.add(outcome)
            sites += 1
            if sites % 10 == 0 {
                print("  \(Int(Date().timeIntervalSince(start))) s: \(total.documents) documents, \(total.builds) builds, "
                      + "\(total.findings.count) findings")
            }
        }
        print("leak hunt, seed \(seed): checked \(total.documents) documents (\(total.documents - misuses) well-formed, "
              + "\(misuses) misuses) in \(sites) sites, \(total.builds) builds; \(total.searched) briefs and public sites searched, "
              + "\(total.refused) refused with an error; \(leakCases) leaking sections, \(printed - leakCases) other findings"
              + (printed > 50 ? " (the first 50 printed)" : "")
              + String(format: "; %.0f s building, %.0f s searching", total.buildSeconds, total.searchSeconds))
        return total.findings.isEmpty ? 0 : 1
    }

    /// The default theme, when `DOSSIER_FUZZ_THEMES` or `./Themes` holds it.
    public static func loadTheme() -> Theme? {
        let directory = ProcessInfo.processInfo.environment["DOSSIER_FUZZ_THEMES"] ?? "Themes"
        return Theme.load(name: "default", themesDirectory: directory, fileSystem: .local).theme
    }
}
