import Foundation

/// `dossier-bench`: builds the same synthetic site with a release build of Dossier and with Hugo,
/// several times each, and prints medians, the ratio, pages per second, CPU use and peak memory.
///
///   swift build -c release && swift run -c release dossier-bench [--sizes 1000,10000,20000] [--runs 3]
///   swift run -c release dossier-bench generate --pages 10000 --out .bench/10000
@main
struct DossierBench {
    struct Measure {
        var seconds: Double
        var peakMB: Double
        var cpu: Double
    }

    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        func option(_ name: String) -> String? {
            guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
            defer { arguments.removeSubrange(index...(index + 1)) }
            return arguments[index + 1]
        }
        if arguments.first == "generate" {
            let pages = Int(option("--pages") ?? "") ?? 1000
            let out = URL(fileURLWithPath: option("--out") ?? ".bench/\(pages)")
            try Corpus(pages: pages).write(to: out)
            print("wrote \(out.path)/dossier/Content and \(out.path)/hugo")
            return
        }
        let sizes = (option("--sizes") ?? "1000,10000,20000").split(separator: ",").compactMap { Int($0) }
        let runs = Int(option("--runs") ?? "") ?? 3
        let dossier = option("--dossier") ?? ".build/release/dossier"
        let hugo = option("--hugo") ?? "/usr/bin/hugo"
        guard FileManager.default.isExecutableFile(atPath: dossier) else {
            print("no release build at \(dossier): run swift build -c release first"); exit(2)
        }
        let hasHugo = FileManager.default.isExecutableFile(atPath: hugo)
        if !hasHugo { print("Hugo not found at \(hugo) (Debian: apt-get install hugo); measuring Dossier alone") }
        print("size   tool                    median s   pages/s   CPU/wall   peak MB   runs")
        for size in sizes {
            let root = URL(fileURLWithPath: ".bench/\(size)")
            if !FileManager.default.fileExists(atPath: root.appendingPathComponent("dossier/Content/site.yml").path) {
                try Corpus(pages: size).write(to: root)
            }
            let output = root.appendingPathComponent("dossier/Output").path
            let dossierRuns = try (0..<runs).map { _ in
                try measure([dossier, "build", "--content", root.appendingPathComponent("dossier/Content").path,
                             "--output", output, "--today", "2025-12-31", "--force"], environment: [:])
            }
            let pages = try FileManager.default.subpathsOfDirectory(atPath: output).filter { $0.hasSuffix(".html") }.count
            report(size, "dossier (related)", dossierRuns, pages: pages)
            guard hasHugo else { continue }
            var hugoMedians: [String: Double] = [:]
            for (label, related) in [("hugo (no related)", "false"), ("hugo (related)", "true")] {
                let destination = root.appendingPathComponent("hugo/public").path
                let hugoRuns = try (0..<runs).map { _ in
                    try measure([hugo, "--source", root.appendingPathComponent("hugo").path, "--destination", destination, "--quiet"],
                                environment: ["HUGO_PARAMS_RELATED": related])
                }
                let hugoPages = (try? FileManager.default.subpathsOfDirectory(atPath: destination).filter { $0.hasSuffix(".html") }.count) ?? 0
                report(size, label, hugoRuns, pages: hugoPages)
                hugoMedians[label] = median(hugoRuns.map(\.seconds))
            }
            let ours = median(dossierRuns.map(\.seconds))
            for (label, seconds) in hugoMedians.sorted(by: { $0.key < $1.key }) {
                print(String(format: "%-6d ratio %@ / dossier = %.1fx", size, label, seconds / ours))
            }
        }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func report(_ size: Int, _ label: String, _ runs: [Measure], pages: Int) {
        let seconds = median(runs.map(\.seconds))
        print(String(format: "%-6d %-22@ %9.2f %9.0f %10.2f %9.0f   %d", size, label as NSString, seconds,
                     Double(pages) / max(seconds, 0.001), median(runs.map(\.cpu)), runs.map(\.peakMB).max() ?? 0, runs.count))
    }

    /// Runs a command under GNU time: wall seconds, peak resident memory and CPU / wall.
    static func measure(_ command: [String], environment: [String: String]) throws -> Measure {
        let stats = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-bench-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-f", "%e %M %U %S", "-o", stats.path] + command
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let fields = (try String(contentsOf: stats, encoding: .utf8)).split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Double($0) }
        try? FileManager.default.removeItem(at: stats)
        guard process.terminationStatus == 0, fields.count >= 4 else {
            throw NSError(domain: "dossier-bench", code: Int(process.terminationStatus),
                          userInfo: [NSLocalizedDescriptionKey: "\(command.joined(separator: " ")) failed"])
        }
        return Measure(seconds: fields[0], peakMB: fields[1] / 1024, cpu: (fields[2] + fields[3]) / max(fields[0], 0.001))
    }
}
