@testable import DossierKit
import Foundation
import Testing

/// A build that fails or is killed never damages the previous site.
@Suite("Failure safety", .serialized)
struct FailureSafetyTests {
    @Test("the output folder is swapped in one atomic step where the system allows it")
    func exchange() throws {
        let folder = try TestSupport.temporaryFolder()
        let a = folder.appendingPathComponent("a"), b = folder.appendingPathComponent("b")
        try FileManager.default.createDirectory(at: a, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: b, withIntermediateDirectories: true)
        try Data("A".utf8).write(to: a.appendingPathComponent("file"))
        try Data("B".utf8).write(to: b.appendingPathComponent("file"))
        try FileSystem.local.exchange(a.path, b.path)
        #expect(try String(contentsOf: a.appendingPathComponent("file"), encoding: .utf8) == "B")
        #expect(try String(contentsOf: b.appendingPathComponent("file"), encoding: .utf8) == "A")
    }

    @Test("only relative paths without empty, '.' or '..' parts are written")
    func safePaths() {
        let safe = ["index.html", "kb/a/index.html", "...", ".hidden", "a/.dossier-output", "a.b/c..d", "search/p/1.js", "中文/页.html"]
        let unsafe = ["", "/etc/passwd", "a//b", "a/./b", "a/../b", "..", ".", "a/", "../x", "x/..", "./x"]
        for path in safe { #expect(OutputWriter.isSafe(path), "\(path)") }
        for path in unsafe { #expect(!OutputWriter.isSafe(path), "\(path)") }
    }

    @Test("a write that fails part-way (a full disk) leaves the previous site exactly as it was", arguments: [1, 7, 15])
    func failingWrite(after count: Int) throws {
        let folder = try TestSupport.temporaryFolder()
        let output = folder.appendingPathComponent("Output")
        #expect(try Pipeline().run(TestSupport.options(content: TestSupport.fixture("good"), output: output.path), write: true).wrote)
        let before = try TestSupport.tree(output)
        let written = Counter()
        var failing = FileSystem.local
        let write = failing.write
        failing.write = { path, data in
            if written.next() > count { throw FileSystemError(path: path, reason: "No space left on device") }
            try write(path, data)
        }
        #expect(throws: OutputError.self) {
            try Pipeline(fileSystem: failing).run(TestSupport.options(content: TestSupport.fixture("good"), output: output.path,
                                                                      today: "2025-07-01"), write: true)
        }
        #expect(try TestSupport.tree(output) == before)
        // Nothing is left beside the output but the page caches (they describe the content, not
        // the output, so they stay valid), and no half-written shard.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".Output.dossier-pages", "Output"])
        let shards = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(".Output.dossier-pages").path)
        #expect(!shards.contains { $0.contains(".tmp-") })
    }

    /// A site large enough that a build takes a while.
    static func largeSite() throws -> URL {
        let root = try TestSupport.temporaryFolder().appendingPathComponent("Content")
        let fm = FileManager.default
        for folder in ["kb", "permits", "clients", "filings"] {
            try fm.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data("title: Large\n".utf8).write(to: root.appendingPathComponent("site.yml"))
        try Data("---\nname: P\nreview_days: 20\n---\n".utf8).write(to: root.appendingPathComponent("permits/p.md"))
        try Data("---\nname: C\n---\n".utf8).write(to: root.appendingPathComponent("clients/c.md"))
        let body = String(repeating: "## 问题\n\n答案正文，包含说明。[[a0]]\n\n", count: 8)
        for index in 0..<2500 {
            try Data("---\ntitle: 文章\(index)\npermits: [p]\ndate: 2025-01-01\ntags: [t\(index % 40)]\nsources: [{title: 行政许可法}]\n---\n\(body)".utf8)
                .write(to: root.appendingPathComponent("kb/a\(index).md"))
        }
        return root
    }

    @Test("SIGKILL at any moment leaves a complete site: the previous one or, once swapped, the new one")
    func killed() throws {
        let content = try Self.largeSite()
        let folder = content.deletingLastPathComponent()
        let output = folder.appendingPathComponent("Output")
        let base = ["build", "--content", content.path, "--themes", TestSupport.themes, "--output", output.path]
        #expect(try TestSupport.run(base + ["--today", "2025-01-01"]).status == 0)
        let previous = try TestSupport.tree(output)
        // What the interrupted builds would write if left alone.
        let reference = folder.appendingPathComponent("Reference")
        let started = Date()
        #expect(try TestSupport.run(["build", "--content", content.path, "--themes", TestSupport.themes, "--output", reference.path,
                                     "--today", "2025-02-02"]).status == 0)
        let duration = Date().timeIntervalSince(started)
        let next = try TestSupport.tree(reference)
        #expect(previous != next)
        guard let executable = TestSupport.executable else { throw TestError("no dossier executable") }
        var outcomes: [String] = []
        for fraction in [0.05, 0.2, 0.4, 0.6, 0.8, 0.95] {
            let process = Process()
            process.executableURL = executable
            process.arguments = base + ["--today", "2025-02-02"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: duration * fraction)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try TestSupport.tree(output)
            #expect(now == previous || now == next, "output damaged after a kill at \(fraction) of a build")
            outcomes.append(now == previous ? "previous" : "new")
            if now == next {
                // Start again from the previous site for the next kill.
                #expect(try TestSupport.run(base + ["--today", "2025-01-01"]).status == 0)
            }
        }
        // The next build clears what the killed ones left beside the output.
        #expect(try TestSupport.run(base + ["--today", "2025-01-01"]).status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix(".Output.") && $0 != ".Output.dossier-cache" && $0 != ".Output.dossier-pages" }
        #expect(leftovers.isEmpty, "\(leftovers)")
        let shards = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(".Output.dossier-pages").path)
        #expect(!shards.contains { $0.contains(".tmp-") }, "\(shards)")
        #expect(outcomes.contains("previous"))
    }
}

/// Counts calls from any thread.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
