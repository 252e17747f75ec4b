/// Where the render stage's files go: written as they come (`StreamingWrite`), dropped
/// (`CheckOnly`, what `dossier check` does) or gathered and encrypted into a brief
/// (`EncryptedBriefWrite`). The write stage is the sink's `finish`.
protocol OutputSink {
    /// One batch of files, as the renderer makes them.
    mutating func take(_ batch: [OutputFile]) throws
    /// After the last batch: what is left to write, and the build cache. Laps `clock` for the
    /// stages it runs (`write`, and `encrypt` before it for a brief).
    mutating func finish(_ rendered: RenderedSite, clock: inout StageClock) throws -> SinkResult
}

/// What the render stage made, for the sink to finish with.
struct RenderedSite {
    /// Each page's input digest and search share, for the next build's caches.
    var record: SiteRenderer.Record
    var pageCount: Int
}

/// What a sink did.
struct SinkResult {
    var summary = OutputWriter.Summary()
    var wrote = false
    /// The number of files written when it differs from the number rendered (a brief's are replaced).
    var fileCount: Int?
}

/// `dossier check`: every page is rendered (a template can fail on real data) and dropped.
struct CheckOnly: OutputSink {
    mutating func take(_ batch: [OutputFile]) {}

    mutating func finish(_ rendered: RenderedSite, clock: inout StageClock) -> SinkResult {
        clock.lap("write")
        return SinkResult()
    }
}
