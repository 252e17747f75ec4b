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
        // GitHub Flavored Markdown and friends, added by the passes in `Extensions/`.
        case table
        case tableHead
        case tableBody
        case tableRow
        case tableCell(header: Bool, alignment: TableAlignment)
        /// The checkbox at the start of a task list item.
        case taskCheckbox(checked: Bool)
        case strikethrough
        /// `> [!NOTE]` and its kin; `kind` is lower-case (`note`, `tip`, `important`, `warning`, `caution`).
        /// A `.calloutTitle` first child, when there is one, replaces the default title.
        case callout(kind: String, folding: CalloutFolding)
        /// The title written after a callout's marker on the same line (`> [!NOTE] 标题`).
        case calloutTitle
        /// `[^label]`: the footnote's number and which reference to it this is (1, 2, ...).
        case footnoteReference(number: Int, occurrence: Int)
        /// The footnotes at the end of a document, in order of first reference.
        case footnoteSection
        /// One footnote; `references` is how often it is referred to (for the back-links).
        case footnote(number: Int, references: Int)
        /// `[^label]: ...` where it was written; the footnotes pass moves it into the section.
        case footnoteDefinition(label: String)
    }

    public enum TableAlignment: String, Sendable {
        case none, left, center, right
    }

    /// `[!NOTE]` is a plain callout, `[!NOTE]-` one that folds and starts shut, `[!NOTE]+` one
    /// that folds and starts open (Obsidian's forms).
    public enum CalloutFolding: String, Sendable {
        case none, collapsed, open
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
        case .footnoteReference, .taskCheckbox, .footnoteSection:
            break
        default:
            for child in children { child.appendPlainText(to: &result) }
        }
    }
}
