import Crypto
import Foundation

/// Parsed pages of the previous build, by source file, kept in the shard files `parsed-<n>` of
/// `.<output>.dossier-pages/` beside the output folder (see `CacheShards`): a file whose bytes
/// (FNV-1a hash), name and audience are unchanged is read back from here instead of being parsed
/// again.
///
/// Like the build cache it is only a hint: it holds only for the very program that wrote it and
/// the same content folder and audience, a damaged shard is ignored whole (its SHA-256 is checked),
/// and an entry that does not read back is parsed again. Deleting it is always safe.
///
/// Each entry also keeps the digest of the page's face (`PageFace`: its front matter, headings and
/// outgoing links), made when it was parsed. A page whose face is unchanged changed nothing on
/// any other page.
public struct ParseCache: Sendable {
    static let format = 9

    /// What the cache holds for one source file; its page is at `range` in shard `shard`.
    struct Entry: Sendable {
        var hash: UInt64
        var displayPath: String
        var face: String
        var diagnostics: [Diagnostic]
        var shard: Int
        var range: Range<Int>
    }

    /// One page for the next cache: the parse of a file, encoded.
    struct Record: Sendable {
        var path: String
        var hash: UInt64
        var displayPath: String
        var face: String
        var diagnostics: [Diagnostic]
        var page: ArraySlice<UInt8>
        /// Taken over unchanged from the previous cache (so its shard may not need writing).
        var carried = false
    }

    /// Each shard's payload (nil when it was missing or damaged).
    let shards: [[UInt8]?]
    let entries: [String: Entry]
    /// How many entries each shard held.
    let shardCounts: [Int]

    /// The shard files, `parsed-<n>` in `.<output>.dossier-pages/`.
    static func files(output: String) -> CacheShards {
        CacheShards(output: output, name: "parsed", format: format)
    }

    /// What a cache must have been written with to be read: the program and the audience's
    /// internal sections (which the parse leaves out or keeps).
    static func key(includeInternal: Bool) -> String {
        CacheKeys.pageCache(includeInternal: includeInternal)
    }

    /// The cache beside `output`, or nil when no shard of it holds for `key`.
    static func load(output: String, key: String, fileSystem: FileSystem) -> ParseCache? {
        var shards = files(output: output).read(fileSystem: fileSystem)
        var entries: [String: Entry] = [:]
        var counts = Array(repeating: 0, count: shards.count)
        for (shard, payload) in shards.enumerated() {
            guard let payload, let read = index(payload, shard: shard, key: key) else {
                shards[shard] = nil
                continue
            }
            entries.merge(read) { first, _ in first }
            counts[shard] = read.count
        }
        guard shards.contains(where: { $0 != nil }) else { return nil }
        return ParseCache(shards: shards, entries: entries, shardCounts: counts)
    }

    /// The entries of one shard (without decoding their pages), or nil when it is not for `key`.
    static func index(_ payload: [UInt8], shard: Int, key: String) -> [String: Entry]? {
        CacheShards.entries(payload, key: key) { reader in
            Entry(hash: try reader.fixed64(), displayPath: try reader.string(), face: try reader.string(),
                  diagnostics: try reader.array { try $0.read(Diagnostic.self) }, shard: shard, range: try reader.rawRange())
        }
    }

    /// The entry of `file` if the cache has it for these very bytes and name.
    func entry(for file: SourceFile) -> Entry? {
        guard let entry = entries[file.relativePath], entry.hash == file.hash, entry.displayPath == file.displayPath,
              shards[entry.shard] != nil else { return nil }
        return entry
    }

    /// The stored parse of `file`, if the cache has it for these very bytes and it reads back.
    func lookup(_ file: SourceFile) -> (page: ContentParser.ParsedPage, entry: Entry)? {
        guard let entry = entry(for: file), let payload = shards[entry.shard] else { return nil }
        let page: ContentParser.ParsedPage? = payload.withUnsafeBytes { buffer in
            // Body trees stay encoded in `payload` until a page that shows them is rendered.
            var reader = BinaryReader(buffer, range: entry.range, storage: payload)
            guard let page = try? reader.read(ContentParser.ParsedPage.self), reader.isAtEnd else { return nil }
            return page
        }
        return page.map { ($0, entry) }
    }

    /// The record that carries an entry over into the next cache without decoding it again.
    func record(_ path: String, _ entry: Entry) -> Record? {
        guard let payload = shards[entry.shard] else { return nil }
        return Record(path: path, hash: entry.hash, displayPath: entry.displayPath, face: entry.face,
                      diagnostics: entry.diagnostics, page: payload[entry.range], carried: true)
    }

    /// The record of a page parsed now: its face's digest (made by the parse; see `PageFace`), and
    /// the page encoded when `encodingPage` (a build that keeps no page cache needs the face alone).
    static func record(_ file: SourceFile, page: ContentParser.ParsedPage, face: String, diagnostics: [Diagnostic],
                       encodingPage: Bool = true) -> Record {
        var writer = BinaryWriter(capacity: encodingPage ? 4096 : 0)
        if encodingPage { writer.write(page) }
        // Copied into an array of its own size: the writer's grew by doubling, so up to half of it
        // is unused, and every page's record is held until the cache is written.
        return Record(path: file.relativePath, hash: file.hash, displayPath: file.displayPath,
                      face: face, diagnostics: diagnostics, page: ArraySlice(Array(writer.bytes[...])))
    }

    /// Writes the shards whose entries differ from `previous` (all of them without one).
    static func save(_ records: [Record], key: String, previous: ParseCache?, output: String,
                     fileSystem: FileSystem) throws {
        let files = files(output: output)
        var byShard = Array(repeating: [Record](), count: CacheShards.count)
        for record in records { byShard[CacheShards.shard(of: record.path)].append(record) }
        for (shard, list) in byShard.enumerated() {
            // Carried records of this shard came from the same shard of `previous`: if all are
            // carried and as many as it held, it holds exactly these.
            if let previous, previous.shards[shard] != nil, list.allSatisfy(\.carried), list.count == previous.shardCounts[shard] {
                continue
            }
            let payload = CacheShards.payload(key: key, entries: list.map { ($0.path, $0) }) { writer, record in
                writer.fixed64(record.hash)
                writer.string(record.displayPath)
                writer.string(record.face)
                writer.array(record.diagnostics) { $0.write($1) }
                writer.raw(record.page)
            }
            try files.write(shard, payload: payload, fileSystem: fileSystem)
        }
    }
}
