@testable import DossierKit
import Foundation
import Testing

/// `dossier build --output a/b/c` when `a/b` does not exist: the folders are made, as other
/// generators make them; the targets refused before are still refused, and a failed build leaves
/// none of the folders it made.
@Suite("Output in folders that do not exist yet")
struct NestedOutputTests {
    static func site() throws -> (root: URL, content: String) {
        let root = try TestSupport.temporaryFolder()
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(atPath: TestSupport.fixture("good"), toPath: content.path)
        return (root, content.path)
    }

    static func build(_ content: String, _ output: String, _ more: [String] = []) throws -> TestSupport.RunResult {
        try TestSupport.run(["build", "--content", content, "--themes", TestSupport.themes, "--output", output,
                             "--today", "2025-06-01"] + more)
    }

    @Test("--output a/b/c with a/b missing makes the folders and writes the site there; a second build finds it its own")
    func createsParents() throws {
        let (root, content) = try Self.site()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("deploy/2025/site")
        let first = try Self.build(content, output.path)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("→ \(output.path)/"), "\(first.stdout)")
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("<main id=\"main\""))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(".dossier-output").path))
        // The caches sit beside the output, in the folder just made; nothing else is there.
        let beside = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("deploy/2025").path).sorted()
        #expect(beside == [".site.dossier-cache", ".site.dossier-pages", "site"], "\(beside)")
        let again = try Self.build(content, output.path)
        #expect(again.status == 0, "\(again.stderr)")

        // A relative path, from the folder the command runs in.
        let relative = try TestSupport.run(["build", "--content", content, "--themes", TestSupport.themes, "--output", "out/a/b",
                                            "--today", "2025-06-01"], directory: root)
        #expect(relative.status == 0, "\(relative.stderr)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("out/a/b/index.html").path))
    }

    @Test("a build with errors into a/b/c leaves no folder behind, and an unknown client neither")
    func failedBuildLeavesNothing() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let bad = try Self.build(TestSupport.fixture("bad"), root.appendingPathComponent("x/y/z").path)
        #expect(bad.status == 1, "\(bad.stderr)")
        #expect(bad.stderr.contains("error"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty)

        let (site, content) = try Self.site()
        defer { try? FileManager.default.removeItem(at: site) }
        let unknown = try Self.build(content, site.appendingPathComponent("briefs/nobody/site").path,
                                     ["--audience", "client", "--client", "nobody"])
        #expect(unknown.status == 2, "\(unknown.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("briefs").path))
    }

    @Test("still refused, with nothing made: an output inside the content folder under missing folders, a '..' after a missing folder, a file where a folder should be")
    func refusedTargets() throws {
        let (root, content) = try Self.site()
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default

        let inside = try Self.build(content, content + "/new/site")
        #expect(inside.status == 2)
        #expect(inside.stderr.contains("overlaps the content folder"), "\(inside.stderr)")
        #expect(!fm.fileExists(atPath: content + "/new"))

        // `nope/../..` would be the folder holding the content: where `..` leads is not guessed.
        let dots = try Self.build(content, root.appendingPathComponent("nope/../../x").path)
        #expect(dots.status == 2)
        #expect(dots.stderr.contains("'..'"), "\(dots.stderr)")
        #expect(!fm.fileExists(atPath: root.appendingPathComponent("nope").path))
        let endsInDots = try Self.build(content, root.appendingPathComponent("nope/..").path)
        #expect(endsInDots.status == 2, "\(endsInDots.stderr)")
        #expect(!fm.fileExists(atPath: root.appendingPathComponent("nope").path))

        try Data("notes\n".utf8).write(to: root.appendingPathComponent("notes.txt"))
        let underFile = try Self.build(content, root.appendingPathComponent("notes.txt/a/site").path)
        #expect(underFile.status == 2)
        #expect(underFile.stderr.contains("is a file, not a folder"), "\(underFile.stderr)")
        #expect(try String(contentsOf: root.appendingPathComponent("notes.txt"), encoding: .utf8) == "notes\n")

        // Refused before as now: the content folder itself, and the root.
        #expect(try Self.build(content, content).status == 2)
        #expect(try Self.build(content, "/").status == 2)
        #expect(try fm.contentsOfDirectory(atPath: root.path).sorted() == ["Content", "notes.txt"])
    }
}
