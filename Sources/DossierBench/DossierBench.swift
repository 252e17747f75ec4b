import DossierKit
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
        if arguments.first == "search" { try SearchBench.run(Array(arguments.dropFirst())); return }
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
        var fullMedians: [Int: Double] = [:]
        defer {
            try? FileManager.default.removeItem(atPath: trash)
            if let ten = fullMedians[10000], let twenty = fullMedians[20000] {
                print(String(format: "scaling: 20000 pages take %.2fx the time of 10000", twenty / ten))
            }
        }
        for size in sizes {
            let root = URL(fileURLWithPath: ".bench/\(size)")
            if !FileManager.default.fileExists(atPath: root.appendingPathComponent("dossier/Content/site.yml").path) {
                try Corpus(pages: size).write(to: root)
            }
            let output = root.appendingPathComponent("dossier/Output").path
            let cache = root.appendingPathComponent("dossier/.Output.dossier-cache").path
            let pageCaches = root.appendingPathComponent("dossier/.Output.dossier-pages").path
            let build = [dossier, "build", "--content", root.appendingPathComponent("dossier/Content").path,
                         "--output", output, "--today", "2025-12-31", "--force"]
            // Full builds: each starts from nothing (no output folder, no cache), as on a fresh CI
            // runner. Removing the old output is not timed.
            let dossierRuns = try (0..<runs).map { _ in
                moveAside(output)
                moveAside(cache)
                moveAside(pageCaches)
                return try measure(build, environment: [:])
            }
            let pages = try FileManager.default.subpathsOfDirectory(atPath: output).filter { $0.hasSuffix(".html") }.count
            report(size, "dossier (related)", dossierRuns, pages: pages)
            fullMedians[size] = median(dossierRuns.map(\.seconds))
            // Incremental: one article's body gains a sentence; the rebuild uses the cache the
            // previous build left. The article is put back (and rebuilt, untimed) after each run.
            let article = root.appendingPathComponent("dossier/Content/kb/a1.md")
            let original = try Data(contentsOf: article)
            let incrementalRuns = try (0..<runs).map { run -> Measure in
                var edited = original
                edited.append(Data("\n新增的一段说明（第\(run)次修改）。\n".utf8))
                try edited.write(to: article)
                defer {
                    try? original.write(to: article)
                    _ = try? measure(build, environment: [:])
                }
                return try measure(build, environment: [:])
            }
            report(size, "dossier incremental", incrementalRuns, pages: pages)
            // A title edit changes what other pages show (lists, related articles, backlinks):
            // every page is made again, and only files whose bytes changed are written.
            let titleRuns = try (0..<runs).map { run -> Measure in
                let text = String(decoding: original, as: UTF8.self)
                try Data(text.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: （修订\(run)）").utf8).write(to: article)
                defer {
                    try? original.write(to: article)
                    _ = try? measure(build, environment: [:])
                }
                return try measure(build, environment: [:])
            }
            report(size, "dossier title edit", titleRuns, pages: pages)
            // Nothing changed since the last build (a commit that did not touch the content).
            let unchangedRuns = try (0..<runs).map { _ in try measure(build, environment: [:]) }
            report(size, "dossier nothing changed", unchangedRuns, pages: pages)
            print(String(format: "%-6d incremental / full = %.0f%%", size,
                         100 * median(incrementalRuns.map(\.seconds)) / max(median(dossierRuns.map(\.seconds)), 0.001)))
            searchReport(size, output: output)
            guard hasHugo else { continue }
            var hugoMedians: [String: Double] = [:]
            for (label, related) in [("hugo (no related)", "false"), ("hugo (related)", "true")] {
                let destination = root.appendingPathComponent("hugo/public").path
                let hugoRuns = try (0..<runs).map { _ in
                    // Like ours, each Hugo build starts without an output folder.
                    moveAside(destination)
                    return try measure([hugo, "--source", root.appendingPathComponent("hugo").path, "--destination", destination, "--quiet"],
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

    /// Sizes of the search index against the HTML, and the bytes a browser loads for typical queries:
    /// search.js, meta.js, the shards of the query's terms and the page files of the first ten results.
    static func searchReport(_ size: Int, output: String) {
        let fm = FileManager.default
        func bytes(_ path: String) -> Int { ((try? fm.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0 }
        let files = (try? fm.subpathsOfDirectory(atPath: output)) ?? []
        let html = files.filter { $0.hasSuffix(".html") && !$0.hasPrefix("search/") }.reduce(0) { $0 + bytes(output + "/" + $1) }
        let index = files.filter { $0.hasPrefix("search/") && $0.hasSuffix(".js") }
        let total = index.reduce(0) { $0 + bytes(output + "/" + $1) }
        let shards = index.filter { $0.hasPrefix("search/t/") }
        let largest = shards.map { bytes(output + "/" + $0) }.max() ?? 0
        let meta = (try? String(contentsOfFile: output + "/search/meta.js", encoding: .utf8)) ?? ""
        let shardCount = Int(meta.components(separatedBy: "\"shards\":").last?.prefix { $0.isNumber } ?? "") ?? 1
        let pageCount = Int(meta.components(separatedBy: "\"pages\":").last?.prefix { $0.isNumber } ?? "") ?? 0
        print(String(format: "%-6d search index %.1f MB in %d files (%d shards) = %.1f%% of %.1f MB HTML; largest shard %.0f KB",
                     size, Double(total) / 1e6, index.count, shards.count, 100 * Double(total) / Double(max(html, 1)),
                     Double(html) / 1e6, Double(largest) / 1e3))
        for query in ["补正 期限", "审核 材料", "沟通备忘"] {
            let terms = SearchTokenizer.queryTerms(query)
            let shardFiles = Set(terms.map { "search/t/\(SearchIndex.hash($0) % UInt32(max(shardCount, 1))).js" })
            var postings: [String: [Int]] = [:]
            for file in shardFiles {
                let data = fm.contents(atPath: output + "/" + file) ?? Data()
                postings.merge(SearchRanking.readShard(data)) { $1 }
            }
            let ranked = SearchRanking.rank(terms: terms, postings: { postings[$0] }, pageCount: pageCount)
            let loaded = ["_theme/search.js", "search/meta.js"] + shardFiles.sorted() + ranked.prefix(10).map { "search/p/\($0.page).js" }
            let sum = loaded.reduce(0) { $0 + bytes(output + "/" + $1) }
            print(String(format: "%-6d search query %@: %d results, loads %.0f KB (%d shards, %d page files)",
                         size, query as NSString, ranked.count, Double(sum) / 1e3, shardFiles.count, min(10, ranked.count)))
        }
    }

    /// Where earlier outputs go between runs. They are deleted only when the benchmark ends: on
    /// some file systems (ext4 without a journal, as on the machine these figures come from)
    /// creating files shortly after deleting tens of thousands is several times slower, which
    /// would measure the previous run's clean-up rather than the build.
    static let trash = ".bench/trash"

    static func moveAside(_ path: String) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        try? FileManager.default.createDirectory(atPath: trash, withIntermediateDirectories: true)
        try? FileManager.default.moveItem(atPath: path, toPath: trash + "/" + UUID().uuidString)
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
