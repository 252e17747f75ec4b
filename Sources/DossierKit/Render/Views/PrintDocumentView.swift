/// The one HTML document `dossier pdf` prints (template `pdf`): the cover, the contents with
/// page numbers, then every part (a filing, a reply letter, an article of the appendix) as its
/// own page template rendered it, links already pointing inside the document.
struct PrintDocumentView: TemplateView {
    var ui: TemplateValue
    var lang: String
    /// The document's title (`<title>`, which becomes the PDF's title too).
    var title: String
    /// The theme's stylesheet, relative to the document.
    var css: String
    var organization: String
    /// The client the brief is for (empty for an internal document of every client).
    var client: String
    var today: String
    var todayText: String
    /// The mark on the cover: confidential, and for the internal audience, internal.
    var mark: String
    /// `counter(page)` / `counter(pages)` in the language's words, as a CSS `content` value.
    var footerContent: String
    /// The running header of the cover's and contents' pages, as a CSS `content` value.
    var headContent: String
    var runningHeads: [RunningHeadView]
    var contents: [PrintContentsEntryView]
    var parts: [PrintPartView]

    static let fields = ViewFields<PrintDocumentView>("print document", [
        .strings("ui") { $0.ui },
        .text("lang") { $0.lang },
        .text("title") { $0.title },
        .text("css") { $0.css },
        .text("organization") { $0.organization },
        .text("client") { $0.client },
        .text("today") { $0.today },
        .text("todayText") { $0.todayText },
        .text("mark") { $0.mark },
        .html("footerContent") { $0.footerContent },
        .html("headContent") { $0.headContent },
        .views("runningHeads") { $0.runningHeads },
        .views("contents") { $0.contents },
        .views("parts") { $0.parts },
    ])
}

/// The running header of one named page (`@page NAME`): its CSS `content` value, already escaped.
struct RunningHeadView: TemplateView {
    var name: String
    var content: String

    static let fields = ViewFields<RunningHeadView>("running header", [
        .text("name") { $0.name },
        .html("content") { $0.content },
    ])
}

/// A line of the contents: what it names, where it is, and the page it starts on (empty on the
/// first printing, before the page numbers are known).
struct PrintContentsEntryView: TemplateView {
    var title: String
    var anchor: String
    var page: String
    /// 1 for a filing or the appendix, 2 for a reply letter or an article.
    var level: Int

    static let fields = ViewFields<PrintContentsEntryView>("contents entry", [
        .text("title") { $0.title },
        .text("anchor") { $0.anchor },
        .text("page") { $0.page },
        .number("level") { $0.level },
    ])
}

/// One part of the printed document: its anchor, the named page it prints on, its kind
/// (`filing`, `reply`, `appendix`, `article`) and its HTML.
struct PrintPartView: TemplateView {
    var anchor: String
    var pageName: String
    var kind: String
    var heading: String
    var html: String

    static let fields = ViewFields<PrintPartView>("document part", [
        .text("anchor") { $0.anchor },
        .text("pageName") { $0.pageName },
        .text("kind") { $0.kind },
        .text("heading") { $0.heading },
        .html("html") { $0.html },
    ])
}
