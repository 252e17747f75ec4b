/// The folders that would hold the output but do not exist yet (`--output a/b/c` when `a/b` is
/// missing): a build creates them, as other generators do, and a build that fails takes away
/// what it created, so that a failed build leaves nothing behind outside the output folder.
struct OutputParents: Sendable {
    /// The missing folders, outermost first (`a`, then `a/b`), as paths to create.
    let missing: [String]
    /// The canonical form of the output folder: the nearest existing folder, resolved, with the
    /// missing names after it (what `BuildPlan` checks against the content folder).
    let canonicalOutput: String

    /// Walks up from `output`'s parent to the nearest folder that exists. Throws `UsageError`
    /// when the path cannot be made into folders: a file stands where a folder should be, or a
    /// `..` follows a folder that does not exist (where it leads cannot be known before).
    init(output: String, fileSystem: FileSystem) throws {
        let (parent, name) = splitPath(output)
        var missing: [String] = []
        var names: [String] = [name]
        var folder = parent
        while fileSystem.kind(folder) == .missing {
            let (above, last) = splitPath(folder)
            if last == ".." {
                throw UsageError("the output folder '\(output)' goes through '..' after a folder that does not exist ('\(above)'); name it without '..'")
            }
            missing.insert(folder, at: 0)
            if last != "." { names.insert(last, at: 0) }
            // `splitPath` of a bare name gives ".", which always exists.
            folder = above
        }
        if !missing.isEmpty && (name == ".." || name == ".") {
            throw UsageError("the output folder '\(output)' ends in '\(name)' after a folder that does not exist; name it without '\(name)'")
        }
        guard let base = fileSystem.canonical(folder) else {
            throw UsageError("the folder that would hold the output, '\(folder)', cannot be reached")
        }
        if !missing.isEmpty && fileSystem.kind(base) != .directory {
            throw UsageError("'\(folder)' is a file, not a folder: the output folder '\(output)' cannot be made under it")
        }
        self.missing = missing
        canonicalOutput = names.reduce(base) { joinPath($0, $1) }
    }

    /// Creates the missing folders (all of them: `createDirectory` makes intermediate ones).
    func create(fileSystem: FileSystem) throws {
        guard let deepest = missing.last else { return }
        do {
            try fileSystem.createDirectory(deepest)
        } catch {
            throw UsageError("the folder that would hold the output, '\(deepest)', cannot be created: \(error)")
        }
    }

    /// After a failed build: removes what the build left in the folders it created (the output's
    /// caches and staging folder, recognised by their names) and then each created folder that is
    /// empty, innermost first. Anything else found there is left alone.
    func removeCreated(_ locations: OutputLocations, fileSystem: FileSystem) {
        guard !missing.isEmpty else { return }
        for path in [locations.buildCache, locations.pageCaches] where fileSystem.kind(path) != .missing {
            try? fileSystem.remove(path)
        }
        for entry in (try? fileSystem.listDirectory(locations.parent)) ?? [] where locations.leftover(entry) != nil {
            try? fileSystem.remove(joinPath(locations.parent, entry))
        }
        for folder in missing.reversed() {
            guard fileSystem.kind(folder) == .directory, let inside = try? fileSystem.listDirectory(folder), inside.isEmpty else { return }
            try? fileSystem.remove(folder)
        }
    }
}
