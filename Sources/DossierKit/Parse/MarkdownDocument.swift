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

    /// Parses a body and runs the passes. `problems` gets positions and messages about the body
    /// itself; problems with internal markers go there too (see the variant with `errors`).
    public static func make(body: String, lineOffset: Int, includeInternal: Bool,
                            problems: inout [(SourcePosition, String)]) -> MarkdownDocument {
        var errors: [(SourcePosition, String)] = []
        let document = make(body: body, lineOffset: lineOffset, includeInternal: includeInternal, problems: &problems, errors: &errors)
        problems += errors
        return document
    }

    /// As above; `errors` gets what must stop a build: a misplaced or unbalanced internal marker
    /// in a body built for another audience than the internal wiki (there it is a warning).
    public static func make(body: String, lineOffset: Int, includeInternal: Bool,
                            problems: inout [(SourcePosition, String)], errors: inout [(SourcePosition, String)]) -> MarkdownDocument {
        // Internal sections go before cmark sees the text (see `InternalSections`).
        let prepared = InternalSections.prepare(body, lineOffset: lineOffset, keep: includeInternal)
        if includeInternal { problems += prepared.problems } else { errors += prepared.problems }
        let parsed = MarkdownParser.parse(prepared.text, lineOffset: lineOffset, problems: &problems)
        // Marker comments are HTML nodes, copied from the text: without `<!--` there is none to take out.
        var root = prepared.text.has("<!--") ? InternalSections.removeMarkers(parsed) : parsed
        // A footnote referred to only in a cut internal section is not unused.
        let cutText = prepared.cutLines.isEmpty ? "" : body.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { line in prepared.cutLines.contains { $0.contains(line.offset + 1) } }.map { String($0.element) }.joined(separator: "\n")
        // A definition is written `[^label]:`; a source without `[^` has none.
        Footnotes.apply(to: &root, problems: &problems, cutText: cutText, mayHoldDefinitions: prepared.text.has("[^"))
        var uniquer = Slug.Uniquer()
        var headings: [Heading] = []
        var links: [LinkReference] = []
        assignHeadingIDsAndCollectLinks(&root, uniquer: &uniquer, headings: &headings, links: &links)
        var document = MarkdownDocument(root: root, headings: headings, links: links)
        if !prepared.cutLines.isEmpty {
            // The headings that were cut, so links to them can be told from links to headings
            // that never existed: those of the text as written, on lines that were cut and hold
            // no heading now.
            var ignored: [(SourcePosition, String)] = []
            var written: [MarkdownNode] = []
            InternalSections.collectHeadings(MarkdownParser.parse(body, lineOffset: lineOffset, problems: &ignored), into: &written)
            let kept = Set(headings.map(\.position.line))
            let hidden = written.filter { heading in
                !kept.contains(heading.position.line)
                    && prepared.cutLines.contains { $0.contains(heading.position.line - lineOffset) }
            }
            document.hiddenHeadingIDs = Set(hidden.map { Slug.make($0.plainText) })
        }
        return document
    }

    /// One walk in document order: gives each heading its id (as `assignHeadingIDs`) and lists
    /// the links (as `collectLinks`).
    static func assignHeadingIDsAndCollectLinks(_ node: inout MarkdownNode, uniquer: inout Slug.Uniquer,
                                                headings: inout [Heading], links: inout [LinkReference]) {
        switch node.kind {
        case .heading(let level, _):
            let text = node.plainText
            let id = uniquer.unique(Slug.make(text))
            node.kind = .heading(level: level, id: id)
            headings.append(Heading(level: level, text: text, id: id, position: node.position))
            for index in node.children.indices { collectLinks(node.children[index], into: &links) }
            return
        case .paragraph, .table:
            // Inline content: links, but no heading.
            for index in node.children.indices { collectLinks(node.children[index], into: &links) }
            return
        case .link(let url, _):
            links.append(LinkReference(destination: url, form: .markdown(isImage: false), position: node.position))
        case .image(let url, _):
            links.append(LinkReference(destination: url, form: .markdown(isImage: true), position: node.position))
        case .wikiLink(let target, _):
            links.append(LinkReference(destination: target, form: .wiki, position: node.position))
        case .text, .code, .codeBlock, .htmlBlock, .htmlInline, .softBreak, .lineBreak, .thematicBreak:
            return
        default:
            break
        }
        for index in node.children.indices {
            assignHeadingIDsAndCollectLinks(&node.children[index], uniquer: &uniquer, headings: &headings, links: &links)
        }
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
        case .text, .code, .codeBlock, .htmlBlock, .htmlInline, .softBreak, .lineBreak:
            return
        default:
            break
        }
        for index in node.children.indices { collectLinks(node.children[index], into: &links) }
    }
}
