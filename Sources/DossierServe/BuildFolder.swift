import DossierKit
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder `dossier serve` builds into: `dossier-serve-<pid>` in the system's temporary folder,
/// readable by its user only (0700). The site and the build's caches (`site`, `.site.dossier-cache`,
/// `.site.dossier-pages/`) all live inside it, so removing it removes everything the server wrote.
public struct BuildFolder: Sendable, Equatable {
    public static let prefix = "dossier-serve-"
    public let path: String

    /// The site is built here.
    public var site: String { path + "/site" }

    /// Where the folder of process `pid` lives.
    public static func path(for pid: pid_t, in parent: String) -> String {
        URL(fileURLWithPath: parent).appendingPathComponent(prefix + String(pid)).path
    }

    /// Removes the stale folders in `parent`, then creates this process's, mode 0700. A folder of
    /// this name left by an earlier process with the same id is replaced when it is the user's; one
    /// that is not (or a link) is an error, never written into.
    public static func create(in parent: String = FileManager.default.temporaryDirectory.path, pid: pid_t = getpid()) throws -> BuildFolder {
        removeStale(in: parent, except: pid)
        let path = path(for: pid, in: parent)
        if mkdir(path, 0o700) != 0 {
            guard errno == EEXIST else { throw UsageError("cannot create \(path): \(String(cString: strerror(errno)))") }
            guard isOwnFolder(path) else { throw UsageError("\(path) exists and is not a folder of yours; remove it and start again") }
            try FileManager.default.removeItem(atPath: path)
            guard mkdir(path, 0o700) == 0 else { throw UsageError("cannot create \(path): \(String(cString: strerror(errno)))") }
        }
        // mkdir applies the umask; the mode must be exactly 0700 whatever it is.
        guard chmod(path, 0o700) == 0, isOwnFolder(path) else { throw UsageError("cannot make \(path) private") }
        return BuildFolder(path: path)
    }

    /// Removes the folder and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Removes the `dossier-serve-<pid>` folders in `parent` that belong to this user and whose
    /// process no longer exists. Returns their paths.
    @discardableResult
    public static func removeStale(in parent: String, except current: pid_t = getpid()) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return [] }
        var removed: [String] = []
        for name in names where name.hasPrefix(prefix) {
            let digits = name.dropFirst(prefix.count)
            // Only plain positive numbers: kill() with 0 or a negative id would address process groups.
            guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy({ ("0"..."9").contains($0) }),
                  let pid = pid_t(digits), pid > 0, pid != current else { continue }
            let path = parent + "/" + name
            guard isOwnFolder(path) else { continue }
            errno = 0
            guard kill(pid, 0) == -1, errno == ESRCH else { continue }
            if (try? FileManager.default.removeItem(atPath: path)) != nil { removed.append(path) }
        }
        return removed
    }

    /// A real folder (not a link) owned by this process's user.
    static func isOwnFolder(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return false }
        return info.st_mode & 0o170000 == 0o040000 && info.st_uid == getuid()
    }
}
