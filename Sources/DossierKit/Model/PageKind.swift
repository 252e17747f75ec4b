/// A kind of content page (permit, client, knowledge-base article, filing): everything that
/// differs between the kinds, said once. Where its files sit and what their ids look like (the load
/// stage classifies files by it), which schema reads its front matter (parse), what it is called
/// in diagnostics and who may see it (model), which templates present it and how its pages are
/// titled and placed (render), and what `dossier new` calls it (scaffold). A new kind starts here;
/// README, "Architecture", lists the other files it needs.
public typealias PageKind = PageRef.Kind

/// How a kind's files are laid out under its folder.
public enum PageFileLayout: Sendable {
    /// `<folder>/<id>.md` only.
    case flat
    /// `<folder>/<any sub-folders>/<id>.md`: sub-folders only sort files, ids stay unique per kind.
    case nested
    /// `<folder>/<id>.md`, or `<folder>/<id>/index.md` with attachments beside it.
    case folderDossier
}

/// A page of one kind as the model holds it: enough to check ids, resolve links and render.
public protocol ContentPage: Sendable {
    static var kind: PageKind { get }
    var id: String { get }
    var page: PageSource { get }
    /// The page's name where other pages link to it (a title, or a permit's or client's name).
    var linkTitle: String { get }
}

extension ContentPage {
    public var ref: PageRef { PageRef(Self.kind, id) }
}

extension PageRef.Kind {
    /// The folder in `Content/` and in the output.
    public var folder: String { rawValue }

    /// The kind in a diagnostic (`duplicate article id ...`) and in a page face.
    public var noun: String {
        switch self {
        case .kb: "article"
        case .permits: "permit"
        case .filings: "filing"
        case .clients: "client"
        }
    }

    public var fileLayout: PageFileLayout {
        switch self {
        case .kb: .nested
        case .filings: .folderDossier
        case .permits, .clients: .flat
        }
    }

    /// The front-matter keys the kind's pages are read by.
    public var schema: SchemaDeclaration {
        switch self {
        case .kb: ArticleSchema.declaration
        case .permits: PermitSchema.declaration
        case .filings: FilingSchema.declaration
        case .clients: ClientSchema.declaration
        }
    }

    /// The template each page of the kind is rendered with.
    public var pageTemplate: String {
        switch self {
        case .kb: "article"
        case .permits: "permit"
        case .filings: "filing"
        case .clients: "client"
        }
    }

    /// The template of the kind's index page (`<folder>/index.html`), whose title is `ui.<folder>`
    /// and which the navigation names with the same key.
    public var listTemplate: String { rawValue }

    /// The interface string naming one page of the kind (the search result's kind).
    var singularKey: String {
        switch self {
        case .kb: "kb"
        case .permits: "permit"
        case .filings: "filing"
        case .clients: "client"
        }
    }

    /// Whether an audience gets the kind's pages at all (within it, `SiteBuilder` decides which).
    public func isShown(to audience: Audience) -> Bool {
        switch self {
        case .kb, .permits: true
        case .filings: audience.showsFilings
        case .clients: audience.showsClients
        }
    }

    /// What `dossier new <name>` calls the kind: the same word as its interface string.
    public var scaffoldName: String { singularKey }

    /// A page of the kind made from its declared values (what the parse stage hands on).
    func parsedPage(id: String, values: DeclaredValues, page: PageSource) -> ContentParser.ParsedPage {
        .page(self, storedType.init(id: id, values: values, page: page))
    }

    /// The kind's page that could not be read at all (its diagnostics say why).
    var unreadablePage: ContentParser.ParsedPage { .page(self, nil) }

    /// The model type of the kind's pages.
    var storedType: any StoredPage.Type {
        switch self {
        case .kb: Article.self
        case .permits: Permit.self
        case .filings: Filing.self
        case .clients: Client.self
        }
    }

    /// Adds a parsed page of the kind to what the parse stage read.
    func collect(_ page: any StoredPage, into content: inout ParsedContent) {
        switch page {
        case let article as Article: content.articles.append(article)
        case let permit as Permit: content.permits.append(permit)
        case let filing as Filing: content.filings.append(filing)
        case let client as Client: content.clients.append(client)
        default: break
        }
    }

    /// The kind a path relative to the content folder belongs to, with the page's id and whether
    /// it is a folder dossier's `index.md`; nil when it is no page of any kind.
    static func page(at parts: [String]) -> (kind: PageKind, id: String, isFolder: Bool)? {
        guard let first = parts.first, let kind = PageKind(rawValue: first), parts.count >= 2 else { return nil }
        func stem(_ name: String) -> String? {
            name.hasSuffix(".md") && name.count > 3 ? String(name.dropLast(3)) : nil
        }
        switch kind.fileLayout {
        case .flat:
            guard parts.count == 2 else { return nil }
        case .nested:
            break
        case .folderDossier:
            if parts.count == 3 && parts[2] == "index.md" { return (kind, parts[1], true) }
            guard parts.count == 2 else { return nil }
        }
        return stem(parts[parts.count - 1]).map { (kind, $0, false) }
    }
}
