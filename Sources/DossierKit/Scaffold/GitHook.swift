import Foundation

/// `dossier hook install`: a git pre-commit hook that checks the staged content.
public enum GitHook {
    static let marker = "# installed by dossier hook install"

    /// The hook script. It checks out the staged files (the index, not the working tree) into a
    /// temporary folder and runs `dossier check` there; errors block the commit.
    public static func script(executable: String, content: String) -> String {
        """
        #!/bin/sh
        \(marker); delete this file to remove it.
        # Checks the staged content with `dossier check`; a content error blocks the commit.
        staged=$(mktemp -d)
        trap 'rm -rf "$staged"' EXIT
        git checkout-index --all --prefix="$staged/" || exit 1
        dossier='\(executable.replacingOccurrences(of: "'", with: "'\\''"))'
        [ -x "$dossier" ] || dossier=dossier
        cd "$staged" || exit 1
        if [ ! -d '\(content)' ]; then exit 0; fi
        if ! "$dossier" check --content '\(content)'; then
          echo "dossier: the commit is blocked by the errors above (git commit --no-verify skips this check)." >&2
          exit 1
        fi

        """
    }

    /// Installs the hook in the repository at `repository`; refuses to replace a hook it did not write.
    public static func install(repository: String, executable: String, content: String) throws -> String {
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-C", repository, "rev-parse", "--git-path", "hooks/pre-commit"]
        let pipe = Pipe()
        git.standardOutput = pipe
        git.standardError = FileHandle.nullDevice
        do { try git.run() } catch { throw UsageError("git is not available: \(error)") }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        git.waitUntilExit()
        guard git.terminationStatus == 0 else { throw UsageError("'\(repository)' is not inside a git repository") }
        var path = output.trimmingCharacters(in: .whitespacesAndNewlines)
        if !path.hasPrefix("/") { path = joinPath(repository, path) }
        if let existing = FileManager.default.contents(atPath: path) {
            guard String(decoding: existing, as: UTF8.self).contains(marker) else {
                throw UsageError("\(path) exists and was not written by dossier; refusing to overwrite it")
            }
        }
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: path, contents: Data(script(executable: executable, content: content).utf8),
                                             attributes: [.posixPermissions: 0o755]) else {
            throw UsageError("cannot write \(path)")
        }
        return path
    }
}
