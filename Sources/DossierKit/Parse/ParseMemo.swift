import Foundation

/// Parsed pages kept between builds of one long-running process (`dossier serve`): a file whose
/// bytes, name and audience are those of the last build is not parsed again. Each build replaces
/// the whole memo, so files that were deleted do not stay.
public final class ParseMemo: @unchecked Sendable {
    struct Entry: Sendable {
        var hash: UInt64
        var displayPath: String
        var includeInternal: Bool
        var page: ContentParser.ParsedPage
        var diagnostics: [Diagnostic]
        /// Its face's digest (see `PageFace`).
        var face: String
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    /// Files taken from the memo by the last build, for tests and logs.
    public private(set) var lastHits = 0

    public init() {}

    func lookup(_ file: SourceFile, includeInternal: Bool) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[file.relativePath], entry.hash == file.hash, entry.displayPath == file.displayPath,
              entry.includeInternal == includeInternal else { return nil }
        return entry
    }

    func replace(with entries: [String: Entry], hits: Int) {
        lock.lock()
        defer { lock.unlock() }
        self.entries = entries
        lastHits = hits
    }
}
