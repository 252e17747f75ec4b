@testable import DossierKit
import Foundation
import Testing
import Yams

/// Front matter is read straight from libyaml's events (`FlatYAML`) where it can be, and through
/// Yams otherwise. A user must not be able to tell which: every sample and fixture file, and a set
/// of awkward snippets, is read both ways and must give the same nodes (texts, styles, lines and
/// columns), the same declared values with their positions, the same diagnostics and the same
/// page face (which decides what an incremental build makes again).
@Suite("YAML fast path")
struct YAMLFastPathTests {
    /// The sample site and every fixture site.
    static var roots: [String] {
        let fixtures = TestSupport.packageRoot.appendingPathComponent("Tests/Fixtures")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return [TestSupport.packageRoot.appendingPathComponent("Content").path]
            + names.sorted().map { fixtures.appendingPathComponent($0).path }
    }

    /// Every file under `root` whose name ends in `.md`, `.yml` or `.yaml`, by relative path.
    static func yamlFiles(in root: String) -> [(relative: String, data: Data)] {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [(String, Data)] = []
        while let relative = walker.nextObject() as? String {
            guard relative.hasSuffix(".md") || relative.hasSuffix(".yml") || relative.hasSuffix(".yaml"),
                  let data = FileManager.default.contents(atPath: root + "/" + relative) else { continue }
            files.append((relative, data))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    /// The YAML of a file: its front matter (a Markdown file) or all of it, and the line it starts on.
    static func yaml(of relative: String, _ data: Data) -> (text: String, lineOffset: Int)? {
        guard case .success(let text) = TextDecoding.decode(data) else { return nil }
        guard relative.hasSuffix(".md") else { return (text, 0) }
        guard case .success(let front) = FrontMatter.split(text) else { return nil }
        return (front.yaml, front.yamlFirstLine - 1)
    }

    /// Differences between two nodes, by path: kind, text, style, line and column, keys and items.
    static func differences(_ fast: YAMLNode, _ yams: YAMLNode, at path: String = "") -> [String] {
        var found: [String] = []
        let fastMark = fast.mark.map { "\($0.line):\($0.column)" } ?? "none"
        let yamsMark = yams.mark.map { "\($0.line):\($0.column)" } ?? "none"
        if fastMark != yamsMark { found.append("\(path): at \(fastMark) vs \(yamsMark)") }
        switch (fast.shape, yams.shape) {
        case (.scalar, .scalar):
            let (a, b) = (fast.scalar, yams.scalar)
            if a?.string != b?.string { found.append("\(path): '\(a?.string ?? "")' vs '\(b?.string ?? "")'") }
            if a?.style != b?.style { found.append("\(path): style \(String(describing: a?.style)) vs \(String(describing: b?.style))") }
        case (.mapping, .mapping):
            let (a, b) = (fast.pairs ?? [], yams.pairs ?? [])
            if a.count != b.count { found.append("\(path): \(a.count) keys vs \(b.count)") }
            for (x, y) in zip(a, b) {
                let name = path + "." + (y.key.string ?? "?")
                found += differences(x.key, y.key, at: name + "(key)") + differences(x.value, y.value, at: name)
            }
        case (.sequence, .sequence):
            let (a, b) = (fast.items ?? [], yams.items ?? [])
            if a.count != b.count { found.append("\(path): \(a.count) items vs \(b.count)") }
            for (index, (x, y)) in zip(a, b).enumerated() { found += differences(x, y, at: "\(path)[\(index)]") }
        default:
            found.append("\(path): \(fast.shape) vs \(yams.shape)")
        }
        return found
    }

    /// Reads `text` both ways; the differences, and whether the fast path read it itself.
    static func compare(_ text: String, lineOffset: Int = 0) -> (differences: [String], fast: Bool) {
        let fastRead = YAMLText.read(text, path: "x.md", lineOffset: lineOffset, fastPath: true)
        let yamsRead = YAMLText.read(text, path: "x.md", lineOffset: lineOffset, fastPath: false)
        let tookFastPath: Bool
        switch FlatYAML.read(text) {
        case .document, .empty: tookFastPath = true
        case .unsupported: tookFastPath = false
        }
        switch (fastRead, yamsRead) {
        case (.success(let a?), .success(let b?)):
            var found = differences(a, b)
            if digest(a, text) != digest(b, text) { found.append("page faces differ") }
            return (found, tookFastPath)
        case (.success(nil), .success(nil)):
            return ([], tookFastPath)
        case (.failure(let a), .failure(let b)):
            return (a == b ? [] : ["\(a) vs \(b)"], tookFastPath)
        default:
            return (["one path read it, the other did not: \(fastRead) vs \(yamsRead)"], tookFastPath)
        }
    }

    static func digest(_ node: YAMLNode, _ text: String) -> String {
        PageFace(role: .page(.kb, id: "x", isFolder: false), node: node, text: text, document: .empty).digest
    }

    @Test("every sample and fixture file's YAML gives the same nodes, positions and face both ways", arguments: roots)
    func sameNodes(root: String) throws {
        var fastCount = 0
        var total = 0
        for (relative, data) in Self.yamlFiles(in: root) {
            guard let (text, lineOffset) = Self.yaml(of: relative, data) else { continue }
            let (found, fast) = Self.compare(text, lineOffset: lineOffset)
            #expect(found.isEmpty, "\(root)/\(relative): \(found.joined(separator: "; "))")
            total += 1
            if fast { fastCount += 1 }
        }
        // The fast path must be the one that reads the sample site, not a path nothing takes.
        if root.hasSuffix("/Content") {
            #expect(total > 20, "no YAML found under \(root)")
            #expect(fastCount == total, "\(total - fastCount) of \(total) sample files fell back to Yams")
        }
    }

    @Test("every sample and fixture site parses to the same values, positions and diagnostics both ways", arguments: roots)
    func sameParse(root: String) throws {
        let loaded = try ContentLoader().load(root: root)
        var fastParser = ContentParser(includeInternal: true)
        var yamsParser = ContentParser(includeInternal: true)
        yamsParser.yamlFastPath = false
        fastParser.yamlFastPath = true
        var pages = 0
        for file in loaded.files {
            guard case .page(let kind, let id, _) = file.role else { continue }
            pages += 1
            var fastProblems: [Diagnostic] = []
            var yamsProblems: [Diagnostic] = []
            let fast = fastParser.page(file, id: id, diagnostics: &fastProblems)
            let yams = yamsParser.page(file, id: id, diagnostics: &yamsProblems)
            #expect((fast == nil) == (yams == nil), "\(file.displayPath): read by one path only")
            guard let fast, let yams else {
                #expect(fastProblems == yamsProblems, "\(file.displayPath)")
                continue
            }
            let fastValues = fastParser.declared(kind.schema, fast, diagnostics: &fastProblems)
            let yamsValues = yamsParser.declared(kind.schema, yams, diagnostics: &yamsProblems)
            var a = BinaryWriter()
            var b = BinaryWriter()
            a.write(fastValues)
            b.write(yamsValues)
            #expect(a.bytes == b.bytes, "\(file.displayPath): declared values differ")
            #expect(fastProblems == yamsProblems, "\(file.displayPath): \(fastProblems) vs \(yamsProblems)")
            #expect(fast.face.digest == yams.face.digest, "\(file.displayPath): faces differ")
        }
        // Some fixture folders are not sites (a theme, expected outputs); the sample is one.
        if root.hasSuffix("/Content") { #expect(pages > 20) }
        // site.yml and calendars too, through the whole parse stage.
        #expect(fastParser.parse(loaded.files).diagnostics == yamsParser.parse(loaded.files).diagnostics)
    }

    /// YAML a hand may write, most of it beyond what the fast path reads itself.
    static let snippets: [String] = [
        "title: 备案\ndate: 2025-01-02\n",
        "title: '单引号'\nsummary: \"双引号 \\u00e9 \\0 end\"\n",
        "note: |\n  第一行\n  第二行\nother: >\n  folded\n  text\n",
        "list: [a, b, 'c']\nmap: {x: 1, y: [2, 3]}\n",
        "list:\n- a\n-\n- - nested\n  - more\n- k: v\n  k2: v2\n",
        "empty:\nnull: ~\nquoted: ''\n",
        "# only a comment\n",
        "",
        "a: &anchor x\nb: *anchor\n",
        "a: !!str 12\nb: !custom x\n",
        "? [complex, key]\n: value\n",
        "a: 1\na: 2\n",
        "a: 1\n'a': 2\n",
        "title: 备案: 需要哪些材料？\n",
        "a:\n\t- tab\n",
        "%YAML 1.1\n---\na: 1\n",
        "a: 1\n---\nb: 2\n",
        "- just\n- a list\n",
        "plain scalar",
        "a: [unclosed\n",
        "a: \"unterminated\n",
        "é: composed\ne\u{301}: decomposed\n",
        "key with spaces: v\n\"quoted key\": w\n",
        "a:\n  b:\n    c: deep\n  d: [x, {e: f}]\n",
        "--- \na: explicit start\n...\n",
    ]

    @Test("awkward YAML gives the same nodes or the same error both ways", arguments: snippets)
    func sameForSnippets(snippet: String) {
        let (found, _) = Self.compare(snippet, lineOffset: 3)
        #expect(found.isEmpty, "\(found.joined(separator: "; "))")
    }

    @Test("the fast path reads plain front matter itself and leaves anchors, tags, repeated keys and errors to Yams")
    func fastPathCoverage() {
        func fast(_ text: String) -> Bool {
            if case .unsupported = FlatYAML.read(text) { return false }
            return true
        }
        #expect(fast("title: 备案\ntags: [a, b]\nmemo:\n  purpose: x\n"))
        #expect(fast("# comment\n"))
        #expect(!fast("a: &x 1\nb: *x\n"))
        #expect(!fast("a: !!str 1\n"))
        #expect(!fast("a: 1\na: 2\n"))
        #expect(!fast("? [k]\n: v\n"))
        #expect(!fast("a: [unclosed\n"))
        #expect(!fast("a: 1\n---\nb: 2\n"))
    }
}
