import Foundation

/// Where a build finds its themes when `--themes` is not given.
extension Pipeline {
    /// The themes folder a build of `content` uses when `--themes` is not given.
    public func themesDirectory(content: String) -> String {
        Self.defaultThemesDirectory(content: content, fileSystem: fileSystem)
    }

    /// `Themes/` beside the content folder when it has a default theme, else the bundled themes.
    static func defaultThemesDirectory(content: String, fileSystem: FileSystem) -> String {
        let beside = joinPath(splitPath(content).parent, "Themes")
        if fileSystem.kind(joinPath(beside, "default")) == .directory { return beside }
        return bundledThemesDirectory(fileSystem: fileSystem) ?? "Themes"
    }

    /// Where the default theme is when no site has its own: `./Themes`, then beside the program
    /// (a checkout's `.build/<config>/dossier` or an install's `bin/../share/dossier`).
    public static func bundledThemesDirectory(fileSystem: FileSystem = .local) -> String? {
        var candidates = ["Themes"]
        // The running program's own file: `argv[0]` only when it is a path (a bare `dossier` found
        // on the PATH would be resolved against the current folder, where something else may
        // have that name).
        let named = CommandLine.arguments.first.flatMap { $0.contains("/") ? fileSystem.canonical($0) : nil }
        if let executable = Bundle.main.executablePath.flatMap({ fileSystem.canonical($0) }) ?? named
            ?? fileSystem.canonical("/proc/self/exe") {
            var folder = (executable as NSString).deletingLastPathComponent
            candidates.append(joinPath(folder, "../share/dossier/Themes"))
            for _ in 0..<4 {
                folder = (folder as NSString).deletingLastPathComponent
                candidates.append(joinPath(folder, "Themes"))
            }
        }
        return candidates.first { fileSystem.kind(joinPath($0, "default", "templates")) == .directory }
    }
}
