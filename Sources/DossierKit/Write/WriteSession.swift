import Foundation

/// One build's write, fed a batch of files at a time so that a large site is never all in memory.
///
/// Every file whose bytes differ from what the output folder holds is written at once into a
/// staging folder beside it (`.Output.staging-<pid>`); the output folder itself is not touched
/// until `finish`. Then:
/// - a folder this program did not write (or none) is replaced by the staging folder in one step;
/// - in a folder it wrote, when many files changed (more than `inPlaceLimit`, or a twentieth of
///   the site), the unchanged ones are hard-linked into the staging folder (so they keep their
///   modification times) and the folders are swapped in one step;
/// - when a few changed, they are renamed from the staging folder over their places, one by one
///   (each file is replaced whole), and files the site no longer has are removed.
///
/// Whatever fails before `finish` swaps or renames anything leaves the output exactly as it was;
/// `abort` removes the staging folder.
public struct WriteSession {
    /// Up to this many changed files (or a twentieth of the site) are renamed into place.
    static let inPlaceLimit = 64

    struct Entry {
        var path: String
        /// SHA-256 of the bytes ("" for a page kept from the previous build).
        var digest: String
        var changed: Bool
        var isKept: Bool
        /// Size and time of the file in the output when it was found unchanged (it keeps them).
        var info: FileInfo?
    }

    let writer: OutputWriter
    let output: String
    let staging: String
    let old: String
    /// The output folder is one this program wrote, so its files are compared and kept.
    let own: Bool
    let previous: BuildCache?
    /// Files this build already found as the cache records them (size and time), so a page kept
    /// from them need not be looked at again.
    var verified: Set<String> = []
    private var entries: [Entry] = []
    private var seen: Set<String> = []
    private var stagingFolders: Set<String> = [""]

    init(writer: OutputWriter, output: String, previous: BuildCache?) throws {
        self.writer = writer
        self.output = output
        let locations = OutputLocations(output: output)
        let pid = ProcessInfo.processInfo.processIdentifier
        staging = locations.staging(process: pid)
        old = locations.old(process: pid)
        // Staging folders of killed builds go first, whichever way this build writes.
        writer.removeStale(beside: locations)
        own = writer.isOwnOutput(output)
        self.previous = own ? previous : nil
        if writer.fileSystem.kind(staging) != .missing { try writer.fileSystem.remove(staging) }
        try writer.fileSystem.createDirectory(staging)
    }

    var fileSystem: FileSystem { writer.fileSystem }

    /// Compares `files` with the output and writes those that differ into the staging folder.
    public mutating func add(_ files: [OutputFile]) throws {
        do {
            try OutputError.wrapping(output) { try addFiles(files) }
        } catch {
            abort()
            throw error
        }
    }

    private mutating func addFiles(_ files: [OutputFile]) throws {
        for file in files {
            guard OutputWriter.isSafe(file.path) else {
                throw FileSystemError(path: file.path, reason: "refusing to write outside the output folder")
            }
            guard seen.insert(file.path).inserted else {
                throw FileSystemError(path: file.path, reason: "would be written twice")
            }
            if file.isKept && !verified.contains(file.path) && previous?.verified(file.path, in: output, fileSystem: fileSystem) == nil {
                throw FileSystemError(path: file.path, reason: "was to be kept from the previous build but has changed on disk")
            }
        }
        // Which files differ from what is on disk: by the cache's record when the file still has
        // its recorded size and time, else by reading it back.
        let fileSystem = self.fileSystem
        let output = self.output
        let own = self.own
        let previous = self.previous
        let decisions = Parallel.map(files) { file -> (digest: String, changed: Bool, info: FileInfo?) in
            if file.isKept { return ("", false, previous?.files[file.path]?.info) }
            let digest = BuildCache.digest(file.data)
            guard own else { return (digest, true, nil) }
            if let record = previous?.verified(file.path, in: output, fileSystem: fileSystem) {
                return (digest, record.digest != digest, record.info)
            }
            let path = joinPath(output, file.path)
            guard let info = fileSystem.info(path), info.size == Int64(file.data.count),
                  let existing = try? fileSystem.read(path) else { return (digest, true, nil) }
            return (digest, existing != file.data, info)
        }
        let changed = files.indices.filter { decisions[$0].changed }
        for index in changed { try makeStagingFolder(containing: files[index].path) }
        let staging = self.staging
        let failures = Parallel.map(changed) { index -> FileSystemError? in
            do {
                try fileSystem.write(joinPath(staging, files[index].path), files[index].data)
                return nil
            } catch let error as FileSystemError {
                return error
            } catch {
                return FileSystemError(path: files[index].path, reason: "\(error)")
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        for (index, file) in files.enumerated() {
            entries.append(Entry(path: file.path, digest: decisions[index].digest, changed: decisions[index].changed,
                                 isKept: file.isKept, info: decisions[index].changed ? nil : decisions[index].info))
        }
    }

    private mutating func makeStagingFolder(containing path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let folder = String(path[..<slash])
        guard !stagingFolders.contains(folder) else { return }
        try fileSystem.createDirectory(joinPath(staging, folder))
        var prefix = folder
        while !prefix.isEmpty, stagingFolders.insert(prefix).inserted {
            prefix = prefix.lastIndex(of: "/").map { String(prefix[..<$0]) } ?? ""
        }
    }

    /// Removes the staging folder: the output stays as it was.
    public func abort() {
        try? fileSystem.remove(staging)
    }

    /// Puts the new site in place and says what was done.
    public mutating func finish() throws -> OutputWriter.Summary {
        do {
            return try OutputError.wrapping(output) { try finishWriting() }
        } catch {
            abort()
            throw error
        }
    }

    private mutating func finishWriting() throws -> OutputWriter.Summary {
        var summary = OutputWriter.Summary()
        let changed = entries.filter(\.changed)
        summary.written = changed.count
        summary.unchanged = entries.count - changed.count
        if !own {
            try copyPlaceholdersAndMarker(linking: false)
            try swap()
            summary.records = records()
            return summary
        }
        let wanted = seen
        let previousPaths = previous.map { Array($0.files.keys) } ?? writer.allFiles(in: output)
        let stale = previousPaths.filter {
            !wanted.contains($0) && !OutputWriter.placeholders.contains($0) && $0 != OutputWriter.markerName && OutputWriter.isSafe($0)
        }.sorted()
        summary.removed = stale.filter { fileSystem.kind(joinPath(output, $0)) != .missing }.count

        if changed.count + stale.count > max(Self.inPlaceLimit, entries.count / 20) {
            // Many changes: carry the unchanged files over by hard links and swap in one step.
            let unchanged = entries.filter { !$0.changed }
            for entry in unchanged { try makeStagingFolder(containing: entry.path) }
            let fileSystem = self.fileSystem
            let output = self.output
            let staging = self.staging
            let failures = Parallel.map(unchanged) { entry -> FileSystemError? in
                let existing = joinPath(output, entry.path)
                do {
                    do {
                        try fileSystem.link(existing, joinPath(staging, entry.path))
                    } catch {
                        try fileSystem.write(joinPath(staging, entry.path), try fileSystem.read(existing))
                    }
                    return nil
                } catch let error as FileSystemError {
                    return error
                } catch {
                    return FileSystemError(path: entry.path, reason: "\(error)")
                }
            }
            if let failure = failures.compactMap({ $0 }).first { throw failure }
            try copyPlaceholdersAndMarker(linking: true)
            try swap()
        } else {
            // A few changes: rename them over their places, then remove what the site no longer has.
            for entry in changed {
                try makeOutputFolder(containing: entry.path)
                let target = joinPath(output, entry.path)
                if fileSystem.kind(target) == .directory { try fileSystem.remove(target) }
                try fileSystem.move(joinPath(staging, entry.path), target)
            }
            var emptied: Set<String> = []
            for path in stale {
                let kind = fileSystem.kind(joinPath(output, path))
                if kind == .file || kind == .symlink { try fileSystem.remove(joinPath(output, path)) }
                if let slash = path.lastIndex(of: "/") { emptied.insert(String(path[..<slash])) }
            }
            // Folders left empty go too, deepest first.
            for folder in emptied.sorted(by: { $0.count > $1.count }) {
                var current = folder
                while !current.isEmpty {
                    let path = joinPath(output, current)
                    guard fileSystem.kind(path) == .directory, ((try? fileSystem.listDirectory(path)) ?? ["?"]).isEmpty else { break }
                    try? fileSystem.remove(path)
                    current = current.lastIndex(of: "/").map { String(current[..<$0]) } ?? ""
                }
            }
            abort()
        }
        summary.records = records()
        return summary
    }

    /// Creates the folders of `path` inside the output; a file standing where a folder must be is
    /// not part of the new site and goes.
    private func makeOutputFolder(containing path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        var prefix = ""
        for part in path[..<slash].split(separator: "/") {
            prefix = prefix.isEmpty ? String(part) : prefix + "/" + part
            let folder = joinPath(output, prefix)
            switch fileSystem.kind(folder) {
            case .directory: continue
            case .missing: try fileSystem.createDirectory(folder)
            case .file, .symlink:
                try fileSystem.remove(folder)
                try fileSystem.createDirectory(folder)
            }
        }
    }

    /// Placeholders kept in git (`.gitkeep`, ...) and the marker go into the staging folder.
    private func copyPlaceholdersAndMarker(linking: Bool) throws {
        if fileSystem.kind(output) == .directory {
            for placeholder in OutputWriter.placeholders.sorted()
            where fileSystem.kind(joinPath(output, placeholder)) == .file && !seen.contains(placeholder) {
                try fileSystem.write(joinPath(staging, placeholder), try fileSystem.read(joinPath(output, placeholder)))
            }
        }
        // The marker keeps its time too when the folder is carried over.
        let marker = OutputWriter.markerName
        if !linking || (try? fileSystem.link(joinPath(output, marker), joinPath(staging, marker))) == nil {
            try fileSystem.write(joinPath(staging, marker), Data(OutputWriter.markerText.utf8))
        }
    }

    /// Swap: one atomic exchange where the system has it, so there is no moment without a
    /// complete output folder; else two renames, the old folder restored if the second fails.
    private func swap() throws {
        guard fileSystem.kind(output) == .directory else {
            try fileSystem.move(staging, output)
            return
        }
        do {
            try fileSystem.exchange(staging, output)
            try? fileSystem.remove(staging)
            return
        } catch {
            // Fall back to renames below.
        }
        try fileSystem.move(output, old)
        do {
            try fileSystem.move(staging, output)
        } catch {
            try? fileSystem.move(old, output)
            throw error
        }
        try? fileSystem.remove(old)
    }

    /// Size, time and digest of every file now in the output, for the build cache.
    private func records() -> [String: BuildCache.Record] {
        let fileSystem = self.fileSystem
        let output = self.output
        let previous = self.previous
        let pairs = Parallel.map(entries) { entry -> (String, BuildCache.Record)? in
            // An unchanged file kept its size and time (left in place, or hard-linked: the same file).
            guard let info = entry.info ?? fileSystem.info(joinPath(output, entry.path)) else { return nil }
            let digest = entry.isKept ? (previous?.files[entry.path]?.digest ?? "") : entry.digest
            return (entry.path, BuildCache.Record(info: info, digest: digest))
        }
        var result: [String: BuildCache.Record] = [:]
        for case let (path, record)? in pairs { result[path] = record }
        return result
    }
}
