/// Renders a `MarkdownNode` tree to HTML as cmark's own renderer does, with links resolved for
/// the page being written.
public struct MarkdownHTML {
    /// Output path of the page being rendered (relative to the output folder), for relative links.
    public var pagePath: String
    public var unsafeHTML: Bool
    /// Resolved links in the order the document lists them; consumed as link nodes are met.
    public var links: [ResolvedLink]
    /// Titles for wiki links written without a label.
    public var titleOf: (PageRef, String?) -> String?
    /// Shown for a `[[wiki link]]` without a label whose page this build leaves out: its id could
    /// name confidential material, so it is never shown.
    public var unavailableText: String
    /// Titles of callouts by kind (`note`, `tip`, `important`, `warning`, `caution`).
    public var calloutTitles: [String: String] = [:]
    /// `rel` of links to other sites (`noopener noreferrer` on private sites); nil writes none.
    public var externalRel: String?

    private var nextLink = 0
    private var output = ""

    public init(pagePath: String, unsafeHTML: Bool, links: [ResolvedLink], unavailableText: String = "…",
                titleOf: @escaping (PageRef, String?) -> String? = { _, _ in nil }) {
        self.unavailableText = unavailableText
        self.pagePath = pagePath
        self.unsafeHTML = unsafeHTML
        self.links = links
        self.titleOf = titleOf
    }

    public mutating func render(_ node: MarkdownNode) -> String {
        output = ""
        nextLink = 0
        for child in node.children { visit(child, tight: false) }
        return output
    }

    /// The href for a resolved link from this page; nil when it is to be shown as plain text.
    public static func href(for link: ResolvedLink, from pagePath: String) -> String? {
        switch link {
        case .page(let ref, let fragment):
            return relative(ref.outputPath, from: pagePath) + (fragment.map { "#" + HTML.encodePath($0) } ?? "")
        case .file(let path, let fragment):
            return relative(path, from: pagePath) + (fragment.map { "#" + HTML.encodePath($0) } ?? "")
        case .anchor(let fragment):
            return "#" + HTML.encodePath(fragment)
        case .external(let url):
            return url
        case .unavailable, .broken:
            return nil
        }
    }

    /// Whether a link goes to another site: an external address with a scheme (`https:`,
    /// `mailto:`) or a network path (`//host/...`).
    public static func leavesSite(_ link: ResolvedLink) -> Bool {
        guard case .external(let url) = link else { return false }
        if url.hasPrefix("//") { return true }
        guard let colon = url.firstIndex(of: ":"), let first = url.first, first.isASCII, first.isLetter else { return false }
        return url[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    /// A path relative to the output folder, made relative to the page at `from`.
    public static func relative(_ target: String, from pagePath: String) -> String {
        let depth = pagePath.utf8.reduce(0) { $0 + ($1 == 47 ? 1 : 0) }
        return String(repeating: "../", count: depth) + HTML.encodePath(target)
    }

    private mutating func cr() {
        if let last = output.utf8.last, last != 10 { output += "\n" }
    }

    private mutating func takeLink() -> ResolvedLink {
        defer { nextLink += 1 }
        return nextLink < links.count ? links[nextLink] : .broken
    }

    private mutating func visitChildren(_ node: MarkdownNode, tight: Bool = false) {
        for child in node.children { visit(child, tight: tight) }
    }

    private mutating func visit(_ node: MarkdownNode, tight: Bool) {
        switch node.kind {
        case .document:
            visitChildren(node)
        case .blockQuote:
            cr(); output += "<blockquote>\n"
            visitChildren(node)
            cr(); output += "</blockquote>\n"
        case .list(let ordered, let start, let isTight):
            cr()
            let tasks = TaskLists.count(node)
            // A list of things to do shows how many are done ("3 / 5") through its theme.
            let taskAttributes = tasks.total > 0 ? " class=\"task-list\" data-tasks=\"\(tasks.done) / \(tasks.total)\"" : ""
            if ordered {
                output += start == 1 ? "<ol\(taskAttributes)>\n" : "<ol start=\"\(start)\"\(taskAttributes)>\n"
            } else {
                output += "<ul\(taskAttributes)>\n"
            }
            for child in node.children { visit(child, tight: isTight) }
            cr(); output += ordered ? "</ol>\n" : "</ul>\n"
        case .item:
            cr(); output += "<li>"
            visitChildren(node, tight: tight)
            output += "</li>\n"
        case .codeBlock(let info, let literal):
            cr()
            let language = info.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
            output += language.isEmpty ? "<pre><code>" : "<pre><code class=\"language-\(HTML.escape(language))\">"
            output += HTML.escape(literal)
            output += "</code></pre>\n"
        case .htmlBlock(let html):
            cr()
            output += unsafeHTML ? html : "<!-- raw HTML omitted -->"
            cr()
        case .paragraph:
            if tight {
                visitChildren(node)
            } else {
                cr(); output += "<p>"
                visitChildren(node)
                output += "</p>\n"
            }
        case .heading(let level, let id):
            cr(); output += "<h\(level) id=\"\(HTML.escape(id))\">"
            visitChildren(node)
            output += "</h\(level)>\n"
        case .thematicBreak:
            cr(); output += "<hr />\n"
        case .text(let text):
            output += HTML.escape(text)
        case .softBreak:
            output += "\n"
        case .lineBreak:
            output += "<br />\n"
        case .code(let code):
            output += "<code>" + HTML.escape(code) + "</code>"
        case .htmlInline(let html):
            output += unsafeHTML ? html : "<!-- raw HTML omitted -->"
        case .emphasis:
            output += "<em>"; visitChildren(node); output += "</em>"
        case .strong:
            output += "<strong>"; visitChildren(node); output += "</strong>"
        case .link(_, let title):
            let link = takeLink()
            guard let href = MarkdownHTML.href(for: link, from: pagePath) else {
                visitChildren(node)
                return
            }
            output += "<a href=\"\(HTML.attributeURL(href))\""
            if !title.isEmpty { output += " title=\"\(HTML.escape(title))\"" }
            if let rel = externalRel, MarkdownHTML.leavesSite(link) { output += " rel=\"\(rel)\"" }
            output += ">"
            visitChildren(node)
            output += "</a>"
        case .image(_, let title):
            let link = takeLink()
            guard let src = MarkdownHTML.href(for: link, from: pagePath) else {
                output += HTML.escape(node.plainText)
                return
            }
            output += "<img src=\"\(HTML.attributeURL(src))\" alt=\"\(HTML.escape(node.plainText))\""
            if !title.isEmpty { output += " title=\"\(HTML.escape(title))\"" }
            output += " />"
        case .table:
            cr(); output += "<table>\n"
            visitChildren(node)
            output += "</table>\n"
        case .tableHead:
            output += "<thead>\n"; visitChildren(node); output += "</thead>\n"
        case .tableBody:
            output += "<tbody>\n"; visitChildren(node); output += "</tbody>\n"
        case .tableRow:
            output += "<tr>\n"; visitChildren(node); output += "</tr>\n"
        case .tableCell(let header, let alignment):
            let tag = header ? "th" : "td"
            // A class, not a style attribute: an encrypted brief's Content-Security-Policy refuses inline styles.
            output += alignment == .none ? "<\(tag)>" : "<\(tag) class=\"align-\(alignment.rawValue)\">"
            visitChildren(node)
            output += "</\(tag)>\n"
        case .taskCheckbox(let checked):
            output += checked ? "<input type=\"checkbox\" checked=\"\" disabled=\"\" />" : "<input type=\"checkbox\" disabled=\"\" />"
        case .strikethrough:
            output += "<del>"; visitChildren(node); output += "</del>"
        case .callout(let kind, let folding):
            cr()
            // One that folds is a <details>, its title the <summary>: no script needed.
            let (tag, titleTag) = folding == .none ? ("div", "p") : ("details", "summary")
            output += "<\(tag) class=\"callout callout-\(kind)\"\(folding == .open ? " open=\"\"" : "")>\n<\(titleTag) class=\"callout-title\">"
            var body = node.children[...]
            if let first = body.first, case .calloutTitle = first.kind {
                visitChildren(first)
                body = body.dropFirst()
            } else {
                output += HTML.escape(calloutTitles[kind] ?? kind.capitalized)
            }
            output += "</\(titleTag)>\n"
            for child in body { visit(child, tight: false) }
            cr(); output += "</\(tag)>\n"
        case .calloutTitle:
            // Written by its callout; met alone, just its text.
            visitChildren(node)
        case .footnoteReference(let number, let occurrence):
            let id = occurrence == 1 ? "fnref\(number)" : "fnref\(number)-\(occurrence)"
            output += "<sup class=\"footnote-ref\"><a href=\"#fn\(number)\" id=\"\(id)\">\(number)</a></sup>"
        case .footnoteSection:
            cr(); output += "<section class=\"footnotes\">\n<ol>\n"
            visitChildren(node)
            output += "</ol>\n</section>\n"
        case .footnote(let number, let references):
            output += "<li id=\"fn\(number)\">\n"
            let backlinks = (1...max(1, references)).map { occurrence in
                let id = occurrence == 1 ? "fnref\(number)" : "fnref\(number)-\(occurrence)"
                let mark = occurrence == 1 ? "↩" : "↩<sup>\(occurrence)</sup>"
                return "<a href=\"#\(id)\" class=\"footnote-backref\">\(mark)</a>"
            }.joined(separator: " ")
            for (index, child) in node.children.enumerated() {
                if index == node.children.count - 1, case .paragraph = child.kind {
                    cr(); output += "<p>"
                    visitChildren(child)
                    output += " " + backlinks + "</p>\n"
                } else {
                    visit(child, tight: false)
                }
            }
            if node.children.isEmpty { output += backlinks + "\n" }
            else if case .paragraph = node.children[node.children.count - 1].kind {} else { cr(); output += backlinks + "\n" }
            output += "</li>\n"
        case .footnoteDefinition:
            // Moved into the footnote section by the footnotes pass; one left here is not referred to.
            break
        case .wikiLink(let target, let label):
            let link = takeLink()
            var text = label ?? target
            if label == nil, case .page(let ref, let fragment) = link, let title = titleOf(ref, fragment) {
                text = title
            }
            if label == nil, link == .unavailable { text = unavailableText }
            guard let href = MarkdownHTML.href(for: link, from: pagePath) else {
                output += HTML.escape(text)
                return
            }
            output += "<a class=\"wiki\" href=\"\(HTML.attributeURL(href))\">\(HTML.escape(text))</a>"
        }
    }
}
