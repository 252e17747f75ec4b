import Foundation

/// One file read from the content folder.
public struct SourceFile: Sendable {
    /// Path relative to the content folder, with `/` separators, e.g. `kb/supplement-period.md`.
    public var relativePath: String
    /// The path as a user would type it (content folder joined with `relativePath`), for diagnostics.
    public var displayPath: String
    public var data: Data
    /// FNV-1a 64-bit hash of the bytes, for change detection.
    public var hash: UInt64
    public var role: ContentRole
}

/// What a file in `Content/` is, decided by where it sits.
public enum ContentRole: Sendable, Equatable {
    case settings
    case permit(id: String)
    case client(id: String)
    case article(id: String)
    /// `filings/<id>.md` or `filings/<id>/index.md`.
    case filing(id: String, isFolder: Bool)
    /// Any other file inside a folder dossier.
    case attachment(filingID: String)
    case calendar(year: String)
    case asset
    case unknown

    /// Classifies a path relative to the content folder.
    public static func classify(_ path: String) -> ContentRole {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let first = parts.first else { return .unknown }
        func stem(_ name: String, _ ext: String) -> String? {
            name.hasSuffix(ext) && name.count > ext.count ? String(name.dropLast(ext.count)) : nil
        }
        switch (first, parts.count) {
        case ("site.yml", 1), ("site.yaml", 1):
            return .settings
        case ("permits", 2):
            return stem(parts[1], ".md").map { .permit(id: $0) } ?? .unknown
        case ("clients", 2):
            return stem(parts[1], ".md").map { .client(id: $0) } ?? .unknown
        case ("kb", 2...):
            return stem(parts[parts.count - 1], ".md").map { .article(id: $0) } ?? .unknown
        case ("filings", 2):
            return stem(parts[1], ".md").map { .filing(id: $0, isFolder: false) } ?? .unknown
        case ("filings", 3...):
            if parts.count == 3 && parts[2] == "index.md" { return .filing(id: parts[1], isFolder: true) }
            return .attachment(filingID: parts[1])
        case ("calendar", 2):
            return (stem(parts[1], ".yml") ?? stem(parts[1], ".yaml")).map { .calendar(year: $0) } ?? .unknown
        case ("assets", 2...):
            return .asset
        default:
            return .unknown
        }
    }
}

/// FNV-1a, 64 bits: fast, stable across runs and machines.
func fnv1a(_ data: Data) -> UInt64 {
    data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
