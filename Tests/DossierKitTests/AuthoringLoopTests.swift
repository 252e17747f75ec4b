@testable import DossierKit
@testable import DossierServe
import Foundation
import Testing

@Suite("The authoring loop", .serialized)
struct AuthoringLoopTests {
    // MARK: - serve

    /// A running `dossier serve` on a copy of the good fixture.
    final class Server: @unchecked Sendable {
        let process = Process()
        let content: URL
        var address = ""
        let output = Pipe()
        let errors = Pipe()

        init() throws {
            content = try TestSupport.temporaryFolder().appendingPathComponent("Content")
            try FileManager.default.copyItem(atPath: TestSupport.fixture("good"), toPath: content.path)
            guard let executable = TestSupport.executable else { throw TestError("no dossier executable") }
            process.executableURL = executable
            process.arguments = ["serve", "--content", content.path, "--themes", TestSupport.themes, "--port", "0", "--today", "2025-06-01"]
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            // The first line says where it serves.
            var line = Data()
            let handle = output.fileHandleForReading
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline {
                let byte = handle.readData(ofLength: 1)
                if byte.isEmpty || byte == Data("\n".utf8) { break }
                line.append(byte)
            }
            let text = String(decoding: line, as: UTF8.self)
            guard let range = text.range(of: "http://") else { throw TestError("serve did not start: \(text)") }
            address = String(text[range.lowerBound...].split(separator: " ")[0])
        }

        func stop() {
            process.terminate()
            process.waitUntilExit()
        }

        deinit {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }

        /// Status and body of a GET, with the path sent exactly as given.
        func get(_ path: String) throws -> (Int, String) {
            let result = try TestSupport.runProcess("/usr/bin/curl", ["-s", "--path-as-is", "-o", "-", "-w", "\n%{http_code}",
                                                                      "--max-time", "10", address.dropLast() + path])
            let lines = result.split(separator: "\n", omittingEmptySubsequences: false)
            return (Int(lines.last ?? "") ?? 0, lines.dropLast().joined(separator: "\n"))
        }

        /// The events the page stream sends within `seconds`.
        func events(for seconds: Int) throws -> [String] {
            let result = try TestSupport.runProcess("/usr/bin/curl", ["-s", "-N", "--max-time", String(seconds), address + "_dossier/events"],
                                                    allowFailure: true)
            return result.split(separator: "\n").filter { $0.hasPrefix("data: ") }.map { String($0.dropFirst(6)) }
        }
    }

    @Test("serve: pages with the reload script, reload after an edit, an error overlay while the old page stays, no path escapes",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/curl"), "needs curl"))
    func serve() throws {
        let server = try Server()
        defer { server.stop() }
        let (status, page) = try server.get("/kb/faq-one/")
        #expect(status == 200)
        #expect(page.contains("<h1>First FAQ</h1>"))
        #expect(page.contains("<script src=\"/_dossier/live.js\"></script>\n</body>"))
        #expect(try server.get("/_dossier/live.js").1.contains("EventSource"))
        #expect(try server.events(for: 2).first == #"{"errors":[],"version":1}"#)

        // An edit: a new build, a new version, the changed page.
        let file = server.content.appendingPathComponent("kb/faq-one.md")
        let original = try String(contentsOf: file, encoding: .utf8)
        try original.replacingOccurrences(of: "title: First FAQ", with: "title: First FAQ, edited").write(to: file, atomically: true, encoding: .utf8)
        var changed = false
        for _ in 0..<40 where !changed {
            Thread.sleep(forTimeInterval: 0.25)
            changed = try server.get("/kb/faq-one/").1.contains("<h1>First FAQ, edited</h1>")
        }
        #expect(changed)
        #expect(try server.events(for: 2).first == #"{"errors":[],"version":2}"#)

        // A broken file: the error reaches the page; the last good page is still served.
        try original.replacingOccurrences(of: "permits: [alpha, beta]", with: "permits: [alfa]").write(to: file, atomically: true, encoding: .utf8)
        var reported: [String] = []
        for _ in 0..<20 where !(reported.first ?? "").contains("unknown permit") {
            reported = try server.events(for: 1)
        }
        #expect(reported.first?.contains("kb/faq-one.md:3:11: error: unknown permit 'alfa'") == true, "\(reported)")
        #expect(reported.first?.contains("\"version\":2") == true)
        #expect(try server.get("/kb/faq-one/").1.contains("<h1>First FAQ, edited</h1>"))

        // Missing pages get the site's 404 page; nothing outside the site is reachable.
        let missing = try server.get("/no/such/page/")
        #expect(missing.0 == 404)
        #expect(missing.1.contains("Page not found"))
        for path in ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/kb/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "//etc/passwd",
                     "/..%2f..%2f..%2fetc/passwd", "/%2E%2E/etc/passwd"] {
            let (code, body) = try server.get(path)
            #expect(code == 403 || code == 404, "\(path) → \(code)")
            #expect(!body.contains("root:"), "\(path) leaked a file")
        }
        // Content types.
        #expect(try TestSupport.runProcess("/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{content_type}", server.address + "_theme/style.css"])
            == "text/css; charset=utf-8")
        #expect(try TestSupport.runProcess("/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{content_type}", server.address + "feed.xml"])
            == "application/xml; charset=utf-8")
    }

    @Test("path resolution refuses dot segments, encoded dots and symbolic links out of the site")
    func staticFiles() throws {
        let root = try TestSupport.temporaryFolder().resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("kb/a"), withIntermediateDirectories: true)
        try Data("page".utf8).write(to: root.appendingPathComponent("kb/a/index.html"))
        let outside = root.deletingLastPathComponent().appendingPathComponent("outside-\(UUID().uuidString).txt")
        try Data("secret".utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link.txt").path, withDestinationPath: outside.path)
        #expect(StaticFiles.resolve("/kb/a/", root: root.path) == .file(root.path + "/kb/a/index.html"))
        #expect(StaticFiles.resolve("/kb/a", root: root.path) == .file(root.path + "/kb/a/index.html"))
        #expect(StaticFiles.resolve("/kb/../../etc/passwd", root: root.path) == .forbidden)
        #expect(StaticFiles.resolve("/%2e%2e/x", root: root.path) == .forbidden)
        #expect(StaticFiles.resolve("relative", root: root.path) == .forbidden)
        #expect(StaticFiles.resolve("/link.txt", root: root.path) == .forbidden)
        #expect(StaticFiles.resolve("/missing.html", root: root.path) == .notFound)
        #expect(LiveReload.inject(into: "<html><body>x</body></html>") == "<html><body>x<script src=\"/_dossier/live.js\"></script>\n</body></html>")
    }

    // MARK: - new, init, hook

    @Test("dossier init makes a site that builds at once; dossier new adds pages that build, and refuses to overwrite")
    func initAndNew() throws {
        let folder = try TestSupport.temporaryFolder().appendingPathComponent("site")
        let made = try TestSupport.run(["init", folder.path])
        #expect(made.status == 0, "\(made.stderr)")
        let year = Day.inChina(secondsSinceEpoch: Int(Date().timeIntervalSince1970)).year
        for path in ["Content/site.yml", "Content/permits/algorithm-filing.md", "Content/kb/first-question.md",
                     "Content/clients/example-client.md", "Content/filings/example-filing.md", "Content/calendar/\(year).yml",
                     "Themes/default/templates/layout.mustache"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path), "\(path)")
        }
        let build = try TestSupport.run(["build"], directory: folder)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stderr.isEmpty, "\(build.stderr)")
        #expect(try TestSupport.run(["init", folder.path]).status == 2)

        for (kind, id) in [("kb", "new-question"), ("filing", "new-filing"), ("permit", "new-permit"), ("client", "new-client")] {
            let created = try TestSupport.run(["new", kind, id], directory: folder)
            #expect(created.status == 0, "\(created.stderr)")
            #expect(created.stdout.contains("Created Content/"))
        }
        let article = try String(contentsOf: folder.appendingPathComponent("Content/kb/new-question.md"), encoding: .utf8)
        #expect(article.contains("date: \(Day.inChina(secondsSinceEpoch: Int(Date().timeIntervalSince1970)))"))
        #expect(article.contains("permits: [algorithm-filing]"))
        let again = try TestSupport.run(["build"], directory: folder)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try TestSupport.run(["new", "kb", "new-question"], directory: folder).status == 2)
        #expect(try TestSupport.run(["new", "kb", "Bad Id"], directory: folder).status == 2)
        #expect(try TestSupport.run(["new", "memo", "x"], directory: folder).status == 2)
        #expect(try TestSupport.run(["new", "filing", "other", "--permit", "algorithm-filing", "--client", "example-client"], directory: folder).status == 0)
    }

    @Test("the pre-commit hook blocks a commit with content errors, lets a good one through, and is not written over a foreign hook",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "needs git"))
    func hook() throws {
        let folder = try TestSupport.temporaryFolder().appendingPathComponent("repo")
        #expect(try TestSupport.run(["init", folder.path]).status == 0)
        func git(_ arguments: [String]) throws -> (Int32, String) {
            let result = try TestSupport.runProcess("/usr/bin/git", ["-C", folder.path, "-c", "user.name=T", "-c", "user.email=t@example.com"] + arguments,
                                                    allowFailure: true, withStatus: true)
            return (result.status, result.output)
        }
        _ = try git(["init", "-q"])
        let installed = try TestSupport.run(["hook", "install", "--repository", folder.path])
        #expect(installed.status == 0, "\(installed.stderr)")
        _ = try git(["add", "-A"])
        #expect(try git(["commit", "-q", "-m", "good"]).0 == 0)

        // A broken article is blocked, with the position of the error.
        let bad = folder.appendingPathComponent("Content/kb/broken.md")
        try Data("---\ntitle: Broken\npermits: [nope]\ndate: 2025-01-01\n---\n".utf8).write(to: bad)
        _ = try git(["add", "-A"])
        let blocked = try git(["commit", "-q", "-m", "bad"])
        #expect(blocked.0 != 0)
        #expect(blocked.1.contains("Content/kb/broken.md:3:11: error: unknown permit 'nope'"))
        // What is checked is what is staged: fixing the file without staging it still blocks.
        try Data("---\ntitle: Fixed\npermits: [algorithm-filing]\ndate: 2025-01-01\n---\n".utf8).write(to: bad)
        #expect(try git(["commit", "-q", "-m", "bad"]).0 != 0)
        _ = try git(["add", "-A"])
        #expect(try git(["commit", "-q", "-m", "fixed"]).0 == 0)

        // Installing again replaces its own hook; a hook it did not write is left alone.
        #expect(try TestSupport.run(["hook", "install", "--repository", folder.path]).status == 0)
        let hookPath = folder.appendingPathComponent(".git/hooks/pre-commit")
        try Data("#!/bin/sh\necho mine\n".utf8).write(to: hookPath)
        let refused = try TestSupport.run(["hook", "install", "--repository", folder.path])
        #expect(refused.status == 2)
        #expect(try String(contentsOf: hookPath, encoding: .utf8) == "#!/bin/sh\necho mine\n")
    }

    @Test("dossier check --format github and --format json")
    func formats() throws {
        let github = try TestSupport.runInRoot(["check", "--content", "Tests/Fixtures/bad", "--themes", "Themes", "--format", "github"])
        #expect(github.status == 1)
        #expect(github.stdout.hasPrefix("::error file=Tests/Fixtures/bad/filings/bad-values.md,line=3,col=9::unknown client 'acmee' (did you mean 'acme'?)\n"))
        let json = try TestSupport.runInRoot(["check", "--content", "Tests/Fixtures/bad", "--themes", "Themes", "--format", "json"])
        #expect(json.status == 1)
        let list = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(list?.count == 17)
        #expect(list?.first?["line"] as? Int == 3)
        #expect(list?.first?["severity"] as? String == "error")
        #expect(DiagnosticFormat.github.format([.warning("a,b:c.md", .start, "50% done\nnext")])
            == "::warning file=a%2Cb%3Ac.md,line=1,col=1::50%25 done%0Anext\n")
    }
}

extension TestSupport {
    /// Runs a program and returns its standard output (throws on a non-zero exit unless allowed).
    static func runProcess(_ path: String, _ arguments: [String], allowFailure: Bool = false) throws -> String {
        try runProcess(path, arguments, allowFailure: allowFailure, withStatus: true).output
    }

    static func runProcess(_ path: String, _ arguments: [String], allowFailure: Bool, withStatus: Bool) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0 && !allowFailure && !withStatus {
            throw TestError("\(path) failed: \(String(decoding: data, as: UTF8.self))")
        }
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
