import Crypto
import Foundation

/// The search index's share of each page from the previous build, kept in the shard files
/// `search-<n>` of `.<output>.dossier-pages/` (see `CacheShards`): for every page, the page
/// number it had in the index and its weighted terms. A page kept from the previous build (same
/// inputs, same number) gives its terms from here instead of being rendered and cut into words.
///
/// An entry holds only for the render key the build cache records for the same page (the digest
/// of everything the page is made from), so it is trusted only beside that build cache, and a
/// shard left from an interrupted build can never give a page terms it does not have.
public struct SearchCache: Sendable {
    static let format = 1

    /// One page's share of the index.
    public struct Entry: Sendable, Equatable {
        /// The page's input digest when it was indexed (its build cache `renderKey`).
        var renderKey: String
        var number: Int
        /// Its terms and weights, as `SearchIndex.encode` writes them.
        var terms: ArraySlice<UInt8>
    }

    var entries: [String: Entry]
    /// Which shards were read whole (only those may be left as they are).
    var intact: [Bool] = Array(repeating: false, count: CacheShards.count)

    init(entries: [String: Entry]) {
        self.entries = entries
    }

    /// The shard files, `search-<n>` in `.<output>.dossier-pages/`.
    static func files(output: String) -> CacheShards {
        CacheShards(output: output, name: "search", format: format)
    }

    static func load(output: String, key: String, fileSystem: FileSystem) -> SearchCache {
        var cache = SearchCache(entries: [:])
        for (shard, payload) in files(output: output).read(fileSystem: fileSystem).enumerated() {
            guard let payload else { continue }
            let entries = CacheShards.entries(payload, key: key) { reader in
                Entry(renderKey: try reader.string(), number: try reader.int(), terms: payload[try reader.rawRange()])
            }
            guard let entries else { continue }
            cache.entries.merge(entries) { first, _ in first }
            cache.intact[shard] = true
        }
        return cache
    }

    /// Writes the shards whose entries differ from `previous`.
    func save(output: String, key: String, previous: SearchCache?, fileSystem: FileSystem) throws {
        let files = SearchCache.files(output: output)
        var byShard = Array(repeating: [(String, Entry)](), count: CacheShards.count)
        for (path, entry) in entries { byShard[CacheShards.shard(of: path)].append((path, entry)) }
        var previousCounts = Array(repeating: 0, count: CacheShards.count)
        for path in previous?.entries.keys ?? [:].keys { previousCounts[CacheShards.shard(of: path)] += 1 }
        for (shard, list) in byShard.enumerated() {
            if let previous, previous.intact[shard], list.count == previousCounts[shard],
               list.allSatisfy({ previous.entries[$0.0] == $0.1 }) {
                continue
            }
            let payload = CacheShards.payload(key: key, entries: list) { writer, entry in
                writer.string(entry.renderKey)
                writer.int(entry.number)
                writer.raw(entry.terms)
            }
            try files.write(shard, payload: payload, fileSystem: fileSystem)
        }
    }
}
