import Foundation

/// Every digest the caches are keyed by, in one place. A cached thing is used only when the key
/// it was stored under is the one computed now, so a key that misses an input lets a stale page
/// through: whatever a page, a cache or a build reads must be in its key here.
///
/// - `build`: which build a build cache or search cache belongs to (program, options, folders).
/// - `pageCache`: which parse a page cache entry belongs to (program, internal sections or not).
/// - `site`: what every page may show of the others (faces; see `PageFace`).
/// - `source`: what a page shows of its own file.
/// - `page` and `supportFile`: everything one output file is made from (its build cache `renderKey`).
/// - `inputs`: everything a build reads, for the build that has nothing to do.
enum CacheKeys {
    /// Changes whenever the program's output for the same input may change.
    static let version = "dossier 0.7 cache 2"

    /// The running program's size and modification time: a cache made by another build of the
    /// program (a new release, or a developer's rebuild) is not trusted, whatever `version` says.
    static let programIdentity: String = {
        guard let path = Bundle.main.executablePath, let info = FileSystem.local.info(path) else { return "unknown" }
        return "\(info.size)-\(info.modified)"
    }()

    /// What a build cache must have been made with to be used: the program, the options that
    /// change which pages exist, and where content and themes are (canonical paths). (`--today`
    /// is not part of it: pages showing the date have a new key anyway, the others stay.)
    static func build(content: String, themes: String, themeName: String, audience: Audience,
                      includeDrafts: Bool, encrypted: Bool) -> String {
        var hasher = StableHasher()
        for part in [version, programIdentity, content, themes, themeName, String(describing: audience),
                     String(includeDrafts), String(encrypted)] {
            hasher.add(part)
        }
        return hasher.finalize()
    }

    /// What a page cache must have been written with to be read: the program and the audience's
    /// internal sections (which the parse leaves out or keeps).
    static func pageCache(includeInternal: Bool) -> String {
        "\(version) \(programIdentity) internal=\(includeInternal)"
    }

    /// What every page may show of the others: the date, the face of every page file (see
    /// `PageFace`) and the bytes of every other content file (settings, calendars, assets,
    /// attachments). Theme and options are in each page's key and the build key. A page whose own
    /// file and this digest are unchanged is unchanged.
    static func site(today: Day, files: [(path: String, hash: UInt64)], faces: [String: String]) -> String {
        var hasher = StableHasher()
        hasher.add(today.description)
        hasher.add(count: files.count)
        for file in files.sorted(by: { $0.path < $1.path }) {
            hasher.add(file.path)
            if let face = faces[file.path] {
                hasher.add(tag: 1)
                hasher.add(face)
            } else {
                hasher.add(tag: 0)
                hasher.add(source(file.hash))
            }
        }
        return hasher.finalize()
    }

    /// A content file's own digest (its FNV-1a hash, in hex): what its page shows of it.
    static func source(_ hash: UInt64) -> String {
        String(hash, radix: 16)
    }

    /// The digest of everything a page is made from: the theme, the page's template and path, what
    /// all pages share (`site`) and its own file (`source`, empty for lists and indexes).
    /// (`SiteRenderer.inputKey`.)
    static func page(themeFingerprint: String, template: String, path: String, site: String, source: String) -> String {
        var hasher = StableHasher()
        hasher.add(themeFingerprint)
        hasher.add(template)
        hasher.add(path)
        hasher.add(site)
        hasher.add(source)
        return hasher.finalize()
    }

    /// The digest of everything the sitemap, the feed or the filings export is made from: what all
    /// pages share, the theme and the theme's asset paths (the sitemap lists them).
    /// (`SiteRenderer.supportFiles`.)
    static func supportFile(path: String, site: String, themeFingerprint: String, assetPaths: [String]) -> String {
        var hasher = StableHasher()
        hasher.add("support file")
        hasher.add(path)
        hasher.add(site)
        hasher.add(themeFingerprint)
        for asset in assetPaths { hasher.add(asset) }
        return hasher.finalize()
    }

    /// Digest of what a build reads besides its options: every content file (path and FNV-1a
    /// hash), the theme's templates, strings and assets, the date, and the content folder as
    /// typed (diagnostics name files through it).
    static func inputs(contentDirectory: String, today: Day, files: [(path: String, hash: UInt64)], theme: Theme) -> String {
        var hasher = StableHasher()
        hasher.add(contentDirectory)
        hasher.add(today.description)
        hasher.add(theme.name)
        hasher.add(theme.fingerprint)
        for (path, data) in theme.assets {
            hasher.add(path)
            hasher.add(bytes: data)
        }
        hasher.add(count: files.count)
        for file in files.sorted(by: { $0.path < $1.path }) {
            hasher.add(file.path)
            hasher.add(source(file.hash))
        }
        return hasher.finalize()
    }
}
