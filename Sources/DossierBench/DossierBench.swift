import DossierKit
import Foundation

/// `dossier-bench`: builds the same synthetic site with a release build of Dossier and with Hugo,
/// several times each, and prints medians, the ratio, pages per second, CPU use and peak memory.
///
///   swift build -c release && swift run -c release dossier-bench [--sizes 1000,10000,20000] [--runs 3]
///   swift run -c release dossier-bench --corpus .bench/statutes --runs 3   # a prepared corpus only
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
        let sizes = (option("--sizes") ?? (corpusArguments(arguments).isEmpty ? "1000,10000,20000" : "")).split(separator: ",").compactMap { Int($0) }
        var prepared: [BenchSite] = []
        while let directory = option("--corpus") {
            guard let site = BenchSite.prepared(directory) else {
                print("--corpus \(directory): no Content/site.yml there (prepare it with ../shared/tools/lawcorpus.py SRC \(directory) --hugo-layouts .bench/1000/hugo/layouts)")
                exit(2)
            }
            prepared.append(site)
        }
        let runs = Int(option("--runs") ?? "") ?? 3
        let dossier = option("--dossier") ?? ".build/release/dossier"
        let hugo = option("--hugo") ?? "/usr/bin/hugo"
        guard FileManager.default.isExecutableFile(atPath: dossier) else {
            print("no release build at \(dossier): run swift build -c release first"); exit(2)
        }
        let hasHugo = FileManager.default.isExecutableFile(atPath: hugo)
        if !hasHugo { print("Hugo not found at \(hugo) (Debian: apt-get install hugo); measuring Dossier alone") }
        print("site   tool                    median s   pages/s   CPU/wall   peak MB   runs")
        var fullMedians: [Int: Double] = [:]
        var summary: [String] = []
        defer {
            try? FileManager.default.removeItem(atPath: trash)
            print("summary (median full builds; ratio = Hugo's time / Dossier's, above 1 means Dossier is faster)")
            for line in summary { print(line) }
            if let ten = fullMedians[10000], let twenty = fullMedians[20000] {
                print(String(format: "scaling: 20000 pages take %.2fx the time of 10000", twenty / ten))
            }
        }
        let sites = try sizes.map { try BenchSite.synthetic(pages: $0) } + prepared
        for site in sites {
            let output = site.output.path
            let build = [dossier, "build", "--content", site.content.path,
                         "--output", output, "--today", "2025-12-31", "--force"]
            // Full builds: each starts from nothing (no output folder, no cache), as on a fresh CI
            // runner. Removing the old output is not timed.
            let dossierRuns = try (0..<runs).map { _ in
                moveAside(output)
                site.caches.forEach(moveAside)
                return try measure(build, environment: [:])
            }
            let pages = try FileManager.default.subpathsOfDirectory(atPath: output).filter { $0.hasSuffix(".html") }.count
            report(site.label, "dossier (related)", dossierRuns, pages: pages)
            if let size = site.pages { fullMedians[size] = median(dossierRuns.map(\.seconds)) }
            let ours = median(dossierRuns.map(\.seconds))
            var line = String(format: "%@: Dossier %.2f s, CPU/wall %.2f, peak %.0f MB", site.label as NSString, ours,
                              median(dossierRuns.map(\.cpu)), dossierRuns.map(\.peakMB).max() ?? 0)
            if let article = site.editedArticle {
                // Incremental: one article's body gains a sentence; the rebuild uses the cache the
                // previous build left. The article is put back (and rebuilt, untimed) after each run.
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
                report(site.label, "dossier incremental", incrementalRuns, pages: pages)
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
                report(site.label, "dossier title edit", titleRuns, pages: pages)
                // Nothing changed since the last build (a commit that did not touch the content).
                let unchangedRuns = try (0..<runs).map { _ in try measure(build, environment: [:]) }
                report(site.label, "dossier nothing changed", unchangedRuns, pages: pages)
                let incremental = median(incrementalRuns.map(\.seconds))
                print(String(format: "%@ incremental / full = %.0f%%", pad(site.label, 6), 100 * incremental / max(ours, 0.001)))
                line += String(format: "; body edit %.2f s (%.0f%% of full), nothing changed %.2f s", incremental,
                               100 * incremental / max(ours, 0.001), median(unchangedRuns.map(\.seconds)))
            }
            searchReport(site.label, output: output)
            defer { summary.append(line) }
            guard hasHugo, FileManager.default.fileExists(atPath: site.hugo.path) else { continue }
            var hugoMedians: [String: Double] = [:]
            for (label, related) in [("hugo (no related)", "false"), ("hugo (related)", "true")] {
                let destination = site.hugo.appendingPathComponent("public").path
                let hugoRuns = try (0..<runs).map { _ in
                    // Like ours, each Hugo build starts without an output folder.
                    moveAside(destination)
                    return try measure([hugo, "--source", site.hugo.path, "--destination", destination, "--quiet"],
                                environment: ["HUGO_PARAMS_RELATED": related])
                }
                let hugoPages = (try? FileManager.default.subpathsOfDirectory(atPath: destination).filter { $0.hasSuffix(".html") }.count) ?? 0
                report(site.label, label, hugoRuns, pages: hugoPages)
                hugoMedians[label] = median(hugoRuns.map(\.seconds))
                line += String(format: "; %@ %.2f s, peak %.0f MB", label as NSString, median(hugoRuns.map(\.seconds)),
                               hugoRuns.map(\.peakMB).max() ?? 0)
            }
            for (label, seconds) in hugoMedians.sorted(by: { $0.key < $1.key }) {
                print(String(format: "%@ ratio %@ / dossier = %.1fx", pad(site.label, 6), label as NSString, seconds / ours))
                line += String(format: "; ratio %@ %.1fx", label as NSString, seconds / ours)
            }
        }
    }

    /// The `--corpus` values among the arguments (so that `--corpus` alone measures only that corpus).
    static func corpusArguments(_ arguments: [String]) -> [String] {
        arguments.indices.filter { arguments[$0] == "--corpus" && $0 + 1 < arguments.count }.map { arguments[$0 + 1] }
    }

    /// Sizes of the search index against the HTML, and the bytes a browser loads for typical queries:
    /// search.js, meta.js, the shards of the query's terms and the page files of the first ten results.
    static func searchReport(_ size: String, output: String) {
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
        print(String(format: "%@ search index %.1f MB in %d files (%d shards) = %.1f%% of %.1f MB HTML; largest shard %.0f KB",
                     pad(size, 6), Double(total) / 1e6, index.count, shards.count, 100 * Double(total) / Double(max(html, 1)),
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
            print(String(format: "%@ search query %@: %d results, loads %.0f KB (%d shards, %d page files)",
                         pad(size, 6), query as NSString, ranked.count, Double(sum) / 1e3, shardFiles.count, min(10, ranked.count)))
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

    /// `text` followed by spaces up to `width` characters (Foundation's `%-6@` does not pad on Linux).
    static func pad(_ text: String, _ width: Int) -> NSString {
        (text + String(repeating: " ", count: max(0, width - text.count))) as NSString
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func report(_ size: String, _ label: String, _ runs: [Measure], pages: Int) {
        let seconds = median(runs.map(\.seconds))
        print(String(format: "%@ %@ %9.2f %9.0f %10.2f %9.0f   %d", pad(size, 6), pad(label, 22), seconds,
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
