import Foundation

/// A program `dossier pdf` runs (Chromium, qpdf), found on the `PATH`.
struct ExternalTool: Sendable {
    var path: String

    /// The first of `names` on `PATH` that can be run, or nil.
    static func find(_ names: [String], environment: [String: String]) -> ExternalTool? {
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in names {
            for folder in folders where !folder.isEmpty {
                let candidate = joinPath(folder, name)
                if FileManager.default.isExecutableFile(atPath: candidate) { return ExternalTool(path: candidate) }
            }
        }
        return nil
    }

    /// What a run left: its exit status and what it printed.
    struct Outcome {
        var status: Int32
        var output: Data
        var errors: String
        var timedOut: Bool
    }

    /// Runs the program with `arguments` (never a secret: other users can list them) and waits at
    /// most `timeout` seconds, then ends it. Standard output and error are collected through files
    /// in `scratch` (a folder of our own), so a large output cannot fill a pipe and block it.
    func run(_ arguments: [String], environment: [String: String], scratch: String, timeout: TimeInterval = 180) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = environment
        let name = (path as NSString).lastPathComponent
        let outPath = joinPath(scratch, "\(name).out")
        let errPath = joinPath(scratch, "\(name).err")
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                timedOut = true
                break
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.waitUntilExit()
        try? out.close()
        try? err.close()
        let output = (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data()
        let errors = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data(), as: UTF8.self)
        return Outcome(status: process.terminationStatus, output: output, errors: errors, timedOut: timedOut)
    }
}
