import Foundation

/// The write stage: writes every file into a staging folder beside the output folder, then swaps
/// it into place. A failed or killed build leaves the previous output as it was; nothing outside
/// the output folder and its staging folder is written or deleted.
public struct OutputWriter: Sendable {
    public var fileSystem: FileSystem
    /// Name of the file that marks a folder as written by Dossier (so it may be replaced).
    public static let markerName = ".dossier-output"
    static let markerText = "This folder is written by dossier build and replaced whole on every build.\n"
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

    public func write(_ files: [OutputFile], to output: String, force: Bool) throws {
        try checkReplaceable(output, force: force)
        do {
            try stageAndSwap(files, to: output)
        } catch let error as FileSystemError {
            throw OutputError(output: output, detail: error.description)
        } catch {
            throw OutputError(output: output, detail: OutputError.describe(error))
        }
    }

    func stageAndSwap(_ files: [OutputFile], to output: String) throws {
        let trimmed = output.hasSuffix("/") && output.count > 1 ? String(output.dropLast()) : output
        let name = trimmed.split(separator: "/").last.map(String.init) ?? trimmed
        let parent = trimmed.contains("/") ? String(trimmed[..<(trimmed.lastIndex(of: "/") ?? trimmed.endIndex)]) : "."
        let parentPath = parent.isEmpty ? "/" : parent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = joinPath(parentPath, ".\(name).staging-\(pid)")
        let old = joinPath(parentPath, ".\(name).old-\(pid)")
        removeStale(in: parentPath, name: name)
        if fileSystem.kind(staging) != .missing { try fileSystem.remove(staging) }
        do {
            try fileSystem.createDirectory(staging)
            for file in files where !Self.isSafe(file.path) {
                throw FileSystemError(path: file.path, reason: "refusing to write outside the output folder")
            }
            // Folders first, once each; then the files, on every core.
            var folders: Set<String> = []
            for file in files {
                if let slash = file.path.lastIndex(of: "/") { folders.insert(String(file.path[..<slash])) }
            }
            for folder in folders.sorted() { try fileSystem.createDirectory(joinPath(staging, folder)) }
            let fileSystem = self.fileSystem
            let failures = Parallel.map(files) { file -> FileSystemError? in
                do {
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
            try fileSystem.write(joinPath(staging, OutputWriter.markerName), Data(OutputWriter.markerText.utf8))
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

    /// Staging and old folders of earlier builds that were killed, recognised by name and marker.
    func removeStale(in parent: String, name: String) {
        guard let entries = try? fileSystem.listDirectory(parent) else { return }
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
