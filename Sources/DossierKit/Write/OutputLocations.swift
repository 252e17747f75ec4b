/// Where a build's output is and what it keeps beside it, in the folder that holds it: the build
/// cache `.Output.dossier-cache`, the page caches in `.Output.dossier-pages/`, and the staging
/// and old folders `.Output.staging-<pid>` and `.Output.old-<pid>` of a write. Beside, not
/// inside: the output is replaced in one rename, and a cache never travels with the site.
struct OutputLocations: Sendable {
    /// The output folder as it was named.
    let output: String
    /// The folder that holds it.
    let parent: String
    /// Its own name, e.g. `Output`.
    let name: String

    init(output: String) {
        self.output = output
        (parent, name) = splitPath(output)
    }

    /// `.Output.dossier-cache` (see `BuildCache`).
    var buildCache: String { joinPath(parent, ".\(name).dossier-cache") }

    /// `.Output.dossier-pages/`, the shard files of the page and search caches (see `CacheShards`).
    var pageCaches: String { joinPath(parent, ".\(name).dossier-pages") }

    /// `.Output.staging-<pid>`, where a write puts the files before they replace the output's.
    func staging(process: Int32) -> String { joinPath(parent, ".\(name).staging-\(process)") }

    /// `.Output.old-<pid>`, where a replaced output goes until the new one is in place.
    func old(process: Int32) -> String { joinPath(parent, ".\(name).old-\(process)") }

    /// What a build killed part-way may have left in `parent` under this output's names.
    enum Leftover: Sendable {
        /// A build cache being saved (`.Output.dossier-cache.tmp-<pid>`).
        case cacheBeingSaved
        case staging
        case old
    }

    /// Which leftover `entry` (a name in `parent`) is, if any.
    func leftover(_ entry: String) -> Leftover? {
        if entry.hasPrefix(".\(name).dossier-cache.tmp-") { return .cacheBeingSaved }
        if entry.hasPrefix(".\(name).staging-") { return .staging }
        if entry.hasPrefix(".\(name).old-") { return .old }
        return nil
    }

    /// `.Output.dossier-pages` as a name in `parent`.
    var pageCachesName: String { ".\(name).dossier-pages" }
}
