import CSystem
import Foundation

/// Every file access of the pipeline goes through this small struct, so tests can see what a
/// build touches and the stages stay free of global state.
public struct FileSystem: Sendable {
    public enum ItemKind: Sendable, Equatable {
        case file
        case directory
        case symlink
        case missing
    }

    public var kind: @Sendable (_ path: String) -> ItemKind
    public var listDirectory: @Sendable (_ path: String) throws -> [String]
    public var read: @Sendable (_ path: String) throws -> Data
    public var write: @Sendable (_ path: String, _ data: Data) throws -> Void
    public var createDirectory: @Sendable (_ path: String) throws -> Void
    public var move: @Sendable (_ from: String, _ to: String) throws -> Void
    /// Swaps two existing paths in one atomic step; throws where the system cannot.
    public var exchange: @Sendable (_ first: String, _ second: String) throws -> Void
    public var remove: @Sendable (_ path: String) throws -> Void
    /// The target of a symbolic link, resolved to an absolute, canonical path (nil when it dangles).
    public var resolveLink: @Sendable (_ path: String) -> String?
    /// The absolute, canonical form of an existing path.
    public var canonical: @Sendable (_ path: String) -> String?
    /// Size and modification time of a regular file (nil when missing or not a file).
    public var info: @Sendable (_ path: String) -> FileInfo?
    /// A second name for an existing file (a hard link: same bytes, same modification time).
    public var link: @Sendable (_ existing: String, _ new: String) throws -> Void

    public init(
        kind: @escaping @Sendable (String) -> ItemKind,
        listDirectory: @escaping @Sendable (String) throws -> [String],
        read: @escaping @Sendable (String) throws -> Data,
        write: @escaping @Sendable (String, Data) throws -> Void,
        createDirectory: @escaping @Sendable (String) throws -> Void,
        move: @escaping @Sendable (String, String) throws -> Void,
        exchange: @escaping @Sendable (String, String) throws -> Void = { first, _ in
            throw FileSystemError(path: first, reason: "cannot be swapped atomically here")
        },
        remove: @escaping @Sendable (String) throws -> Void,
        resolveLink: @escaping @Sendable (String) -> String?,
        canonical: @escaping @Sendable (String) -> String?,
        info: @escaping @Sendable (String) -> FileInfo? = { _ in nil },
        link: @escaping @Sendable (String, String) throws -> Void = { existing, _ in
            throw FileSystemError(path: existing, reason: "cannot be linked here")
        }
    ) {
        self.kind = kind
        self.listDirectory = listDirectory
        self.read = read
        self.write = write
        self.createDirectory = createDirectory
        self.move = move
        self.exchange = exchange
        self.remove = remove
        self.resolveLink = resolveLink
        self.canonical = canonical
        self.info = info
        self.link = link
    }

    /// The machine's real file system.
    public static let local = FileSystem(
        kind: { path in
            var info = stat()
            guard lstat(path, &info) == 0 else { return .missing }
            switch info.st_mode & S_IFMT {
            case S_IFLNK: return .symlink
            case S_IFDIR: return .directory
            default: return .file
            }
        },
        listDirectory: { path in try FileManager.default.contentsOfDirectory(atPath: path).sorted() },
        read: { path in
            guard let data = FileManager.default.contents(atPath: path) else {
                throw FileSystemError(path: path, reason: "cannot be read")
            }
            return data
        },
        write: { path, data in
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw FileSystemError(path: path, reason: "cannot be written: \(String(cString: strerror(errno)))")
            }
            defer { close(descriptor) }
            try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
                var offset = 0
                while offset < buffer.count {
                    let written = Foundation.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw FileSystemError(path: path, reason: "cannot be written: \(String(cString: strerror(errno)))")
                    }
                    offset += written
                }
            }
        },
        createDirectory: { path in
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        },
        move: { from, to in
            guard rename(from, to) == 0 else {
                throw FileSystemError(path: from, reason: "cannot be renamed to \(to): \(String(cString: strerror(errno)))")
            }
        },
        exchange: { first, second in
            guard dossier_exchange(first, second) == 0 else {
                throw FileSystemError(path: first, reason: "cannot be swapped with \(second): \(String(cString: strerror(errno)))")
            }
        },
        remove: { path in try FileManager.default.removeItem(atPath: path) },
        resolveLink: { path in
            guard let resolved = realpath(path, nil) else { return nil }
            defer { free(resolved) }
            return String(cString: resolved)
        },
        canonical: { path in
            guard let resolved = realpath(path, nil) else { return nil }
            defer { free(resolved) }
            return String(cString: resolved)
        },
        info: { path in
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
            #if canImport(Darwin)
            let modified = status.st_mtimespec
            #else
            let modified = status.st_mtim
            #endif
            return FileInfo(size: Int64(status.st_size), modified: Int64(modified.tv_sec) * 1_000_000_000 + Int64(modified.tv_nsec))
        },
        link: { existing, new in
            guard Foundation.link(existing, new) == 0 else {
                throw FileSystemError(path: existing, reason: "cannot be linked as \(new): \(String(cString: strerror(errno)))")
            }
        }
    )
}

/// What the build cache remembers of a written file to know it is still as written.
extension FileSystem {
    /// Writes `data` to `path` through a temporary file beside it, so that a reader sees the old
    /// bytes or the new ones, never half.
    func replace(_ path: String, with data: Data) throws {
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        try write(temporary, data)
        do {
            try move(temporary, path)
        } catch {
            try? remove(temporary)
            throw error
        }
    }
}

public struct FileInfo: Sendable, Equatable {
    public var size: Int64
    /// Modification time in nanoseconds since 1970.
    public var modified: Int64

    public init(size: Int64, modified: Int64) {
        self.size = size
        self.modified = modified
    }
}

public struct FileSystemError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}

/// Joins path components with `/`, ignoring empty ones.
public func joinPath(_ parts: String...) -> String {
    var result = ""
    for part in parts where !part.isEmpty {
        if result.isEmpty || result.hasSuffix("/") {
            result += part
        } else {
            result += "/" + part
        }
    }
    return result
}

/// The folder that holds `path` (`.` for a bare name, `/` at the top) and `path`'s own name; a
/// trailing `/` is not a name.
func splitPath(_ path: String) -> (parent: String, name: String) {
    let trimmed = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
    let name = trimmed.split(separator: "/").last.map(String.init) ?? trimmed
    let parent = trimmed.contains("/") ? String(trimmed[..<(trimmed.lastIndex(of: "/") ?? trimmed.endIndex)]) : "."
    return (parent.isEmpty ? "/" : parent, name)
}
