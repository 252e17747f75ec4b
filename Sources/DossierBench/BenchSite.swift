import Foundation

/// One site the benchmark builds with Dossier and with Hugo: a synthetic corpus of a given size
/// (written by `Corpus` into `.bench/<pages>`), or a prepared one (`--corpus DIR`, with
/// `DIR/Content` and `DIR/hugo`, as `../shared/tools/lawcorpus.py` writes them).
struct BenchSite {
    /// What the report's first column says: the page count or the corpus folder's name.
    var label: String
    /// The synthetic size, for the scaling line; nil for a prepared corpus.
    var pages: Int?
    var content: URL
    var hugo: URL
    /// Where Dossier's output and caches go (beside `content`).
    var output: URL

    /// The synthetic corpus of `pages` pages, written first if it is not there.
    static func synthetic(pages: Int) throws -> BenchSite {
        let root = URL(fileURLWithPath: ".bench/\(pages)")
        if !FileManager.default.fileExists(atPath: root.appendingPathComponent("dossier/Content/site.yml").path) {
            try Corpus(pages: pages).write(to: root)
        }
        return BenchSite(label: String(pages), pages: pages,
                         content: root.appendingPathComponent("dossier/Content"),
                         hugo: root.appendingPathComponent("hugo"),
                         output: root.appendingPathComponent("dossier/Output"))
    }

    /// A prepared corpus: `DIR/Content` (a Dossier site) and `DIR/hugo` (the same pages as a Hugo
    /// site with the benchmark's layouts). Nothing is generated; the outputs go to `DIR/Output` and
    /// `DIR/hugo/public`.
    static func prepared(_ directory: String) -> BenchSite? {
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        let content = root.appendingPathComponent("Content")
        guard FileManager.default.fileExists(atPath: content.appendingPathComponent("site.yml").path) else { return nil }
        return BenchSite(label: root.lastPathComponent, pages: nil, content: content,
                         hugo: root.appendingPathComponent("hugo"), output: root.appendingPathComponent("Output"))
    }

    /// The page caches a build leaves beside its output (see `CachePolicy`).
    var caches: [String] {
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        return [".\(name).dossier-cache", ".\(name).dossier-pages"].map { parent.appendingPathComponent($0).path }
    }

    /// The article whose body and title the incremental runs edit: `kb/a1.md` in a synthetic
    /// corpus, else the first article by name.
    var editedArticle: URL? {
        let kb = content.appendingPathComponent("kb")
        let first = kb.appendingPathComponent("a1.md")
        if FileManager.default.fileExists(atPath: first.path) { return first }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: kb.path)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
        return names.first.map { kb.appendingPathComponent($0) }
    }
}
