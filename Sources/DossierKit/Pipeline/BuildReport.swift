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
