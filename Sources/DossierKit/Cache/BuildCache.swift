import Crypto
import Foundation

/// What the previous build wrote, kept in `.<output>.dossier-cache` beside the output folder so
/// the next build redoes only what changed. It records, for every file of the output, its size,
/// modification time and SHA-256, and for pages (and the sitemap, feed and filings export) the
/// digest of everything they are made from (`SiteRenderer.inputKey`). Written as `BinaryWriter`
/// bytes after a header line with the format and the payload's SHA-256.
///
/// It is only ever a hint. A file whose size or time differs from the record is treated as
/// unknown; a cache that is corrupt, from another version or for other build options is ignored.
/// Deleting it is always safe: the next build is a full one.
public struct BuildCache: Sendable, Equatable {
    /// Bumped whenever what a cache means changes.
    static let format = 3
    static let magic = "DOSSIER-CACHE"

    public struct Record: Sendable, Equatable {
        public var info: FileInfo
        /// SHA-256 of the file's bytes, as hex.
        public var digest: String
        /// For pages and files made from the site: the digest of their inputs.
        public var renderKey: String?
    }

    /// Build options, program version and content folder the records hold for.
    public var key: String
    public var files: [String: Record]
    /// Digest of everything the build read: every content file, the theme (templates, strings,
    /// assets), the date and the options. When the next build reads the same, and the output
    /// still holds what was written, it has nothing to do.
    public var inputs: String?
    /// The theme that build used (it is named in `site.yml`, which is part of the inputs).
    public var themeName: String?
    /// What that build reported, to report again when nothing changed.
    public var pageCount = 0
    public var diagnostics: [Diagnostic] = []

    public init(key: String, files: [String: Record] = [:]) {
        self.key = key
        self.files = files
    }

    /// `Output` → `.Output.dossier-cache` in the same parent folder.
    public static func location(output: String) -> String {
        OutputLocations(output: output).buildCache
    }

    /// Why a cache file was not used.
    public enum Rejection: Error, Equatable, Sendable, CustomStringConvertible {
        case missing
        case corrupt
        case stale

        public var description: String {
            switch self {
            case .missing: "no cache"
            case .corrupt: "the cache file is damaged; ignored"
            case .stale: "the cache is for other options or another version; ignored"
            }
        }
    }

    /// Reads the cache at `path`, accepting it only when its checksum verifies and its key is `key`
    /// (any key when `key` is nil: the caller checks it).
    public static func load(_ path: String, key: String?, fileSystem: FileSystem) -> Result<BuildCache, Rejection> {
        guard fileSystem.kind(path) == .file, let data = try? fileSystem.read(path) else { return .failure(.missing) }
        // Layout: "DOSSIER-CACHE <format> <sha256 of payload>\n" then the payload (`BinaryWriter`).
        guard let newline = data.firstIndex(of: 0x0A) else { return .failure(.corrupt) }
        let header = String(decoding: data[data.startIndex..<newline], as: UTF8.self).split(separator: " ")
        let payload = data[(newline + 1)...]
        guard header.count == 3, header[0] == magic else { return .failure(.corrupt) }
        guard header[1] == String(format) else { return .failure(.stale) }
        guard header[2] == StableHasher.hex(SHA256.hash(data: payload)) else { return .failure(.corrupt) }
        let bytes = [UInt8](payload)
        let decoded: BuildCache? = bytes.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            guard let cache = try? BuildCache(from: &reader), reader.isAtEnd else { return nil }
            return cache
        }
        guard let cache = decoded else { return .failure(.corrupt) }
        if let key, cache.key != key { return .failure(.stale) }
        return .success(cache)
    }

    /// Writes the cache next to the output (through a temporary file, so a reader never sees half).
    public func save(_ path: String, fileSystem: FileSystem) throws {
        var writer = BinaryWriter(capacity: files.count * 160 + 1024)
        write(to: &writer)
        var data = Data("\(Self.magic) \(Self.format) \(StableHasher.hex(SHA256.hash(data: writer.bytes)))\n".utf8)
        data.append(contentsOf: writer.bytes)
        try fileSystem.replace(path, with: data)
    }

    /// The record of `path` if the file on disk still has the recorded size and time.
    func verified(_ path: String, in output: String, fileSystem: FileSystem) -> Record? {
        guard let record = files[path], fileSystem.info(joinPath(output, path)) == record.info else { return nil }
        return record
    }

    /// The digest the cache records for a file's bytes.
    static func digest(_ data: Data) -> String {
        StableHasher.hex(SHA256.hash(data: data))
    }
}

extension BuildCache: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.string(key)
        writer.array(files.sorted { $0.key < $1.key }) { writer, file in
            writer.string(file.key)
            writer.int(Int(file.value.info.size))
            writer.int(Int(file.value.info.modified))
            writer.string(file.value.digest)
            writer.optional(file.value.renderKey) { $0.string($1) }
        }
        writer.optional(inputs) { $0.string($1) }
        writer.optional(themeName) { $0.string($1) }
        writer.int(pageCount)
        writer.array(diagnostics) { $0.write($1) }
    }

    init(from reader: inout BinaryReader) throws {
        self.init(key: try reader.string())
        let count = try reader.count()
        files.reserveCapacity(count)
        for _ in 0..<count {
            let path = try reader.string()
            let info = FileInfo(size: Int64(try reader.int()), modified: Int64(try reader.int()))
            files[path] = Record(info: info, digest: try reader.string(), renderKey: try reader.optional { try $0.string() })
        }
        inputs = try reader.optional { try $0.string() }
        themeName = try reader.optional { try $0.string() }
        pageCount = try reader.int()
        diagnostics = try reader.array { try $0.read() }
    }
}

extension BuildCache {
    /// Pages of this build whose files are still as it wrote them in `output`, with the digest of
    /// their inputs then: the renderer need not render them again if the digest is the same.
    func reusablePages(output: String, fileSystem: FileSystem) -> [String: String] {
        let candidates = files.filter { $0.value.renderKey != nil }.map { ($0.key, $0.value) }
        let verified = Parallel.map(candidates) { path, record -> (String, String)? in
            guard let key = record.renderKey, fileSystem.info(joinPath(output, path)) == record.info else { return nil }
            return (path, key)
        }
        return Dictionary(verified.compactMap { $0 }, uniquingKeysWith: { first, _ in first })
    }
}
