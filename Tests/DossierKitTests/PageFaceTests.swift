@testable import DossierKit
import Foundation
import Testing
import Yams

/// A page's face is what decides whether other pages are made again when it changes: lists,
/// indexes, link texts, backlinks and related pages show its front matter, its headings are link
/// targets and its links make backlinks. Anything of it missing from the face would leave other
/// pages stale after an edit; its body text is its own page's business.
@Suite("Page faces")
struct PageFaceTests {
    /// A sample page of each kind from the sample site, with the role the loader gives it.
    static let samples: [(path: String, role: ContentRole)] = [
        ("permits/algorithm-filing.md", .page(.permits, id: "algorithm-filing", isFolder: false)),
        ("clients/xingyun-tech.md", .page(.clients, id: "xingyun-tech", isFolder: false)),
        ("kb/algorithm-model-info.md", .page(.kb, id: "algorithm-model-info", isFolder: false)),
        ("filings/xingyun-genai.md", .page(.filings, id: "xingyun-genai", isFolder: false)),
        ("filings/xingyun-algorithm/index.md", .page(.filings, id: "xingyun-algorithm", isFolder: true)),
    ]

    static let body = """

        ## 需要写到什么程度？

        说明模型名称与版本，参见 [算法备案](../permits/algorithm-filing.md) 与 [[genai-filing]]。

        ## 调用的第三方大模型要写备案号吗？

        要。写明其模型名称和备案号。
        """

    /// The digest the parse gives a page file with this text.
    static func face(_ text: String, _ sample: (path: String, role: ContentRole)) -> String {
        let data = Data(text.utf8)
        let file = SourceFile(relativePath: sample.path, displayPath: "Content/" + sample.path, data: data,
                              hash: fnv1a(data), role: sample.role)
        return ContentParser(includeInternal: true).parsePage(file).face
    }

    /// A page: front matter written from `node`, then `body`.
    static func page(_ node: Yams.Node, body: String) throws -> String {
        "---\n" + (try Yams.serialize(node: node, allowUnicode: true)) + "---\n" + body
    }

    /// The sample's front matter and body, as written.
    static func read(_ path: String) throws -> (frontMatter: Yams.Node, body: String) {
        let text = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("Content/" + path), encoding: .utf8)
        guard case .success(let split) = FrontMatter.split(text), let node = try Yams.compose(yaml: split.yaml) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return (node, split.body)
    }

    /// Every way of changing one value of `node` (each scalar anywhere in it), named by its path.
    static func changes(_ node: Yams.Node, at path: String = "") -> [(path: String, node: Yams.Node)] {
        switch node {
        case .scalar(var scalar):
            scalar.string += scalar.string.isEmpty ? "changed" : "1"
            return [(path, .scalar(scalar))]
        case .mapping(let mapping):
            let pairs = Array(mapping)
            return pairs.indices.flatMap { index in
                let key = pairs[index].key.string ?? "?"
                return changes(pairs[index].value, at: path.isEmpty ? key : path + "." + key).map { change in
                    var changed = pairs.map { ($0.key, $0.value) }
                    changed[index].1 = change.node
                    return (change.path, Yams.Node.mapping(Yams.Node.Mapping(changed, mapping.tag, mapping.style)))
                }
            }
        case .sequence(let sequence):
            let items = Array(sequence)
            return items.indices.flatMap { index in
                changes(items[index], at: "\(path)[\(index)]").map { change in
                    var changed = items
                    changed[index] = change.node
                    return (change.path, Yams.Node.sequence(Yams.Node.Sequence(changed, sequence.tag, sequence.style)))
                }
            }
        case .alias:
            return []
        }
    }

    @Test("changing any value of the front matter of a page of any kind changes its face", arguments: samples)
    func frontMatterValues(_ path: String, _ role: ContentRole) throws {
        let sample = (path, role)
        let (frontMatter, body) = try Self.read(path)
        let before = Self.face(try Self.page(frontMatter, body: body), sample)
        let changes = Self.changes(frontMatter)
        // Every key of the sample is changed at least once (nested values count for their key).
        let keys = Set(changes.map { String($0.path.prefix { $0 != "." && $0 != "[" }) })
        #expect(keys == Set(frontMatter.mapping?.keys.compactMap(\.string) ?? []))
        #expect(keys.count >= 3)
        for change in changes {
            #expect(Self.face(try Self.page(change.node, body: body), sample) != before, "\(path): \(change.path)")
        }
    }

    @Test("a key no reader knows yet is part of the face", arguments: samples)
    func unknownKey(_ path: String, _ role: ContentRole) throws {
        let (frontMatter, body) = try Self.read(path)
        guard case .mapping(var mapping) = frontMatter else { throw CocoaError(.fileReadCorruptFile) }
        mapping[Yams.Node("added_later")] = Yams.Node("一")
        let first = Self.face(try Self.page(.mapping(mapping), body: body), (path, role))
        mapping[Yams.Node("added_later")] = Yams.Node("二")
        #expect(Self.face(try Self.page(.mapping(mapping), body: body), (path, role)) != first)
    }

    @Test("headings and links change the face; the body's text does not", arguments: samples)
    func body(_ path: String, _ role: ContentRole) throws {
        let sample = (path, role)
        let (frontMatter, _) = try Self.read(path)
        func face(_ body: String) throws -> String { Self.face(try Self.page(frontMatter, body: body), sample) }
        let before = try face(Self.body)
        let edits: [(String, String, changes: Bool)] = [
            ("要。写明其模型名称和备案号。", "要。写明模型名称、版本和备案号，并附接口说明。", false),
            ("说明模型名称与版本，", "说明模型的名称、版本与来源，", false),
            ("## 需要写到什么程度？", "## 需要写到多细？", true),
            ("## 调用的", "### 调用的", true),
            ("(../permits/algorithm-filing.md)", "(../permits/genai-filing.md)", true),
            ("[[genai-filing]]", "[[algorithm-filing]]", true),
            ("[[genai-filing]]", "[[genai-filing#材料]]", true),
            ("[算法备案](", "![算法备案](", true),
        ]
        for (old, new, changes) in edits {
            #expect(Self.body.contains(old))
            let after = try face(Self.body.replacingOccurrences(of: old, with: new))
            #expect((after != before) == changes, "\(path): '\(old)' → '\(new)'")
        }
    }

    @Test("an alias bomb's face is made at once from its text, and still changes with it")
    func aliasBomb() {
        func bomb(_ word: String) -> String {
            var text = "---\ntitle: T\na: &a [" + Array(repeating: "\"\(word)\"", count: 9).joined(separator: ",") + "]\n"
            for (name, previous) in zip(["b", "c", "d", "e", "f", "g", "h", "i"], ["a", "b", "c", "d", "e", "f", "g", "h"]) {
                text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            }
            return text + "tags: *i\n---\n"
        }
        let sample = ("kb/bomb.md", ContentRole.page(.kb, id: "bomb", isFolder: false))
        let start = Date()
        #expect(Self.face(bomb("lol"), sample) != Self.face(bomb("lul"), sample))
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test("the face is the same whether the page is parsed or read back from the page cache")
    func cachedFace() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Output").path
        let options = TestSupport.options(content: TestSupport.packageRoot.appendingPathComponent("Content").path, output: output)
        _ = try Pipeline().run(options, write: true)
        let key = CacheKeys.pageCache(includeInternal: true)
        let cache = try #require(ParseCache.load(output: output, key: key, fileSystem: .local))
        for sample in Self.samples {
            let text = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("Content/" + sample.path), encoding: .utf8)
            #expect(cache.entries[sample.path]?.face == Self.face(text, sample), "\(sample.path)")
        }
    }
}
