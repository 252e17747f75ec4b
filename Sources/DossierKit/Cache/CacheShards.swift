import Crypto
import Foundation

/// A cache kept as shard files in `.<output>.dossier-pages/` beside the output folder: entries
/// are spread over `count` files by a hash of their name, each file with its own SHA-256, so a
/// build rewrites only the shards whose entries changed (one edit rewrites one shard, not the
/// whole cache) and a damaged shard costs only its own entries.
struct CacheShards {
    static let count = 32

    /// The folder, e.g. `.Output.dossier-pages`.
    let folder: String
    /// The files' name (`parsed` → `parsed-0` ... `parsed-31`) and first header word.
    let name: String
    let format: Int

    init(output: String, name: String, format: Int) {
        folder = OutputLocations(output: output).pageCaches
        self.name = name
        self.format = format
    }

    /// The shard an entry named `key` lives in (FNV-1a of its UTF-8 bytes).
    static func shard(of key: String) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in key.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return Int(hash % UInt32(count))
    }

    func path(_ shard: Int) -> String { joinPath(folder, "\(name)-\(shard)") }

    /// Every shard's payload, read on every core; nil for a shard that is missing, damaged or of
    /// another format.
    func read(fileSystem: FileSystem) -> [[UInt8]?] {
        guard fileSystem.kind(folder) == .directory else { return Array(repeating: nil, count: Self.count) }
        let name = self.name, format = self.format
        return Parallel.map(Array(0..<Self.count)) { shard -> [UInt8]? in
            let path = self.path(shard)
            guard fileSystem.kind(path) == .file, let data = try? fileSystem.read(path) else { return nil }
            // Layout: "<NAME> <format> <sha256 of the payload>\n", then the payload.
            guard let newline = data.prefix(200).firstIndex(of: 0x0A) else { return nil }
            let header = String(decoding: data[data.startIndex..<newline], as: UTF8.self).split(separator: " ")
            let payload = data[(newline + 1)...]
            guard header.count == 3, header[0] == name.uppercased(), header[1] == String(format),
                  header[2] == StableHasher.hex(SHA256.hash(data: payload)) else { return nil }
            return [UInt8](payload)
        }
    }

    /// Writes one shard (through a temporary file; the folder is made when missing).
    func write(_ shard: Int, payload: [UInt8], fileSystem: FileSystem) throws {
        if fileSystem.kind(folder) != .directory { try fileSystem.createDirectory(folder) }
        var data = Data("\(name.uppercased()) \(format) \(StableHasher.hex(SHA256.hash(data: payload)))\n".utf8)
        data.append(contentsOf: payload)
        try fileSystem.replace(path(shard), with: data)
    }

    /// A shard's payload: the cache key, then its entries, each written by `write`, in name order.
    static func payload<Entry>(key: String, entries: [(String, Entry)], _ write: (inout BinaryWriter, Entry) -> Void) -> [UInt8] {
        var writer = BinaryWriter(capacity: 4096)
        writer.string(key)
        writer.unsigned(UInt64(entries.count))
        for (name, entry) in entries.sorted(by: { $0.0 < $1.0 }) {
            writer.string(name)
            write(&writer, entry)
        }
        return writer.bytes
    }

    /// The entries of a payload `payload` wrote, by name; nil when it is for another key or does
    /// not read back whole.
    static func entries<Entry>(_ payload: [UInt8], key: String,
                               _ read: (inout BinaryReader) throws -> Entry) -> [String: Entry]? {
        payload.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            guard let stored = try? reader.string(), stored == key, let count = try? reader.count() else { return nil }
            var entries: [String: Entry] = [:]
            entries.reserveCapacity(count)
            for _ in 0..<count {
                guard let name = try? reader.string(), let entry = try? read(&reader) else { return nil }
                entries[name] = entry
            }
            return reader.isAtEnd ? entries : nil
        }
    }

    /// Removes the shard files of this name (a cache that must not be trusted any more), and the
    /// folder once no shard of any name is left in it.
    func remove(fileSystem: FileSystem) {
        for shard in 0..<Self.count where fileSystem.kind(path(shard)) == .file {
            try? fileSystem.remove(path(shard))
        }
        if fileSystem.kind(folder) == .directory, (try? fileSystem.listDirectory(folder))?.isEmpty == true {
            try? fileSystem.remove(folder)
        }
    }
}
