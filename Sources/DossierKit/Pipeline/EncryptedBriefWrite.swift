/// An encrypted client brief: it needs every file at once (their paths are replaced by opaque
/// ones), so the files are gathered, encrypted, and written in one go. No cache stays beside it.
struct EncryptedBriefWrite: OutputSink {
    private var files: [OutputFile] = []
    private let plan: BuildPlan
    private let passphrase: String
    private let settings: SiteSettings
    private let strings: [String: String]
    private let writer: OutputWriter

    init(_ plan: BuildPlan, passphrase: String, site: Site, theme: Theme, writer: OutputWriter) {
        self.plan = plan
        self.passphrase = passphrase
        settings = site.settings
        strings = theme.strings[site.settings.language.rawValue] ?? [:]
        self.writer = writer
    }

    mutating func take(_ batch: [OutputFile]) {
        files += batch
    }

    mutating func finish(_ rendered: RenderedSite, clock: inout StageClock) throws -> SinkResult {
        var encryptor = try BriefEncryptor(passphrase: passphrase, language: settings.language)
        encryptor.strings = strings
        encryptor.baseURL = settings.baseURL
        let protected = try encryptor.protect(files)
        files = []
        clock.lap("encrypt")
        // A cache from an earlier plain build no longer describes this folder, and the page and
        // search caches of an internal wiki built there hold every page as parsed: none of them
        // may stay beside a brief.
        plan.policy.removeUnkept(beside: plan.locations, fileSystem: writer.fileSystem)
        let summary = try writer.write(protected, to: plan.output, force: plan.options.force)
        clock.lap("write")
        return SinkResult(summary: summary, wrote: true, fileCount: protected.count)
    }
}
