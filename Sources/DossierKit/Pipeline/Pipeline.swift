import CSystem
import Foundation

/// load → parse → model → render → write, over a `BuildPlan` (the options resolved once) into an
/// `OutputSink` (streaming write, check only, encrypted brief). Each stage takes the previous
/// stage's output; nothing is shared between them but their results. Which caches are read and
/// kept is the plan's `CachePolicy`; every cache key is made by `CacheKeys`.
public struct Pipeline: Sendable {
    public var fileSystem: FileSystem
    /// Told how far a long stage is (stage name, done, total); the CLI draws a progress line.
    public var progress: (@Sendable (String, Int, Int) -> Void)?
    /// Kept by a long-running process (`dossier serve`) so that unchanged files are not parsed again.
    public var parseMemo: ParseMemo?

    public init(fileSystem: FileSystem = .local) {
        self.fileSystem = fileSystem
    }

    /// `--encrypt` without `--audience client --client ID`.
    public static let encryptNeedsClient = "--encrypt is for client briefs: use it with --audience client --client ID"

    /// Changes whenever the program's output for the same input may change (see `CacheKeys`).
    public static var version: String { CacheKeys.version }

    /// "there is no client 'x'": with the likely typo's fix, else the client ids there are (the
    /// first ten) and where they come from.
    static func unknownClient(_ id: String, clients: [String], content: String) -> String {
        let hint = Suggestion.hint(for: id, in: clients)
        guard hint.isEmpty else { return "there is no client '\(id)'\(hint)" }
        let folder = joinPath(content, "clients") + "/"
        guard !clients.isEmpty else { return "there is no client '\(id)'; the site has no clients (see \(folder))" }
        let sorted = clients.sorted()
        let shown = 10
        let more = sorted.count > shown ? " and \(sorted.count - shown) more" : ""
        return "there is no client '\(id)'; the clients are: \(sorted.prefix(shown).joined(separator: ", "))\(more) (see \(folder))"
    }

    /// Builds the site; with `write: false` (what `dossier check` does) it stops before writing.
    /// Throws `UsageError` for mistakes in how it was called; content problems are diagnostics.
    public func run(_ options: BuildOptions, write: Bool) throws -> BuildReport {
        let plan = try BuildPlan(options, write: write, fileSystem: fileSystem)
        guard write else { return try run(plan) }
        // `--output a/b/c` with `a/b` missing: the build makes them, and takes them away again
        // when it writes nothing.
        let parents = try OutputParents(output: plan.output, fileSystem: fileSystem)
        try parents.create(fileSystem: fileSystem)
        do {
            let report = try run(plan)
            if !report.wrote { parents.removeCreated(plan.locations, fileSystem: fileSystem) }
            return report
        } catch {
            parents.removeCreated(plan.locations, fileSystem: fileSystem)
            throw error
        }
    }

    /// The stages of `run`, once the plan is made (and the folders above the output exist).
    func run(_ plan: BuildPlan) throws -> BuildReport {
        var clock = StageClock()
        var loaded = try ContentLoader(fileSystem: fileSystem).load(root: plan.content)
        clock.lap("load")
        let stored = storedBuildCache(plan)
        if case .success(let cache) = stored, let report = upToDateReport(plan, cache: cache, loaded: loaded, timings: clock.timings) {
            return report
        }
        var parsed = parse(&loaded, plan)
        clock.lap("parse")
        let model = try self.model(parsed, plan)
        // The site holds what rendering needs; the parsed pages' own copies go before it starts.
        parsed.content = ParsedContent()
        clock.lap("model")
        return try renderAndWrite(model, parsed, plan, stored: stored, clock: &clock)
    }

    // MARK: - Stages

    /// What the parse stage leaves: the content, the load's diagnostics, each page file's face
    /// digest (when the policy makes them) and the path and hash of every content file (the bytes
    /// are freed).
    struct Parsed {
        var content: ParsedContent
        var loadDiagnostics: [Diagnostic]
        var faces: [String: String]
        var files: [(path: String, hash: UInt64)]
    }

    /// Parses every content file, through the page cache when the policy keeps one, and writes the
    /// next page cache (or removes one this build may not keep). The files' bytes are freed.
    func parse(_ loaded: inout ContentLoader.Result, _ plan: BuildPlan) -> Parsed {
        let policy = plan.policy
        var parser = ContentParser(includeInternal: plan.audience.includesInternal)
        parser.progress = progress
        parser.memo = parseMemo
        let pageCacheKey = CacheKeys.pageCache(includeInternal: plan.audience.includesInternal)
        let stored = policy.keepsPageCache ? ParseCache.load(output: plan.output, key: pageCacheKey, fileSystem: fileSystem) : nil
        parser.pageCache = policy.pageCacheUse(stored: stored)
        var content = parser.parse(consuming: &loaded.files)
        var faces: [String: String] = [:]
        if policy.makesFaces {
            for record in content.cacheRecords { faces[record.path] = record.face }
        }
        if policy.keepsPageCache {
            // Rewritten only when something differs from what it holds; a cache that cannot be
            // written only makes the next build slower.
            try? ParseCache.save(content.cacheRecords, key: pageCacheKey, previous: stored, output: plan.output,
                                 fileSystem: fileSystem)
        } else if policy.keepsBuildCache {
            // One left by an internal build into this folder goes.
            policy.removeUnkept(beside: plan.locations, fileSystem: fileSystem)
        }
        content.cacheRecords = []
        // The raw bytes are not needed any more (attachments keep their own): free them before
        // rendering, keeping only paths and hashes for the caches' keys.
        let files = loaded.files.map { (path: $0.relativePath, hash: $0.hash) }
        loaded.files = []
        dossier_release_free_memory()
        return Parsed(content: content, loadDiagnostics: loaded.diagnostics, faces: faces, files: files)
    }

    /// What the model stage leaves: the site (nil when the content does not make one) and every
    /// diagnostic so far.
    struct Model {
        var site: Site?
        var diagnostics: [Diagnostic]
        var parsedFromCache: Int
    }

    /// Checks the content as a whole and builds the site for the audience.
    func model(_ parsed: Parsed, _ plan: BuildPlan) throws -> Model {
        let content = parsed.content
        if let id = plan.audience.clientID, !content.clients.contains(where: { $0.id == id }) {
            throw UsageError(Self.unknownClient(id, clients: content.clients.map(\.id), content: plan.content))
        }
        let (site, diagnostics) = SiteBuilder(audience: plan.audience, includeDrafts: plan.options.includeDrafts,
                                              today: plan.today).build(content)
        dossier_release_free_memory()
        return Model(site: site, diagnostics: parsed.loadDiagnostics + content.diagnostics + diagnostics, parsedFromCache: content.cacheHits)
    }

    /// Loads the theme, renders every page (those the output holds as they would be made are
    /// kept) into the sink the plan asks for, and finishes it.
    func renderAndWrite(_ model: Model, _ parsed: Parsed, _ plan: BuildPlan, stored: Result<BuildCache, BuildCache.Rejection>,
                        clock: inout StageClock) throws -> BuildReport {
        var diagnostics = model.diagnostics
        let themeName = plan.themeName(model.site?.settings)
        let (theme, themeDiagnostics) = Theme.load(name: themeName, themesDirectory: plan.themesDirectory, fileSystem: fileSystem)
        diagnostics += themeDiagnostics
        if let theme, let site = model.site, theme.strings[site.settings.language.rawValue] == nil {
            diagnostics.append(.error(joinPath(plan.themesDirectory, themeName, "i18n", site.settings.language.rawValue + ".yml"), .start,
                                      "the theme has no language file for '\(site.settings.language.rawValue)' (site.yml's language)"))
        }
        // The previous build's cache holds only for the same key.
        let cacheKey = plan.cacheKey(themeName: themeName)
        var previous: BuildCache?
        var report = BuildReport(diagnostics: [], pageCount: 0, fileCount: 0, wrote: false, timings: [])
        switch stored {
        case .success(let cache) where cache.key == cacheKey: previous = cache
        case .success: report.cacheNote = BuildCache.Rejection.stale.description
        case .failure(let rejection): report.cacheNote = rejection.description
        }
        report.parsedFromCache = model.parsedFromCache
        if !diagnostics.contains(where: { $0.severity == .error }), let site = model.site, let theme {
            let (renderer, searchCache) = self.renderer(site, theme, parsed, plan, previous: previous, cacheKey: cacheKey)
            var sink: any OutputSink
            if !plan.write {
                sink = CheckOnly()
            } else if let passphrase = plan.passphrase {
                sink = EncryptedBriefWrite(plan, passphrase: passphrase, site: site, theme: theme,
                                           writer: OutputWriter(fileSystem: fileSystem))
            } else {
                var cache = BuildCache(key: cacheKey)
                cache.inputs = CacheKeys.inputs(contentDirectory: plan.content, today: plan.today, files: parsed.files, theme: theme)
                cache.themeName = themeName
                if plan.policy.keepsWarnings { cache.diagnostics = Array(Set(diagnostics)).sorted() }
                sink = try StreamingWrite(plan, writer: OutputWriter(fileSystem: fileSystem), previous: previous,
                                          verified: Set(renderer.reusable.keys), cache: cache, searchCache: searchCache)
            }
            let record = try renderer.renderSite { batch in
                report.fileCount += batch.count
                report.pageCount += batch.filter { $0.path.hasSuffix(".html") }.count
                report.reusedPages += batch.filter { $0.isKept && $0.path.hasSuffix(".html") }.count
                try sink.take(batch)
            }
            clock.lap("render")
            let result = try sink.finish(RenderedSite(record: record, pageCount: report.pageCount), clock: &clock)
            report.wrote = result.wrote
            report.fileCount = result.fileCount ?? report.fileCount
            report.written = result.summary.written
            report.unchanged = result.summary.unchanged
            report.removed = result.summary.removed
        } else {
            clock.lap("render")
            clock.lap("write")
        }
        report.diagnostics = Array(Set(diagnostics)).sorted()
        report.timings = clock.timings
        return report
    }

    /// The renderer of `site`: with the build cache kept, it knows each page's inputs (so the next
    /// build can reuse it), and with the previous build's cache, the pages it need not render
    /// again and their search terms (the search cache read, returned too).
    func renderer(_ site: Site, _ theme: Theme, _ parsed: Parsed, _ plan: BuildPlan, previous: BuildCache?,
                  cacheKey: String) -> (SiteRenderer, SearchCache?) {
        var renderer = SiteRenderer(site: site, theme: theme, includeSearch: plan.passphrase == nil)
        renderer.includeCalendarFeed = plan.passphrase == nil  // Version 2: deadlines
        renderer.progress = progress
        if plan.policy.keepsBuildCache {
            let sources = parsed.files.compactMap { file in
                parsed.faces[file.path] == nil ? nil : (file.path, CacheKeys.source(file.hash))
            }
            renderer.inputs = SiteRenderer.Inputs(site: CacheKeys.site(today: plan.today, files: parsed.files, faces: parsed.faces),
                                                  sources: Dictionary(sources, uniquingKeysWith: { first, _ in first }))
        }
        var searchCache: SearchCache?
        if let previous {
            renderer.reusable = previous.reusablePages(output: plan.output, fileSystem: fileSystem)
            searchCache = SearchCache.load(output: plan.output, key: cacheKey, fileSystem: fileSystem)
            renderer.searchCache = searchCache
        }
        return (renderer, searchCache)
    }
}
