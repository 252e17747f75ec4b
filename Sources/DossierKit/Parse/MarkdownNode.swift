/// A node of a parsed Markdown body: cmark's tree copied into Swift values, so it can be kept after
/// the C tree is freed, filtered per audience and rendered with resolved links.
public struct MarkdownNode: Sendable {
    public enum Kind: Sendable {
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        case item
        case codeBlock(info: String, literal: String)
        case htmlBlock(String)
        case paragraph
        /// `id` is filled in by the heading pass.
        case heading(level: Int, id: String)
        case thematicBreak
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case link(url: String, title: String)
        case image(url: String, title: String)
        /// `[[target]]` or `[[target|label]]`, found in text by the wiki-link pass.
        case wikiLink(target: String, label: String?)
    }

    public var kind: Kind
    public var children: [MarkdownNode]
    /// Position in the source file (lines already offset past the front matter).
    public var position: SourcePosition

    public init(_ kind: Kind, children: [MarkdownNode] = [], position: SourcePosition) {
        self.kind = kind
        self.children = children
        self.position = position
    }

    /// The text a reader sees, without markup (for heading titles and slugs).
    public var plainText: String {
        var result = ""
        appendPlainText(to: &result)
        return result
    }

    func appendPlainText(to result: inout String) {
        switch kind {
        case .text(let text), .code(let text):
            result += text
        case .softBreak, .lineBreak:
            result += " "
        case .wikiLink(let target, let label):
            result += label ?? target
        default:
            for child in children { child.appendPlainText(to: &result) }
        }
    }
}
