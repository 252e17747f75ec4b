import CSystem
import Foundation

/// What a build or check is asked to do.
public struct BuildOptions: Sendable {
    public var contentDirectory: String = "Content"
    public var outputDirectory: String = "Output"
    /// Folder holding themes; nil means `Themes/` beside the content folder, else `./Themes`.
    public var themesDirectory: String?
    /// Overrides `theme` in site.yml.
    public var theme: String?
    public var includeDrafts = false
    public var audience: Audience = .internal
    public var today: Day
    public var force = false
    /// When set, the built brief is encrypted with this passphrase (client audience only).
    public var passphrase: String?
    /// Lets a passphrase shorter than `BriefEncryptor.minimumPassphraseLength` through.
    public var allowsWeakPassphrase = false

    public init(today: Day) {
        self.today = today
    }
}

/// What a run found and did.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var pageCount: Int
    public var fileCount: Int
    public var wrote: Bool
    /// Seconds per stage, in pipeline order.
    public var timings: [(stage: String, seconds: Double)]
    /// What the write did: files written, left untouched and removed.
    public var written = 0
    public var unchanged = 0
    public var removed = 0
    /// Pages taken as they were from the previous build, without rendering.
    public var reusedPages = 0
    /// Content pages read back from the page cache instead of being parsed.
    public var parsedFromCache = 0
    /// Why the build cache was not used, when it was not (nil when it was).
    public var cacheNote: String?
    /// Nothing the build reads changed since the last build and its output is intact: nothing
    /// was parsed, rendered or written.
    public var upToDate = false

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// load → parse → model → render → write. Each stage is a value that takes the previous stage's
/// output; nothing is shared between them but their results.
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
        var timings: [(String, Double)] = []
        var clock = DispatchTime.now().uptimeNanoseconds
        func lap(_ stage: String) {
            let now = DispatchTime.now().uptimeNanoseconds
            timings.append((stage, Double(now - clock) / 1e9))
            clock = now
        }
        // How the options go together first, then the environment and the file system.
        if options.passphrase != nil && options.audience.clientID == nil {
            throw UsageError(Self.encryptNeedsClient)
        }
        if write { try checkOutputPlacement(options) }
        if let passphrase = options.passphrase, passphrase.isEmpty {
            throw UsageError("--encrypt needs a passphrase in the environment variable DOSSIER_PASSPHRASE")
        }
        if let passphrase = options.passphrase, !options.allowsWeakPassphrase, !BriefEncryptor.isStrongEnough(passphrase) {
            throw UsageError("the passphrase in DOSSIER_PASSPHRASE has fewer than \(BriefEncryptor.minimumPassphraseLength) characters; "
                + "anyone with the files can guess a short one offline. Use a longer one, or pass --allow-weak-passphrase")
        }

        var loaded = try ContentLoader(fileSystem: fileSystem).load(root: options.contentDirectory)
        lap("load")
        // The build cache (read once; see `BuildCache`): only for plain builds into a folder this
        // program wrote (encrypted pages differ on every build, so there is nothing to reuse).
        let writer = OutputWriter(fileSystem: fileSystem)
        let cachePath = BuildCache.location(output: options.outputDirectory)
        var stored: Result<BuildCache, BuildCache.Rejection> = .failure(.missing)
        if write && options.passphrase == nil && writer.isOwnOutput(options.outputDirectory) {
            stored = BuildCache.load(cachePath, key: nil, fileSystem: fileSystem)
        }
        if case .success(let cache) = stored, let report = upToDateReport(options, cache: cache, loaded: loaded, timings: timings) {
            return report
        }
        // Plain builds keep caches beside the output. What lies beside a folder may travel with it
        // (a brief zipped with its folder, a site published from a parent folder), so a cache
        // beside a client brief or a public site holds nothing that site does not show: the page
        // cache (every page as parsed, other clients' filings included) is kept for the internal
        // wiki only, and so are the warnings the build cache repeats when nothing changed.
        let keepsCaches = write && options.passphrase == nil
        let keepsPageCache = keepsCaches && options.audience == .internal
        var parser = ContentParser(includeInternal: options.audience.includesInternal)
        parser.progress = progress
        parser.memo = parseMemo
        let parseCacheKey = ParseCache.key(includeInternal: options.audience.includesInternal)
        if keepsPageCache {
            parser.stored = ParseCache.load(output: options.outputDirectory, key: parseCacheKey, fileSystem: fileSystem)
        }
        // Faces are needed to choose the pages to render again, for every audience; the pages
        // themselves only where the page cache is kept.
        parser.keepsRecords = keepsCaches
        parser.recordsPages = keepsPageCache
        var parsed = parser.parse(loaded.files)
        var faces: [String: String] = [:]
        if keepsCaches {
            for record in parsed.cacheRecords { faces[record.path] = record.face }
            // Rewritten only when something differs from what it holds; a cache that cannot be
            // written only makes the next build slower.
            if keepsPageCache {
                try? ParseCache.save(parsed.cacheRecords, key: parseCacheKey, previous: parser.stored,
                                     output: options.outputDirectory, fileSystem: fileSystem)
            } else {
                // One left by an internal build into this folder goes.
                ParseCache.files(output: options.outputDirectory).remove(fileSystem: fileSystem)
            }
            parsed.cacheRecords = []
            parser.stored = nil
        }
        // The raw bytes are not needed any more (attachments keep their own): free them before
        // rendering, keeping only paths and hashes for the build cache.
        let contentFiles = loaded.files.map { (path: $0.relativePath, hash: $0.hash) }
        loaded.files = []
        dossier_release_free_memory()
        lap("parse")
        if let id = options.audience.clientID, !parsed.clients.contains(where: { $0.id == id }) {
            throw UsageError(Self.unknownClient(id, clients: parsed.clients.map(\.id), content: options.contentDirectory))
        }
        let (site, modelDiagnostics) = SiteBuilder(audience: options.audience, includeDrafts: options.includeDrafts,
                                                   today: options.today).build(parsed)
        dossier_release_free_memory()
        lap("model")
        var diagnostics = loaded.diagnostics + parsed.diagnostics + modelDiagnostics

        let themeName = options.theme ?? site?.settings.theme ?? "default"
        let themesDirectory = options.themesDirectory ?? defaultThemesDirectory(content: options.contentDirectory)
        let (theme, themeDiagnostics) = Theme.load(name: themeName, themesDirectory: themesDirectory, fileSystem: fileSystem)
        diagnostics += themeDiagnostics
        if let theme, let site, theme.strings[site.settings.language.rawValue] == nil {
            diagnostics.append(.error(joinPath(themesDirectory, themeName, "i18n", site.settings.language.rawValue + ".yml"), .start,
                                      "the theme has no language file for '\(site.settings.language.rawValue)' (site.yml's language)"))
        }
        let cacheKey = self.cacheKey(options, themeName: themeName, themesDirectory: themesDirectory)
        var previous: BuildCache?
        let cacheNote: String?
        switch stored {
        case .success(let cache) where cache.key == cacheKey: previous = cache; cacheNote = nil
        case .success: cacheNote = BuildCache.Rejection.stale.description
        case .failure(let rejection): cacheNote = rejection.description
        }
        var summary = OutputWriter.Summary()
        var wrote = false
        var pageCount = 0
        var fileCount = 0
        var reusedPages = 0
        let renderable = diagnostics.contains(where: { $0.severity == .error }) ? nil : site.flatMap { site in theme.map { (site, $0) } }
        if let (site, theme) = renderable {
            var renderer = SiteRenderer(site: site, theme: theme, includeSearch: options.passphrase == nil)
            var searchCache: SearchCache?
            if keepsCaches {
                renderer.inputs = SiteRenderer.Inputs(site: siteDigest(options, files: contentFiles, faces: faces),
                                                      sources: Dictionary(contentFiles.compactMap { file in
                                                          faces[file.path] == nil ? nil : (file.path, String(file.hash, radix: 16))
                                                      }, uniquingKeysWith: { first, _ in first }))
            }
            if let previous {
                renderer.reusable = reusablePages(previous, output: options.outputDirectory)
                searchCache = SearchCache.load(output: options.outputDirectory, key: cacheKey, fileSystem: fileSystem)
                renderer.searchCache = searchCache
            }
            renderer.progress = progress
            func count(_ batch: [OutputFile]) {
                fileCount += batch.count
                pageCount += batch.filter { $0.path.hasSuffix(".html") }.count
                reusedPages += batch.filter { $0.isKept && $0.path.hasSuffix(".html") }.count
            }
            if write && options.passphrase == nil {
                // Plain builds stream: each batch of pages goes to the staging folder as it is made.
                // The old cache goes first: if the write is interrupted, no cache describes a
                // folder it no longer matches.
                if fileSystem.kind(cachePath) == .file { try? fileSystem.remove(cachePath) }
                var session = try writer.begin(options.outputDirectory, force: options.force, previous: previous)
                session.verified = Set(renderer.reusable.keys)
                let record = try renderer.renderSite { batch in
                    count(batch)
                    try session.add(batch)
                    // What the batch used is free again; give it back so the peak stays one batch high.
                    // (A batch of pages kept as they were used next to nothing: trimming the heap
                    // would only cost time.)
                    if batch.contains(where: { !$0.isKept && $0.path.hasSuffix(".html") }) { dossier_release_free_memory() }
                }
                lap("render")
                summary = try session.finish()
                wrote = true
                var cache = BuildCache(key: cacheKey, files: summary.records)
                for (path, key) in record.renderKeys where cache.files[path] != nil { cache.files[path]?.renderKey = key }
                cache.inputs = inputsDigest(options, files: contentFiles, theme: theme)
                cache.themeName = themeName
                cache.pageCount = pageCount
                if options.audience == .internal { cache.diagnostics = Array(Set(diagnostics)).sorted() }
                // A cache that cannot be written only makes the next build slower. The search
                // cache goes first: it is trusted only beside a build cache that agrees with it.
                try? SearchCache(entries: record.search).save(output: options.outputDirectory, key: cacheKey,
                                                              previous: searchCache, fileSystem: fileSystem)
                try? cache.save(cachePath, fileSystem: fileSystem)
                lap("write")
            } else if !write {
                // `dossier check`: every page is rendered (a template can fail on real data) and dropped.
                _ = renderer.renderSite { batch in count(batch) }
                lap("render")
                lap("write")
            } else if let passphrase = options.passphrase {
                // An encrypted brief needs every file at once: their paths are replaced by opaque ones.
                var files = renderer.renderSite().files
                count(files)
                lap("render")
                var encryptor = try BriefEncryptor(passphrase: passphrase, language: site.settings.language)
                encryptor.strings = theme.strings[site.settings.language.rawValue] ?? [:]
                encryptor.baseURL = site.settings.baseURL
                files = try encryptor.protect(files)
                fileCount = files.count
                lap("encrypt")
                // A cache from an earlier plain build no longer describes this folder, and the page
                // and search caches of an internal wiki built there hold every page as parsed:
                // none of them may stay beside a brief.
                if fileSystem.kind(cachePath) == .file { try? fileSystem.remove(cachePath) }
                ParseCache.files(output: options.outputDirectory).remove(fileSystem: fileSystem)
                SearchCache.files(output: options.outputDirectory).remove(fileSystem: fileSystem)
                summary = try writer.write(files, to: options.outputDirectory, force: options.force)
                wrote = true
                lap("write")
            }
        } else {
            lap("render")
            lap("write")
        }
        var report = BuildReport(diagnostics: Array(Set(diagnostics)).sorted(), pageCount: pageCount,
                                 fileCount: fileCount, wrote: wrote, timings: timings)
        report.written = summary.written
        report.unchanged = summary.unchanged
        report.removed = summary.removed
        report.reusedPages = reusedPages
        report.parsedFromCache = parsed.cacheHits
        report.cacheNote = cacheNote
        return report
    }

    /// Pages of the previous build whose files are still as it wrote them, with the digest of
    /// their inputs then: the renderer need not render them again if the digest is the same.
    func reusablePages(_ previous: BuildCache, output: String) -> [String: String] {
        let fileSystem = self.fileSystem
        let candidates = previous.files.filter { $0.value.renderKey != nil }.map { ($0.key, $0.value) }
        let verified = Parallel.map(candidates) { path, record -> (String, String)? in
            guard let key = record.renderKey, fileSystem.info(joinPath(output, path)) == record.info else { return nil }
            return (path, key)
        }
        return Dictionary(verified.compactMap { $0 }, uniquingKeysWith: { first, _ in first })
    }

    /// The report of a build that has nothing to do, or nil: the cache holds for these options,
    /// every content file and the theme are as the last build read them, the date is the same and
    /// every file of the output still has the size and time that build gave it.
    func upToDateReport(_ options: BuildOptions, cache: BuildCache, loaded: ContentLoader.Result,
                        timings: [(String, Double)]) -> BuildReport? {
        let writer = OutputWriter(fileSystem: fileSystem)
        // Only the internal wiki's cache keeps the warnings to report again (see `run`).
        guard options.audience == .internal else { return nil }
        let themesDirectory = options.themesDirectory ?? defaultThemesDirectory(content: options.contentDirectory)
        // The theme's name comes from site.yml; if the content is unchanged, it is the one the cache names.
        guard let cachedTheme = cache.themeName, let inputs = cache.inputs else { return nil }
        let themeName = options.theme ?? cachedTheme
        guard cache.key == cacheKey(options, themeName: themeName, themesDirectory: themesDirectory) else { return nil }
        let (theme, problems) = Theme.load(name: themeName, themesDirectory: themesDirectory, fileSystem: fileSystem)
        guard let theme, problems.isEmpty else { return nil }
        let files = loaded.files.map { (path: $0.relativePath, hash: $0.hash) }
        guard inputsDigest(options, files: files, theme: theme) == inputs else { return nil }
        let output = options.outputDirectory
        let fileSystem = self.fileSystem
        let intact = Parallel.map(Array(cache.files)) { path, record in fileSystem.info(joinPath(output, path)) == record.info }
        guard !intact.contains(false) else { return nil }
        // What a killed build left beside the output still goes.
        let (parent, name) = OutputWriter.parentAndName(output)
        writer.removeStale(in: parent, name: name)
        var report = BuildReport(diagnostics: cache.diagnostics, pageCount: cache.pageCount, fileCount: cache.files.count,
                                 wrote: true, timings: timings)
        report.unchanged = cache.files.count
        report.reusedPages = cache.pageCount
        report.upToDate = true
        return report
    }

    /// What every page may show of the others: the date, the face of every page file (its front
    /// matter, headings and links; see `ParseCache`) and the bytes of every other content file
    /// (settings, calendars, assets, attachments). Theme and options are in each page's key and
    /// the cache key. A page whose own file and this digest are unchanged is unchanged.
    func siteDigest(_ options: BuildOptions, files: [(path: String, hash: UInt64)], faces: [String: String]) -> String {
        var hasher = StableHasher()
        hasher.add(options.today.description)
        hasher.add(count: files.count)
        for file in files.sorted(by: { $0.path < $1.path }) {
            hasher.add(file.path)
            if let face = faces[file.path] {
                hasher.add(tag: 1)
                hasher.add(face)
            } else {
                hasher.add(tag: 0)
                hasher.add(String(file.hash, radix: 16))
            }
        }
        return hasher.finalize()
    }

    /// Digest of what a build reads besides its options: every content file (path and FNV-1a
    /// hash), the theme's templates, strings and assets, the date, and the content folder as
    /// typed (diagnostics name files through it).
    func inputsDigest(_ options: BuildOptions, files: [(path: String, hash: UInt64)], theme: Theme) -> String {
        var hasher = StableHasher()
        hasher.add(options.contentDirectory)
        hasher.add(options.today.description)
        hasher.add(theme.name)
        hasher.add(theme.fingerprint)
        for (path, data) in theme.assets {
            hasher.add(path)
            hasher.add(bytes: data)
        }
        hasher.add(count: files.count)
        for file in files.sorted(by: { $0.path < $1.path }) {
            hasher.add(file.path)
            hasher.add(String(file.hash, radix: 16))
        }
        return hasher.finalize()
    }

    /// What a cache must have been made with to be used: the program, the options that change
    /// which pages exist, and where content and themes are. (`--today` is not part of it: pages
    /// showing the date have a new digest anyway, the others stay.)
    func cacheKey(_ options: BuildOptions, themeName: String, themesDirectory: String) -> String {
        var hasher = StableHasher()
        for part in [
            Pipeline.version, Pipeline.programIdentity, fileSystem.canonical(options.contentDirectory) ?? options.contentDirectory,
            fileSystem.canonical(themesDirectory) ?? themesDirectory, themeName, String(describing: options.audience),
            String(options.includeDrafts), String(options.passphrase != nil),
        ] {
            hasher.add(part)
        }
        return hasher.finalize()
    }

    /// Changes whenever the program's output for the same input may change.
    public static let version = "dossier 0.7 cache 2"

    /// The running program's size and modification time: a cache made by another build of the
    /// program (a new release, or a developer's rebuild) is not trusted, whatever `version` says.
    static let programIdentity: String = {
        guard let path = Bundle.main.executablePath, let info = FileSystem.local.info(path) else { return "unknown" }
        return "\(info.size)-\(info.modified)"
    }()

    /// The themes folder a build of `content` uses when `--themes` is not given.
    public func themesDirectory(content: String) -> String { defaultThemesDirectory(content: content) }

    func defaultThemesDirectory(content: String) -> String {
        let trimmed = content.hasSuffix("/") ? String(content.dropLast()) : content
        let parent = trimmed.contains("/") ? String(trimmed[..<(trimmed.lastIndex(of: "/") ?? trimmed.endIndex)]) : "."
        let beside = joinPath(parent.isEmpty ? "/" : parent, "Themes")
        if fileSystem.kind(joinPath(beside, "default")) == .directory { return beside }
        return Pipeline.bundledThemesDirectory(fileSystem: fileSystem) ?? "Themes"
    }

    /// Where the default theme is when no site has its own: `./Themes`, then beside the program
    /// (a checkout's `.build/<config>/dossier` or an install's `bin/../share/dossier`).
    public static func bundledThemesDirectory(fileSystem: FileSystem = .local) -> String? {
        var candidates = ["Themes"]
        // The running program's own file: `argv[0]` only when it is a path (a bare `dossier` found
        // on the PATH would be resolved against the current folder, where something else may
        // have that name).
        let named = CommandLine.arguments.first.flatMap { $0.contains("/") ? fileSystem.canonical($0) : nil }
        if let executable = Bundle.main.executablePath.flatMap({ fileSystem.canonical($0) }) ?? named
            ?? fileSystem.canonical("/proc/self/exe") {
            var folder = (executable as NSString).deletingLastPathComponent
            candidates.append(joinPath(folder, "../share/dossier/Themes"))
            for _ in 0..<4 {
                folder = (folder as NSString).deletingLastPathComponent
                candidates.append(joinPath(folder, "Themes"))
            }
        }
        return candidates.first { fileSystem.kind(joinPath($0, "default", "templates")) == .directory }
    }

    /// The output folder may not be the content folder, inside it, or a folder that contains it.
    func checkOutputPlacement(_ options: BuildOptions) throws {
        guard let content = fileSystem.canonical(options.contentDirectory) else { return }
        let trimmed = options.outputDirectory.hasSuffix("/") && options.outputDirectory.count > 1
            ? String(options.outputDirectory.dropLast()) : options.outputDirectory
        let output: String
        if let existing = fileSystem.canonical(trimmed) {
            output = existing
        } else {
            let parent = trimmed.contains("/") ? String(trimmed[..<(trimmed.lastIndex(of: "/") ?? trimmed.endIndex)]) : "."
            let name = trimmed.split(separator: "/").last.map(String.init) ?? trimmed
            guard let canonicalParent = fileSystem.canonical(parent.isEmpty ? "/" : parent) else {
                throw UsageError("the folder that would hold the output, '\(parent)', does not exist")
            }
            output = joinPath(canonicalParent, name)
        }
        if output == content || output.hasPrefix(content + "/") || content.hasPrefix(output + "/") || output == "/" {
            throw UsageError("output folder '\(options.outputDirectory)' overlaps the content folder '\(options.contentDirectory)'; choose a folder outside it")
        }
    }
}

/// "Today" for a build: `--today`, then `SOURCE_DATE_EPOCH`, then the clock in China Standard Time.
public enum Today {
    public static func resolve(argument: String?, environment: [String: String], now: Date) throws -> Day {
        if let argument {
            guard let day = Day(argument) else { throw UsageError("--today must be a date written YYYY-MM-DD, found '\(argument)'") }
            return day
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty {
            guard let seconds = Int(epoch) else { throw UsageError("SOURCE_DATE_EPOCH must be a whole number of seconds, found '\(epoch)'") }
            return Day.inChina(secondsSinceEpoch: seconds)
        }
        return Day.inChina(secondsSinceEpoch: Int(now.timeIntervalSince1970.rounded(.down)))
    }
}
