@testable import DossierKit
import Foundation
import Testing

/// The compact form pages are kept in between builds: what is read back renders exactly as what
/// was parsed, and damaged bytes are refused, never a crash or a wrong page.
@Suite("Page cache encoding")
struct PageCacheTests {
    /// Every kind of node the parser and its passes make.
    static let body = """
        ## 问题一：表格与任务

        | 材料 | 页码 | 状态 |
        |:---|:---:|---:|
        | 说明书 | 12 | ~~旧版~~ 新版 |

        - [x] 已提交
        - [ ] 待补正

        3. 第三项

           第二段，带 *强调*、**加粗** 和 `代码`。
        4. 第四项

        > [!WARNING]
        > 注意期限。[^1]

        > 普通引用  
        > 换行之后

        ```swift
        let x = 1 < 2
        ```

        <div class="raw">原样 HTML</div>

        行内 <span>标签</span>，[链接](https://example.com "标题")，![图](assets/seal.svg "印章")，
        [[supplement-period|补正期限]] 与 [[reviewer-memo]]。

        ---

        ### 小标题

        [^1]: 脚注正文，见 [[supplement-period]]。
        """

    static func html(_ document: MarkdownDocument) -> String {
        let links: [ResolvedLink] = document.links.map { $0.form == .wiki ? .broken : .external($0.destination) }
        var renderer = MarkdownHTML(pagePath: "kb/x/index.html", unsafeHTML: true, links: links)
        return renderer.render(document.root)
    }

    static func parsed() -> MarkdownDocument {
        var problems: [(SourcePosition, String)] = []
        return MarkdownDocument.make(body: body, lineOffset: 4, includeInternal: true, problems: &problems)
    }

    @Test("a document read back, eagerly or left encoded until used, renders as the parsed one")
    func roundTrip() throws {
        let original = Self.parsed()
        var writer = BinaryWriter()
        writer.write(original)
        let bytes = writer.bytes
        for lazy in [false, true] {
            let copy: MarkdownDocument = try bytes.withUnsafeBytes { buffer in
                var reader = BinaryReader(buffer, storage: lazy ? bytes : nil)
                let document: MarkdownDocument = try reader.read()
                #expect(reader.isAtEnd)
                return document
            }
            #expect(Self.html(copy) == Self.html(original), "lazy: \(lazy)")
            #expect(copy.headings == original.headings && copy.links == original.links)
            #expect(copy.hiddenHeadingIDs == original.hiddenHeadingIDs)
        }
        // The sample renders what the body holds (so the comparison above is not of two empty pages).
        let html = Self.html(original)
        for part in ["<table>", "checkbox", "<del>", "callout", "<blockquote>", "<br", "language-swift", "class=\"raw\"",
                     "<img", "title=\"标题\"", "footnote", "<h3", "<hr", "start=\"3\""] {
            #expect(html.contains(part), "\(part)")
        }
    }

    @Test("damaged bytes never crash: a changed byte is refused or reads as a document that renders; every cut is refused")
    func damagedBytes() throws {
        var writer = BinaryWriter()
        writer.write(Self.parsed())
        let bytes = writer.bytes
        let reference = Self.html(Self.parsed())
        func read(_ damaged: [UInt8]) -> MarkdownDocument? {
            damaged.withUnsafeBytes { buffer in
                var reader = BinaryReader(buffer, storage: damaged)
                guard let document = try? reader.read(MarkdownDocument.self), reader.isAtEnd else { return nil }
                return document
            }
        }
        var refused = 0
        for index in stride(from: 0, to: bytes.count, by: 7) {
            var damaged = bytes
            damaged[index] ^= 0xA5
            // Either refused, or (a flipped byte inside a text) a document that still renders.
            if let document = read(damaged) { _ = Self.html(document) } else { refused += 1 }
        }
        #expect(refused > 0)
        for length in stride(from: 0, to: bytes.count, by: 5) {
            #expect(read(Array(bytes.prefix(length))) == nil, "cut at \(length)")
        }
    }
}
