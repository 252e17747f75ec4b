import CSystem

/// A plain build: each batch of pages goes to the staging folder as it is made (so a large site
/// is never all in memory), then the output is replaced and the build and search caches are
/// written for the next build.
struct StreamingWrite: OutputSink {
    private var session: WriteSession
    /// The next build cache, all but what the write and the render find out.
    private let cache: BuildCache
    /// The search cache read for this build (its unchanged shards are not written again).
    private let searchCache: SearchCache?
    private let locations: OutputLocations
    private let fileSystem: FileSystem

    /// Starts the write; `verified` are the pages the output holds as the previous build wrote them.
    init(_ plan: BuildPlan, writer: OutputWriter, previous: BuildCache?, verified: Set<String>, cache: BuildCache,
         searchCache: SearchCache?) throws {
        // The old cache goes first: if the write is interrupted, no cache describes a folder it
        // no longer matches.
        let cachePath = plan.locations.buildCache
        if writer.fileSystem.kind(cachePath) == .file { try? writer.fileSystem.remove(cachePath) }
        session = try writer.begin(plan.output, force: plan.options.force, previous: previous)
        session.verified = verified
        self.cache = cache
        self.searchCache = searchCache
        locations = plan.locations
        fileSystem = writer.fileSystem
    }

    mutating func take(_ batch: [OutputFile]) throws {
        try session.add(batch)
        // What the batch used is free again; give it back so the peak stays one batch high.
        // (A batch of pages kept as they were used next to nothing: trimming the heap would
        // only cost time.)
        if batch.contains(where: { !$0.isKept && $0.path.hasSuffix(".html") }) { dossier_release_free_memory() }
    }

    mutating func finish(_ rendered: RenderedSite, clock: inout StageClock) throws -> SinkResult {
        let summary = try session.finish()
        var cache = self.cache
        cache.files = summary.records
        for (path, key) in rendered.record.renderKeys where cache.files[path] != nil { cache.files[path]?.renderKey = key }
        cache.pageCount = rendered.pageCount
        // A cache that cannot be written only makes the next build slower. The search cache goes
        // first: it is trusted only beside a build cache that agrees with it.
        try? SearchCache(entries: rendered.record.search).save(output: locations.output, key: cache.key,
                                                               previous: searchCache, fileSystem: fileSystem)
        try? cache.save(locations.buildCache, fileSystem: fileSystem)
        clock.lap("write")
        return SinkResult(summary: summary, wrote: true)
    }
}
