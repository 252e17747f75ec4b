/// A heading of a page, with its stable anchor id.
public struct Heading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var id: String
    public var position: SourcePosition
}

/// A link as written in a body, before it is resolved.
public struct LinkReference: Sendable, Equatable {
    public enum Form: Sendable, Equatable {
        /// `[text](destination)` or `![alt](destination)`
        case markdown(isImage: Bool)
        /// `[[target]]`
        case wiki
    }

    public var destination: String
    public var form: Form
    public var position: SourcePosition
}

/// A parsed body after the passes that do not depend on other pages: internal sections for the
/// audience, heading ids, the list of outgoing links.
public struct MarkdownDocument: Sendable {
    /// The body's tree. A page read back from the page cache keeps it encoded until a page that
    /// shows it is rendered (`LazyNode`): most pages of an incremental build never need it.
    public var root: MarkdownNode {
        get { storedRoot ?? lazyRoot?.node() ?? MarkdownNode(.document, position: .start) }
        set {
            storedRoot = newValue
            lazyRoot = nil
        }
    }
    private var storedRoot: MarkdownNode?
    private var lazyRoot: LazyNode?
    public var headings: [Heading]
    public var links: [LinkReference]
    /// Slugs of headings that were in internal sections this audience does not get.
    public var hiddenHeadingIDs: Set<String> = []

    public static let empty = MarkdownDocument(root: MarkdownNode(.document, position: .start), headings: [], links: [])

    public init(root: MarkdownNode, headings: [Heading], links: [LinkReference]) {
        self.storedRoot = root
        self.headings = headings
        self.links = links
    }

    /// A document whose tree is still encoded (see `root`).
    init(lazyRoot: LazyNode, headings: [Heading], links: [LinkReference]) {
        self.lazyRoot = lazyRoot
        self.headings = headings
        self.links = links
    }

    /// Parses a body and runs the passes. `problems` gets positions and messages about the body itself.
    public static func make(body: String, lineOffset: Int, includeInternal: Bool,
                            problems: inout [(SourcePosition, String)]) -> MarkdownDocument {
        let parsed = MarkdownParser.parse(body, lineOffset: lineOffset, problems: &problems)
        var hidden: [MarkdownNode] = []
        var root = InternalSections.apply(to: parsed, keep: includeInternal, problems: &problems, hidden: &hidden)
        // After the internal sections, so a footnote defined in one never reaches other audiences.
        Footnotes.apply(to: &root, problems: &problems)
        var uniquer = Slug.Uniquer()
        var headings: [Heading] = []
        var links: [LinkReference] = []
        assignHeadingIDs(&root, uniquer: &uniquer, headings: &headings)
        collectLinks(root, into: &links)
        var document = MarkdownDocument(root: root, headings: headings, links: links)
        document.hiddenHeadingIDs = Set(hidden.map { Slug.make($0.plainText) })
        return document
    }

    static func assignHeadingIDs(_ node: inout MarkdownNode, uniquer: inout Slug.Uniquer, headings: inout [Heading]) {
        if case .heading(let level, _) = node.kind {
            let text = node.plainText
            let id = uniquer.unique(Slug.make(text))
            node.kind = .heading(level: level, id: id)
            headings.append(Heading(level: level, text: text, id: id, position: node.position))
            return
        }
        for index in node.children.indices {
            assignHeadingIDs(&node.children[index], uniquer: &uniquer, headings: &headings)
        }
    }

    static func collectLinks(_ node: MarkdownNode, into links: inout [LinkReference]) {
        switch node.kind {
        case .link(let url, _):
            links.append(LinkReference(destination: url, form: .markdown(isImage: false), position: node.position))
        case .image(let url, _):
            links.append(LinkReference(destination: url, form: .markdown(isImage: true), position: node.position))
        case .wikiLink(let target, _):
            links.append(LinkReference(destination: target, form: .wiki, position: node.position))
        default:
            break
        }
        for child in node.children { collectLinks(child, into: &links) }
    }
}
