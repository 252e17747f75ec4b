import Foundation

/// `dossier hook install`: a git pre-commit hook that checks the staged content, and never lets a
/// commit through unchecked: no content folder in the commit, or no `dossier` to run, fails it.
public enum GitHook {
    static let marker = "# installed by dossier hook install"

    /// What was installed, for the message `dossier hook install` prints.
    public struct Installation: Sendable, Equatable {
        /// The hook's file.
        public var path: String
        /// The content folder the hook checks, relative to the repository's root.
        public var content: String
        /// The program the hook falls back to when `dossier` is not on the PATH at commit time:
        /// an absolute path written into the hook, or nil when there is none.
        public var fallback: String?
    }

    /// `text` in single quotes for sh.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The hook script. It finds `dossier` on the PATH (else `fallback`, when given and still
    /// there), checks out the staged files (the index, not the working tree) into a temporary
    /// folder and runs `dossier check` on `content` there; errors block the commit, and so do a
    /// commit without `content` and a missing `dossier`.
    public static func script(content: String, fallback: String?) -> String {
        """
        #!/bin/sh
        \(marker); delete this file to remove it.
        # Checks the staged content with `dossier check`; a content error blocks the commit.
        content=\(shellQuoted(content))
        fallback=\(shellQuoted(fallback ?? ""))
        if dossier=$(command -v dossier); then
          :
        elif [ -n "$fallback" ] && [ -x "$fallback" ]; then
          dossier=$fallback
        else
          echo "dossier: the pre-commit hook cannot check this commit: dossier is not on the PATH." >&2
          echo "dossier: install it: in a Dossier checkout run swift build -c release and put .build/release on the PATH" >&2
          echo "dossier: (for example: ln -s \\"\\$PWD/.build/release/dossier\\" /usr/local/bin/dossier), then commit again." >&2
          echo "dossier: git commit --no-verify skips the check once; deleting $0 removes it." >&2
          exit 1
        fi
        staged=$(mktemp -d) || exit 1
        trap 'rm -rf "$staged"' EXIT
        git checkout-index --all --prefix="$staged/" || exit 1
        if [ ! -d "$staged/$content" ]; then
          echo "dossier: the pre-commit hook checks the content folder '$content', which is not in this commit." >&2
          echo "dossier: if the content moved, run dossier hook install --content NEW-FOLDER; to stop checking, delete $0" >&2
          echo "dossier: (git commit --no-verify skips the check once)." >&2
          exit 1
        fi
        cd "$staged" || exit 1
        if ! "$dossier" check --content "$content"; then
          echo "dossier: the commit is blocked by the errors above (git commit --no-verify skips this check)." >&2
          exit 1
        fi

        """
    }

    /// The first executable `dossier` on `path` (a PATH value), as `command -v` finds it.
    public static func onPath(_ path: String?) -> String? {
        for folder in (path ?? "").split(separator: ":") where folder.hasPrefix("/") {
            let candidate = joinPath(String(folder), "dossier")
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Installs the hook in the repository at `repository`; refuses to replace a hook it did not
    /// write, and refuses a content folder that does not exist, has no `site.yml` or is outside the
    /// repository. `content` is relative to `repository` (or absolute); the hook records it relative
    /// to the repository's root. `executable` is written into the hook as a fallback only when
    /// `dossier` is not on `searchPath` now.
    public static func install(repository: String, executable: String, content: String,
                               searchPath: String? = ProcessInfo.processInfo.environment["PATH"]) throws -> Installation {
        let path = try git(repository, ["rev-parse", "--git-path", "hooks/pre-commit"])
        let root = try git(repository, ["rev-parse", "--show-toplevel"])
        guard !root.isEmpty else { throw UsageError("'\(repository)' is a repository without a working tree; install the hook in a clone") }
        let relative = try contentFolder(content, repository: repository, root: root)

        var hook = path
        if !hook.hasPrefix("/") { hook = joinPath(repository, hook) }
        if let existing = FileManager.default.contents(atPath: hook) {
            guard String(decoding: existing, as: UTF8.self).contains(marker) else {
                throw UsageError("\(hook) exists and was not written by dossier; refusing to overwrite it")
            }
        }
        let fallback = onPath(searchPath) == nil ? executable : nil
        try FileManager.default.createDirectory(atPath: (hook as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: hook, contents: Data(script(content: relative, fallback: fallback).utf8),
                                             attributes: [.posixPermissions: 0o755]) else {
            throw UsageError("cannot write \(hook)")
        }
        return Installation(path: hook, content: relative, fallback: fallback)
    }

    /// The content folder relative to the repository's root; refused unless it is a site.
    static func contentFolder(_ content: String, repository: String, root: String) throws -> String {
        let base = URL(fileURLWithPath: repository, isDirectory: true).standardizedFileURL
        let folder = URL(fileURLWithPath: content, isDirectory: true, relativeTo: base).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UsageError("the content folder \(folder.path) does not exist: the hook would have nothing to check "
                             + "(pass --content DIR, relative to \(repository == "." ? "the current folder" : repository))")
        }
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("site.yml").path) else {
            throw UsageError("\(folder.path) has no site.yml, so it is not a content folder (pass --content DIR)")
        }
        let resolvedRoot = URL(fileURLWithPath: root, isDirectory: true).resolvingSymlinksInPath().path
        let resolved = folder.resolvingSymlinksInPath().path
        if resolved == resolvedRoot { return "." }
        guard resolved.hasPrefix(resolvedRoot + "/") else {
            throw UsageError("the content folder \(folder.path) is outside the repository \(resolvedRoot)")
        }
        return String(resolved.dropFirst(resolvedRoot.count + 1))
    }

    /// Runs git in `repository` and returns its output's first line.
    static func git(_ repository: String, _ arguments: [String]) throws -> String {
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-C", repository] + arguments
        let pipe = Pipe()
        git.standardOutput = pipe
        git.standardError = FileHandle.nullDevice
        do { try git.run() } catch { throw UsageError("git is not available: \(error)") }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        git.waitUntilExit()
        guard git.terminationStatus == 0 else { throw UsageError("'\(repository)' is not inside a git repository") }
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
