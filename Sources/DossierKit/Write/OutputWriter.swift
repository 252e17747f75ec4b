import Foundation

/// The write stage: changed files go into a staging folder beside the output folder, and only
/// then into place (the whole folder swapped, or a few files renamed; see `WriteSession`). A failed
/// build leaves the previous output as it was; nothing outside the output folder, its staging
/// folder and the build cache beside it is written or deleted.
public struct OutputWriter: Sendable {
    public var fileSystem: FileSystem
    /// Name of the file that marks a folder as written by Dossier (so it may be replaced).
    public static let markerName = ".dossier-output"
    static let markerText = "This folder is written by dossier build, which replaces or updates it on every build.\n"
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

    /// Writes `files` into `output` in one go (see `WriteSession` for how).
    @discardableResult
    public func write(_ files: [OutputFile], to output: String, force: Bool, previous: BuildCache? = nil) throws -> Summary {
        var session = try begin(output, force: force, previous: previous)
        try session.add(files)
        return try session.finish()
    }

    /// Starts writing `output`: checks that it may be replaced and prepares a staging folder.
    public func begin(_ output: String, force: Bool, previous: BuildCache?) throws -> WriteSession {
        try checkReplaceable(output, force: force)
        return try OutputError.wrapping(output) { try WriteSession(writer: self, output: output, previous: previous) }
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

    /// Staging and old folders of earlier builds that were killed, recognised by name and marker.
    func removeStale(beside locations: OutputLocations) {
        let parent = locations.parent
        guard let entries = try? fileSystem.listDirectory(parent) else { return }
        for entry in entries where locations.leftover(entry) == .cacheBeingSaved {
            // A cache being saved when its build was killed.
            if fileSystem.kind(joinPath(parent, entry)) == .file { try? fileSystem.remove(joinPath(parent, entry)) }
        }
        // Shards of the page caches being saved when their build was killed.
        let pages = locations.pageCaches
        if entries.contains(locations.pageCachesName), fileSystem.kind(pages) == .directory {
            for entry in (try? fileSystem.listDirectory(pages)) ?? [] where entry.contains(".tmp-") {
                try? fileSystem.remove(joinPath(pages, entry))
            }
        }
        for entry in entries {
            let kind = locations.leftover(entry)
            guard kind == .staging || kind == .old else { continue }
            let path = joinPath(parent, entry)
            let inside = (try? fileSystem.listDirectory(path)) ?? []
            if fileSystem.kind(path) == .directory && (inside.isEmpty || inside.contains(OutputWriter.markerName) || kind == .staging) {
                // A staging folder is only ever ours: its name carries our prefix and a process id.
                try? fileSystem.remove(path)
            }
        }
    }

    /// A relative path with no `..`, no empty or absolute component.
    static func isSafe(_ path: String) -> Bool {
        // On bytes, without splitting: every file of every build passes here.
        var componentLength = 0
        var dots = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                // An empty component, `.` or `..`.
                if componentLength == 0 || dots == componentLength && dots <= 2 { return false }
                componentLength = 0
                dots = 0
            } else {
                componentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return componentLength > 0 && !(dots == componentLength && dots <= 2)
    }
}

/// The output folder could not be written; the previous output is unchanged.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    public var output: String
    public var detail: String

    public var description: String {
        "cannot write the output folder '\(output)': \(detail). The previous output is unchanged."
    }

    /// Runs `body`, turning file system failures into an `OutputError` about `output`.
    static func wrapping<T>(_ output: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as OutputError {
            throw error
        } catch let error as FileSystemError {
            throw OutputError(output: output, detail: error.description)
        } catch {
            throw OutputError(output: output, detail: describe(error))
        }
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
