import DossierKit
import Foundation
import Testing

/// Paths and helpers shared by the tests.
enum TestSupport {
    /// The package's root folder (two levels above this file).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func fixture(_ name: String) -> String { packageRoot.appendingPathComponent("Tests/Fixtures/\(name)").path }
    static var themes: String { packageRoot.appendingPathComponent("Themes").path }

    /// `../shared` beside the repository: there in CI and for developers, absent on a user's machine.
    static var shared: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func options(content: String, output: String, today: String = "2025-06-01") -> BuildOptions {
        var options = BuildOptions(today: Day(today) ?? Day(ordinal: 0))
        options.contentDirectory = content
        options.outputDirectory = output
        options.themesDirectory = themes
        return options
    }

    /// Every regular file under `root`, by relative path, with its bytes (see `LeakScan.tree`).
    static func tree(_ root: URL) throws -> [String: Data] { LeakScan.tree(root) }

    /// The `dossier` executable built beside the tests.
    static var executable: URL? {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let first = CommandLine.arguments.first {
            var url = URL(fileURLWithPath: first).deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(url.appendingPathComponent("dossier"))
                url = url.deletingLastPathComponent()
            }
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/dossier"))
        return candidates.first { fm.isExecutableFile(atPath: $0.path) }
    }

    struct RunResult {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the `dossier` executable (or another program).
    static func run(_ arguments: [String], environment: [String: String] = [:], directory: URL? = nil,
                    executable program: URL? = nil) throws -> RunResult {
        guard let executable = program ?? executable else { throw TestError("the dossier executable was not built") }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SOURCE_DATE_EPOCH")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Both pipes at once: a program that fills one (64 KB of warnings on stderr) while the
        // other is read to its end would wait forever.
        let errBox = DataBox()
        let errDone = DispatchSemaphore(value: 0)
        let errHandle = err.fileHandleForReading
        DispatchQueue.global().async {
            errBox.data = errHandle.readDataToEndOfFile()
            errDone.signal()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errDone.wait()
        let errData = errBox.data
        process.waitUntilExit()
        return RunResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Values of `href` and `src` attributes in an HTML text.
    static func references(in html: String) -> [String] {
        var result: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                result.append(String(rest[..<end]))
                rest = rest[end...]
            }
        }
        return result
    }

    /// `id="..."` values in an HTML text.
    static func ids(in html: String) -> Set<String> {
        var result: Set<String> = []
        var rest = html[...]
        while let start = rest.range(of: " id=\"") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            result.insert(String(rest[..<end]))
            rest = rest[end...]
        }
        return result
    }

    static func unescapeAttribute(_ value: String) -> String {
        value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#x27;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

struct TestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Bytes read on another thread (see `TestSupport.run`).
final class DataBox: @unchecked Sendable {
    var data = Data()
}

extension TestSupport {
    /// Starts `python3 -m http.server`'s handler on a free port over `folder`; nil when it does not start.
    static func serveHTTP(_ folder: URL) throws -> (port: Int, stop: () -> Void)? {
        let portFile = folder.deletingLastPathComponent().appendingPathComponent("port-\(UUID().uuidString)")
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-c", """
            import functools, http.server, sys
            handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
            open(sys.argv[2], "w").write(str(server.server_address[1]))
            server.serve_forever()
            """, folder.path, portFile.path]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        // SIGKILL: children of the test runner inherit its blocked signals.
        let stop = { kill(server.processIdentifier, SIGKILL); server.waitUntilExit() }
        for _ in 0..<100 {
            if let port = (try? String(contentsOf: portFile, encoding: .utf8)).flatMap({ Int($0) }) { return (port, stop) }
            Thread.sleep(forTimeInterval: 0.1)
        }
        stop()
        return nil
    }
}
