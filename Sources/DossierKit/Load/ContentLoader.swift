import Foundation

/// The load stage: walks the content folder, reads every file, hashes it and says what it is.
public struct ContentLoader: Sendable {
    public var fileSystem: FileSystem

    public init(fileSystem: FileSystem = .local) {
        self.fileSystem = fileSystem
    }

    public struct Result: Sendable {
        public var files: [SourceFile]
        public var diagnostics: [Diagnostic]
    }

    /// Reads `root` (the content folder, as the user named it). Symbolic links are followed only
    /// when they point at a file inside the content folder; others are reported and skipped.
    public func load(root: String) throws -> Result {
        guard fileSystem.kind(root) == .directory || (fileSystem.kind(root) == .symlink && fileSystem.canonical(root).map { fileSystem.kind($0) == .directory } == true) else {
            throw UsageError("content folder '\(root)' does not exist or is not a folder")
        }
        let canonicalRoot = fileSystem.canonical(root) ?? root
        var sources: [SourceFile] = []
        var diagnostics: [Diagnostic] = []
        var pending: [String] = [""]
        var found: [(relative: String, path: String)] = []
        while let relativeDirectory = pending.popLast() {
            let directory = relativeDirectory.isEmpty ? root : joinPath(root, relativeDirectory)
            let names: [String]
            do {
                names = try fileSystem.listDirectory(directory)
            } catch {
                diagnostics.append(.error(directory, .start, "folder cannot be read"))
                continue
            }
            for name in names {
                // Hidden files (.DS_Store, editor swap files, .git) are not content.
                if name.hasPrefix(".") { continue }
                let relative = relativeDirectory.isEmpty ? name : relativeDirectory + "/" + name
                let path = joinPath(root, relative)
                var kind = fileSystem.kind(path)
                if kind == .symlink {
                    guard let target = fileSystem.resolveLink(path) else {
                        diagnostics.append(.warning(path, .start, "symbolic link is broken or loops; skipped"))
                        continue
                    }
                    guard target.hasPrefix(canonicalRoot + "/") else {
                        diagnostics.append(.warning(path, .start, "symbolic link points outside the content folder; not followed"))
                        continue
                    }
                    kind = fileSystem.kind(target)
                    if kind == .directory {
                        diagnostics.append(.warning(path, .start, "symbolic link to a folder; not followed"))
                        continue
                    }
                }
                switch kind {
                case .directory:
                    pending.append(relative)
                case .file:
                    found.append((relative, path))
                case .symlink, .missing:
                    continue
                }
            }
        }
        // Files are read and hashed on every core.
        let files = self.fileSystem
        let read = Parallel.map(found) { relative, path -> SourceFile? in
            guard let data = try? files.read(path) else { return nil }
            return SourceFile(relativePath: relative, displayPath: path, data: data, hash: fnv1a(data),
                              role: ContentRole.classify(relative))
        }
        for (file, (_, path)) in zip(read, found) {
            if let file { sources.append(file) } else { diagnostics.append(.error(path, .start, "file cannot be read")) }
        }
        sources.sort { $0.relativePath < $1.relativePath }
        return Result(files: sources, diagnostics: diagnostics)
    }
}

/// A mistake in how the program was called (exit status 2).
public struct UsageError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
