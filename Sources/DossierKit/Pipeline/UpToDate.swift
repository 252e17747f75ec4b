/// The build cache, read once before the parse: a build that has nothing to do stops here.
extension Pipeline {
    /// The build cache beside the output, when the policy keeps one and the output folder is one
    /// this program wrote; else why there is none.
    func storedBuildCache(_ plan: BuildPlan) -> Result<BuildCache, BuildCache.Rejection> {
        guard plan.policy.keepsBuildCache, OutputWriter(fileSystem: fileSystem).isOwnOutput(plan.output) else {
            return .failure(.missing)
        }
        return BuildCache.load(plan.locations.buildCache, key: nil, fileSystem: fileSystem)
    }

    /// The report of a build that has nothing to do, or nil: the cache holds for these options,
    /// every content file and the theme are as the last build read them, the date is the same and
    /// every file of the output still has the size and time that build gave it.
    func upToDateReport(_ plan: BuildPlan, cache: BuildCache, loaded: ContentLoader.Result,
                        timings: [(stage: String, seconds: Double)]) -> BuildReport? {
        // Only a cache that keeps the warnings can report them again (see `CachePolicy`).
        guard plan.policy.keepsWarnings else { return nil }
        // The theme's name comes from site.yml; if the content is unchanged, it is the one the cache names.
        guard let cachedTheme = cache.themeName, let inputs = cache.inputs else { return nil }
        let themeName = plan.options.theme ?? cachedTheme
        guard cache.key == plan.cacheKey(themeName: themeName) else { return nil }
        let (theme, problems) = Theme.load(name: themeName, themesDirectory: plan.themesDirectory, fileSystem: fileSystem)
        guard let theme, problems.isEmpty else { return nil }
        let files = loaded.files.map { (path: $0.relativePath, hash: $0.hash) }
        guard CacheKeys.inputs(contentDirectory: plan.content, today: plan.today, files: files, theme: theme) == inputs else {
            return nil
        }
        let output = plan.output
        let fileSystem = self.fileSystem
        let intact = Parallel.map(Array(cache.files)) { path, record in fileSystem.info(joinPath(output, path)) == record.info }
        guard !intact.contains(false) else { return nil }
        // What a killed build left beside the output still goes.
        OutputWriter(fileSystem: fileSystem).removeStale(beside: plan.locations)
        var report = BuildReport(diagnostics: cache.diagnostics, pageCount: cache.pageCount, fileCount: cache.files.count,
                                 wrote: true, timings: timings)
        report.unchanged = cache.files.count
        report.reusedPages = cache.pageCount
        report.upToDate = true
        return report
    }
}
