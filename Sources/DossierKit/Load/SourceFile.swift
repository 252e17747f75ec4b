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
    /// A page of one kind (see `PageKind` for where each kind's files sit); `isFolder` for a
    /// folder dossier's `index.md`.
    case page(PageKind, id: String, isFolder: Bool)
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
        if let page = PageKind.page(at: parts) { return .page(page.kind, id: page.id, isFolder: page.isFolder) }
        // Any other file in a folder dossier's folder is one of its attachments.
        if let kind = PageKind(rawValue: first), kind.fileLayout == .folderDossier, parts.count >= 3 {
            return .attachment(filingID: parts[1])
        }
        switch (first, parts.count) {
        case ("site.yml", 1), ("site.yaml", 1):
            return .settings
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
