/// Renders a `MarkdownNode` tree to HTML as cmark's own renderer does, with links resolved for
/// the page being written. The HTML is written as UTF-8 bytes into one buffer per body and turned
/// into a `String` once, at the end.
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
    private var output: [UInt8] = []

    public init(pagePath: String, unsafeHTML: Bool, links: [ResolvedLink], unavailableText: String = "…",
                titleOf: @escaping (PageRef, String?) -> String? = { _, _ in nil }) {
        self.unavailableText = unavailableText
        self.pagePath = pagePath
        self.unsafeHTML = unsafeHTML
        self.links = links
        self.titleOf = titleOf
    }

    public mutating func render(_ node: MarkdownNode) -> String {
        output = []
        nextLink = 0
        for child in node.children { visit(child, tight: false) }
        defer { output = [] }
        return String(decoding: output, as: UTF8.self)
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
        if let last = output.last, last != 10 { output.append(10) }
    }

    /// Appends `text` as it is.
    private mutating func write(_ text: String) {
        output.append(contentsOf: text.utf8)
    }

    /// Appends `text` with `&`, `<`, `>` and `"` escaped, as `HTML.escape` does, straight from its bytes.
    private mutating func writeEscaped(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in 0..<bytes.count {
                let replacement: StaticString
                switch bytes[index] {
                case 38: replacement = "&amp;"
                case 60: replacement = "&lt;"
                case 62: replacement = "&gt;"
                case 34: replacement = "&quot;"
                default: continue
                }
                if runStart < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                replacement.withUTF8Buffer { output.append(contentsOf: $0) }
                runStart = index + 1
            }
            if runStart < bytes.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count])) }
        }
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
            cr(); write("<blockquote>\n")
            visitChildren(node)
            cr(); write("</blockquote>\n")
        case .list(let ordered, let start, let isTight):
            cr()
            let tasks = TaskLists.count(node)
            // A list of things to do shows how many are done ("3 / 5") through its theme.
            let taskAttributes = tasks.total > 0 ? " class=\"task-list\" data-tasks=\"\(tasks.done) / \(tasks.total)\"" : ""
            if ordered {
                write(start == 1 ? "<ol\(taskAttributes)>\n" : "<ol start=\"\(start)\"\(taskAttributes)>\n")
            } else {
                write("<ul\(taskAttributes)>\n")
            }
            for child in node.children { visit(child, tight: isTight) }
            cr(); write(ordered ? "</ol>\n" : "</ul>\n")
        case .item:
            cr(); write("<li>")
            visitChildren(node, tight: tight)
            write("</li>\n")
        case .codeBlock(let info, let literal):
            cr()
            let language = info.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
            write(language.isEmpty ? "<pre><code>" : "<pre><code class=\"language-\(HTML.escape(language))\">")
            writeEscaped(literal)
            write("</code></pre>\n")
        case .htmlBlock(let html):
            cr()
            write(unsafeHTML ? html : "<!-- raw HTML omitted -->")
            cr()
        case .paragraph:
            if tight {
                visitChildren(node)
            } else {
                cr(); write("<p>")
                visitChildren(node)
                write("</p>\n")
            }
        case .heading(let level, let id):
            cr(); write("<h\(level) id=\"\(HTML.escape(id))\">")
            visitChildren(node)
            write("</h\(level)>\n")
        case .thematicBreak:
            cr(); write("<hr />\n")
        case .text(let text):
            writeEscaped(text)
        case .softBreak:
            write("\n")
        case .lineBreak:
            write("<br />\n")
        case .code(let code):
            write("<code>"); writeEscaped(code); write("</code>")
        case .htmlInline(let html):
            write(unsafeHTML ? html : "<!-- raw HTML omitted -->")
        case .emphasis:
            write("<em>"); visitChildren(node); write("</em>")
        case .strong:
            write("<strong>"); visitChildren(node); write("</strong>")
        case .link(_, let title):
            let link = takeLink()
            guard let href = MarkdownHTML.href(for: link, from: pagePath) else {
                visitChildren(node)
                return
            }
            write("<a href=\"\(HTML.attributeURL(href))\"")
            if !title.isEmpty { write(" title=\"\(HTML.escape(title))\"") }
            if let rel = externalRel, MarkdownHTML.leavesSite(link) { write(" rel=\"\(rel)\"") }
            write(">")
            visitChildren(node)
            write("</a>")
        case .image(_, let title):
            let link = takeLink()
            guard let src = MarkdownHTML.href(for: link, from: pagePath) else {
                writeEscaped(node.plainText)
                return
            }
            write("<img src=\"\(HTML.attributeURL(src))\" alt=\"\(HTML.escape(node.plainText))\"")
            if !title.isEmpty { write(" title=\"\(HTML.escape(title))\"") }
            write(" />")
        case .table:
            cr(); write("<table>\n")
            visitChildren(node)
            write("</table>\n")
        case .tableHead:
            write("<thead>\n"); visitChildren(node); write("</thead>\n")
        case .tableBody:
            write("<tbody>\n"); visitChildren(node); write("</tbody>\n")
        case .tableRow:
            write("<tr>\n"); visitChildren(node); write("</tr>\n")
        case .tableCell(let header, let alignment):
            let tag = header ? "th" : "td"
            // A class, not a style attribute: an encrypted brief's Content-Security-Policy refuses inline styles.
            write(alignment == .none ? "<\(tag)>" : "<\(tag) class=\"align-\(alignment.rawValue)\">")
            visitChildren(node)
            write("</\(tag)>\n")
        case .taskCheckbox(let checked):
            write(checked ? "<input type=\"checkbox\" checked=\"\" disabled=\"\" />" : "<input type=\"checkbox\" disabled=\"\" />")
        case .strikethrough:
            write("<del>"); visitChildren(node); write("</del>")
        case .callout(let kind, let folding):
            cr()
            // One that folds is a <details>, its title the <summary>: no script needed.
            let (tag, titleTag) = folding == .none ? ("div", "p") : ("details", "summary")
            write("<\(tag) class=\"callout callout-\(kind)\"\(folding == .open ? " open=\"\"" : "")>\n<\(titleTag) class=\"callout-title\">")
            var body = node.children[...]
            if let first = body.first, case .calloutTitle = first.kind {
                visitChildren(first)
                body = body.dropFirst()
            } else {
                writeEscaped(calloutTitles[kind] ?? kind.capitalized)
            }
            write("</\(titleTag)>\n")
            for child in body { visit(child, tight: false) }
            cr(); write("</\(tag)>\n")
        case .calloutTitle:
            // Written by its callout; met alone, just its text.
            visitChildren(node)
        case .footnoteReference(let number, let occurrence):
            let id = occurrence == 1 ? "fnref\(number)" : "fnref\(number)-\(occurrence)"
            write("<sup class=\"footnote-ref\"><a href=\"#fn\(number)\" id=\"\(id)\">\(number)</a></sup>")
        case .footnoteSection:
            cr(); write("<section class=\"footnotes\">\n<ol>\n")
            visitChildren(node)
            write("</ol>\n</section>\n")
        case .footnote(let number, let references):
            write("<li id=\"fn\(number)\">\n")
            let backlinks = (1...max(1, references)).map { occurrence in
                let id = occurrence == 1 ? "fnref\(number)" : "fnref\(number)-\(occurrence)"
                let mark = occurrence == 1 ? "↩" : "↩<sup>\(occurrence)</sup>"
                return "<a href=\"#\(id)\" class=\"footnote-backref\">\(mark)</a>"
            }.joined(separator: " ")
            for (index, child) in node.children.enumerated() {
                if index == node.children.count - 1, case .paragraph = child.kind {
                    cr(); write("<p>")
                    visitChildren(child)
                    write(" " + backlinks + "</p>\n")
                } else {
                    visit(child, tight: false)
                }
            }
            if node.children.isEmpty { write(backlinks + "\n") }
            else if case .paragraph = node.children[node.children.count - 1].kind {} else { cr(); write(backlinks + "\n") }
            write("</li>\n")
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
                writeEscaped(text)
                return
            }
            write("<a class=\"wiki\" href=\"\(HTML.attributeURL(href))\">"); writeEscaped(text); write("</a>")
        }
    }
}
