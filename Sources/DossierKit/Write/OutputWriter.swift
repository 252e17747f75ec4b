import Foundation

/// The write stage: writes every file into a staging folder beside the output folder, then swaps
/// it into place. A failed or killed build leaves the previous output as it was; nothing outside
/// the output folder and its staging folder is written or deleted.
public struct OutputWriter: Sendable {
    public var fileSystem: FileSystem
    /// Name of the file that marks a folder as written by Dossier (so it may be replaced).
    public static let markerName = ".dossier-output"
    static let markerText = "This folder is written by dossier build and replaced whole on every build.\n"
    /// Up to this many changed files (or a twentieth of the site) are updated in place.
    static let inPlaceLimit = 64
    /// Placeholders a repository may keep in an output folder; they survive each build.
    static let placeholders: Set<String> = [".gitkeep", ".gitignore", "README.md"]

    public init(fileSystem: FileSystem = .local) {
        self.fileSystem = fileSystem
    }

    /// Checks that `output` may be (re)placed: refuses folders Dossier did not write, unless `force`.
    public func checkReplaceable(_ output: String, force: Bool) throws {
        switch fileSystem.kind(output) {
        case .missing:
            return
        case .file:
            throw UsageError("output '\(output)' is a file, not a folder; refusing to replace it")
        case .symlink:
            throw UsageError("output '\(output)' is a symbolic link; refusing to replace it")
        case .directory:
            let entries = (try? fileSystem.listDirectory(output)) ?? []
            let own = entries.contains(OutputWriter.markerName)
            let onlyPlaceholders = entries.allSatisfy { OutputWriter.placeholders.contains($0) }
            if !own && !onlyPlaceholders && !force {
                throw UsageError("output folder '\(output)' is not empty and was not written by dossier; refusing to replace it (use --force to replace it anyway)")
            }
        }
    }

    /// What a write did.
    public struct Summary: Sendable {
        /// Files created or replaced.
        public var written = 0
        /// Files left as they were, their modification times kept.
        public var unchanged = 0
        /// Files of the previous build that the new one no longer has.
        public var removed = 0
        /// Size, time and digest of every file now in the output, for the build cache.
        public var records: [String: BuildCache.Record] = [:]
    }

    /// Whether `output` is a folder this program wrote (it holds the marker file).
    public func isOwnOutput(_ output: String) -> Bool {
        fileSystem.kind(output) == .directory && fileSystem.kind(joinPath(output, OutputWriter.markerName)) == .file
    }

    /// Writes `files` into `output`. A folder this program wrote is updated in place: files whose
    /// bytes are unchanged are not touched, changed ones are first all written beside their place
    /// and then renamed over it, and files the site no longer has are removed. Any other folder
    /// (or none) is replaced whole through a staging folder. `previous` (a verified build cache)
    /// spares reading files back to compare them.
    @discardableResult
    public func write(_ files: [OutputFile], to output: String, force: Bool, previous: BuildCache? = nil) throws -> Summary {
        try checkReplaceable(output, force: force)
        for file in files where !Self.isSafe(file.path) {
            throw OutputError(output: output, detail: "\(file.path): refusing to write outside the output folder")
        }
        do {
            // Staging folders of killed builds go first, whichever way this build writes.
            let (parent, name) = Self.parentAndName(output)
            removeStale(in: parent, name: name)
            if isOwnOutput(output) {
                return try update(files, in: output, previous: previous)
            }
            if let kept = files.first(where: \.isKept) {
                throw FileSystemError(path: kept.path, reason: "was to be kept from a previous build, but the output folder is new")
            }
            try stageAndSwap(files, to: output)
            var summary = Summary()
            summary.written = files.count
            summary.records = records(for: files, in: output, digests: nil)
            return summary
        } catch let error as FileSystemError {
            throw OutputError(output: output, detail: error.description)
        } catch let error as OutputError {
            throw error
        } catch {
            throw OutputError(output: output, detail: OutputError.describe(error))
        }
    }

    /// The in-place update of a folder written by an earlier build.
    func update(_ files: [OutputFile], in output: String, previous: BuildCache?) throws -> Summary {
        let fileSystem = self.fileSystem
        var summary = Summary()
        // Which files differ from what is on disk: by the cache's record when the file still has
        // its recorded size and time, else by reading it back.
        let digests = Parallel.map(files) { file in file.isKept ? "" : BuildCache.digest(file.data) }
        let decisions = Parallel.map(Array(files.indices)) { index -> Bool in
            let file = files[index]
            let path = joinPath(output, file.path)
            if file.isKept { return false }
            if let record = previous?.verified(file.path, in: output, fileSystem: fileSystem) {
                return record.digest != digests[index]
            }
            guard let info = fileSystem.info(path), info.size == Int64(file.data.count),
                  let existing = try? fileSystem.read(path) else { return true }
            return existing != file.data
        }
        let changed = files.indices.filter { decisions[$0] }
        for index in files.indices where files[index].isKept {
            guard previous?.verified(files[index].path, in: output, fileSystem: fileSystem) != nil else {
                throw FileSystemError(path: files[index].path, reason: "was to be kept from the previous build but has changed on disk")
            }
        }

        let wanted = Set(files.map(\.path))
        let previousPaths = previous.map { Array($0.files.keys) } ?? allFiles(in: output)
        let stale = previousPaths.filter {
            !wanted.contains($0) && !OutputWriter.placeholders.contains($0) && $0 != OutputWriter.markerName && Self.isSafe($0)
        }
        summary.written = changed.count
        summary.unchanged = files.count - changed.count
        summary.removed = stale.filter { fileSystem.kind(joinPath(output, $0)) != .missing }.count
        let changedSet = Set(changed)

        // Many changes (a template, a date on every page): the whole folder is staged and swapped
        // in one step, unchanged files hard-linked into the staging folder so they keep their
        // times. A few changes are renamed into place one by one, which is much cheaper than
        // re-creating ten thousand folders; a kill in the middle of those renames can leave some
        // files new and some old, each whole, and the next build (which then has no cache)
        // compares every file and finishes the job.
        if changed.count + stale.count > max(Self.inPlaceLimit, files.count / 20) {
            let unchanged = Set(files.indices.filter { !changedSet.contains($0) }.map { files[$0].path })
            try stageAndSwap(files, to: output, reusing: unchanged)
            summary.records = records(for: files, in: output, digests: digests.enumerated().map { index, digest in
                files[index].isKept ? (previous?.files[files[index].path]?.digest ?? "") : digest
            })
            return summary
        }

        // Phase 1: every changed file is written under a temporary name beside its place; if one
        // fails, the temporary files are removed and the output is as it was.
        let suffix = ".dossier-new-\(ProcessInfo.processInfo.processIdentifier)"
        var folders: Set<String> = []
        for index in changed {
            if let slash = files[index].path.lastIndex(of: "/") { folders.insert(String(files[index].path[..<slash])) }
        }
        var createdFolders: [String] = []
        for folder in folders.sorted() where fileSystem.kind(joinPath(output, folder)) != .directory {
            var prefix = ""
            for part in folder.split(separator: "/") {
                prefix = prefix.isEmpty ? String(part) : prefix + "/" + part
                let path = joinPath(output, prefix)
                if fileSystem.kind(path) == .missing {
                    try fileSystem.createDirectory(path)
                    createdFolders.append(path)
                } else if fileSystem.kind(path) != .directory {
                    // A file stands where the new site has a folder: it goes now (it is not in the new site).
                    try fileSystem.remove(path)
                    try fileSystem.createDirectory(path)
                    createdFolders.append(path)
                }
            }
        }
        let failures = Parallel.map(changed) { index -> FileSystemError? in
            do {
                try fileSystem.write(joinPath(output, files[index].path) + suffix, files[index].data)
                return nil
            } catch let error as FileSystemError {
                return error
            } catch {
                return FileSystemError(path: files[index].path, reason: "\(error)")
            }
        }
        if let failure = failures.compactMap({ $0 }).first {
            for index in changed { try? fileSystem.remove(joinPath(output, files[index].path) + suffix) }
            for folder in createdFolders.reversed() where ((try? fileSystem.listDirectory(folder)) ?? ["?"]).isEmpty {
                try? fileSystem.remove(folder)
            }
            throw failure
        }

        // Phase 2: rename them into place (each file is replaced whole), then remove what the
        // site no longer has.
        for index in changed {
            let path = joinPath(output, files[index].path)
            if fileSystem.kind(path) == .directory { try fileSystem.remove(path) }
            try fileSystem.move(path + suffix, path)
        }
        var emptied: Set<String> = []
        for path in stale.sorted() {
            if fileSystem.kind(joinPath(output, path)) == .file || fileSystem.kind(joinPath(output, path)) == .symlink {
                try fileSystem.remove(joinPath(output, path))
            }
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

        var records = records(for: changed.map { files[$0] }, in: output, digests: changed.map { digests[$0] })
        for index in files.indices where !changedSet.contains(index) {
            let path = files[index].path
            if let record = previous?.files[path], files[index].isKept || record.digest == digests[index],
               previous?.verified(path, in: output, fileSystem: fileSystem) != nil {
                records[path] = record
            } else if let info = fileSystem.info(joinPath(output, path)) {
                records[path] = BuildCache.Record(info: info, digest: digests[index])
            }
        }
        summary.records = records
        return summary
    }

    /// Size, time and digest of files just written.
    func records(for files: [OutputFile], in output: String, digests: [String]?) -> [String: BuildCache.Record] {
        let fileSystem = self.fileSystem
        let pairs = Parallel.map(Array(files.indices)) { index -> (String, BuildCache.Record)? in
            let file = files[index]
            guard let info = fileSystem.info(joinPath(output, file.path)) else { return nil }
            return (file.path, BuildCache.Record(info: info, digest: digests?[index] ?? BuildCache.digest(file.data)))
        }
        var result: [String: BuildCache.Record] = [:]
        for case let (path, record)? in pairs { result[path] = record }
        return result
    }

    /// Every file under `output`, as relative paths.
    func allFiles(in output: String) -> [String] {
        var result: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let directory = relative.isEmpty ? output : joinPath(output, relative)
            for entry in (try? fileSystem.listDirectory(directory)) ?? [] {
                let child = relative.isEmpty ? entry : relative + "/" + entry
                switch fileSystem.kind(joinPath(output, child)) {
                case .directory: pending.append(child)
                case .file, .symlink: result.append(child)
                case .missing: continue
                }
            }
        }
        return result
    }

    /// Writes `files` into a staging folder and swaps it with `output`. Paths in `reusing` are
    /// hard-linked from the current output instead of written (copied where links are not possible).
    func stageAndSwap(_ files: [OutputFile], to output: String, reusing: Set<String> = []) throws {
        let (parentPath, name) = Self.parentAndName(output)
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = joinPath(parentPath, ".\(name).staging-\(pid)")
        let old = joinPath(parentPath, ".\(name).old-\(pid)")
        removeStale(in: parentPath, name: name)
        if fileSystem.kind(staging) != .missing { try fileSystem.remove(staging) }
        do {
            try fileSystem.createDirectory(staging)
            // Folders first, once each; then the files, on every core.
            var folders: Set<String> = []
            for file in files {
                if let slash = file.path.lastIndex(of: "/") { folders.insert(String(file.path[..<slash])) }
            }
            for folder in folders.sorted() { try fileSystem.createDirectory(joinPath(staging, folder)) }
            let fileSystem = self.fileSystem
            let failures = Parallel.map(files) { file -> FileSystemError? in
                do {
                    if reusing.contains(file.path) {
                        let existing = joinPath(output, file.path)
                        do {
                            try fileSystem.link(existing, joinPath(staging, file.path))
                        } catch {
                            try fileSystem.write(joinPath(staging, file.path), file.isKept ? try fileSystem.read(existing) : file.data)
                        }
                        return nil
                    }
                    try fileSystem.write(joinPath(staging, file.path), file.data)
                    return nil
                } catch let error as FileSystemError {
                    return error
                } catch {
                    return FileSystemError(path: file.path, reason: "\(error)")
                }
            }
            if let failure = failures.compactMap({ $0 }).first { throw failure }
            if fileSystem.kind(output) == .directory {
                for placeholder in OutputWriter.placeholders.sorted()
                where fileSystem.kind(joinPath(output, placeholder)) == .file && fileSystem.kind(joinPath(staging, placeholder)) == .missing {
                    try fileSystem.write(joinPath(staging, placeholder), try fileSystem.read(joinPath(output, placeholder)))
                }
            }
            // The marker keeps its time too when the folder is carried over.
            if reusing.isEmpty || (try? fileSystem.link(joinPath(output, OutputWriter.markerName), joinPath(staging, OutputWriter.markerName))) == nil {
                try fileSystem.write(joinPath(staging, OutputWriter.markerName), Data(OutputWriter.markerText.utf8))
            }
        } catch {
            try? fileSystem.remove(staging)
            throw error
        }
        // Swap: one atomic exchange where the system has it, so there is no moment without a
        // complete output folder; else two renames, the old folder restored if the second fails.
        if fileSystem.kind(output) == .directory {
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
                try? fileSystem.remove(staging)
                throw error
            }
            try? fileSystem.remove(old)
        } else {
            try fileSystem.move(staging, output)
        }
    }

    /// The folder that holds `output`, and `output`'s own name.
    static func parentAndName(_ output: String) -> (parent: String, name: String) {
        let trimmed = output.hasSuffix("/") && output.count > 1 ? String(output.dropLast()) : output
        let name = trimmed.split(separator: "/").last.map(String.init) ?? trimmed
        let parent = trimmed.contains("/") ? String(trimmed[..<(trimmed.lastIndex(of: "/") ?? trimmed.endIndex)]) : "."
        return (parent.isEmpty ? "/" : parent, name)
    }

    /// Staging and old folders of earlier builds that were killed, recognised by name and marker.
    func removeStale(in parent: String, name: String) {
        guard let entries = try? fileSystem.listDirectory(parent) else { return }
        for entry in entries where entry.hasPrefix(".\(name).dossier-cache.tmp-") {
            // A cache being saved when its build was killed.
            if fileSystem.kind(joinPath(parent, entry)) == .file { try? fileSystem.remove(joinPath(parent, entry)) }
        }
        for entry in entries where entry.hasPrefix(".\(name).staging-") || entry.hasPrefix(".\(name).old-") {
            let path = joinPath(parent, entry)
            let inside = (try? fileSystem.listDirectory(path)) ?? []
            if fileSystem.kind(path) == .directory && (inside.isEmpty || inside.contains(OutputWriter.markerName) || entry.contains(".staging-")) {
                // A staging folder is only ever ours: its name carries our prefix and a process id.
                try? fileSystem.remove(path)
            }
        }
    }

    /// A relative path with no `..`, no empty or absolute component.
    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != ".." && $0 != "." }
    }
}

/// The output folder could not be written; the previous output is unchanged.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    public var output: String
    public var detail: String

    public var description: String {
        "cannot write the output folder '\(output)': \(detail). The previous output is unchanged."
    }

    /// The most specific words a Foundation error has (its POSIX cause when there is one).
    static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
            let path = (nsError.userInfo[NSFilePathErrorKey] as? String).map { "\($0): " } ?? ""
            return path + underlying.localizedDescription
        }
        return nsError.localizedDescription
    }
}
