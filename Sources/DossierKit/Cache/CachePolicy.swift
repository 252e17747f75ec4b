/// Which caches a build keeps beside its output, for which audience, and which it removes; decided
/// once per build from what it is asked to do.
///
/// What lies beside a folder may travel with it (a brief zipped with its folder, a site
/// published from a parent folder), so a cache beside a client brief or a public site holds
/// nothing that site does not show:
/// - `dossier check` writes nothing and keeps no cache;
/// - a plain build keeps the build cache and the search cache (made from what it shows);
/// - the page cache (every page as parsed, other clients' filings included) and the warnings the
///   build cache repeats when nothing changed are kept for the internal wiki only; a build for
///   another audience removes a page cache an internal build left in the same place;
/// - an encrypted brief keeps none (its pages differ on every build, so there is nothing to
///   reuse) and removes every cache an earlier build left beside it.
struct CachePolicy: Sendable, Equatable {
    /// The build cache and the search cache are read and written (and pages are reused).
    var keepsBuildCache: Bool
    /// The page cache is read and written.
    var keepsPageCache: Bool
    /// The build cache keeps the build's warnings, so a build with nothing to do can report them
    /// again without reading the content (only such a build can be up to date).
    var keepsWarnings: Bool
    /// Every cache beside the output goes (an encrypted brief).
    var removesAll: Bool

    init(write: Bool, encrypted: Bool, audience: Audience) {
        keepsBuildCache = write && !encrypted
        keepsPageCache = keepsBuildCache && audience == .internal
        keepsWarnings = audience == .internal
        removesAll = write && encrypted
    }

    /// Whether the parse makes page faces (to choose the pages to render again).
    var makesFaces: Bool { keepsBuildCache }

    /// What the parse does with the page cache; `stored` is the one read beside the output.
    func pageCacheUse(stored: ParseCache?) -> PageCacheUse {
        keepsPageCache ? .pages(stored: stored) : makesFaces ? .faces : .none
    }

    /// Removes the caches an earlier build left beside the output that this build may not leave
    /// there: the page cache beside a plain build for another audience than the internal wiki;
    /// every cache beside an encrypted brief (once the brief is made: a brief that fails leaves
    /// the folder and its caches as they were).
    func removeUnkept(beside locations: OutputLocations, fileSystem: FileSystem) {
        if removesAll, fileSystem.kind(locations.buildCache) == .file { try? fileSystem.remove(locations.buildCache) }
        if removesAll || (keepsBuildCache && !keepsPageCache) {
            ParseCache.files(output: locations.output).remove(fileSystem: fileSystem)
        }
        if removesAll { SearchCache.files(output: locations.output).remove(fileSystem: fileSystem) }
    }
}

/// What the parse does with the page cache, as `CachePolicy` decides.
enum PageCacheUse: Sendable {
    /// No entries are made (`dossier check`, an encrypted brief).
    case none
    /// Every page file's entry is made with its face only: no page cache is kept, but the faces
    /// choose the pages to render again.
    case faces
    /// Unchanged files are read back from `stored`; every page file's entry is made whole, for the
    /// next page cache.
    case pages(stored: ParseCache?)

    /// The page cache to read unchanged files from.
    var stored: ParseCache? {
        if case .pages(let stored) = self { return stored }
        return nil
    }

    /// Whether every page file's entry is made (`ParsedContent.cacheRecords`).
    var makesRecords: Bool {
        if case .none = self { return false }
        return true
    }

    /// Whether those entries carry the page itself, not only its face.
    var encodesPages: Bool {
        if case .pages = self { return true }
        return false
    }
}
