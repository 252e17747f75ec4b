import Foundation
import Yams

/// Everything the parse stage read, typed but not yet cross-checked.
public struct ParsedContent: Sendable {
    public var settings: SiteSettings?
    public var permits: [Permit] = []
    public var clients: [Client] = []
    public var articles: [Article] = []
    public var filings: [Filing] = []
    public var calendar = WorkCalendar()
    public var assets: [SourceFile] = []
    public var attachments: [SourceFile] = []
    public var diagnostics: [Diagnostic] = []
    /// Every page file's entry for the next page cache (when the parser was asked to keep them).
    var cacheRecords: [ParseCache.Record] = []
    /// Pages read back from the page cache instead of being parsed.
    public var cacheHits = 0
}

/// The parse stage: front matter through Yams, bodies through libcmark, into typed values.
public struct ContentParser: Sendable {
    public var includeInternal: Bool
    /// Told how many files are parsed (stage, done, total), for a progress line.
    public var progress: (@Sendable (String, Int, Int) -> Void)?
    /// Pages parsed by the previous build of this process, reused when their file is unchanged.
    public var memo: ParseMemo?
    /// What to do with the page cache (see `CachePolicy`): read unchanged files back from it, make
    /// the next one's entries, or only the pages' faces.
    var pageCache: PageCacheUse = .none
    /// Whether YAML is read from libyaml's events where it can (`FlatYAML`); false reads all of it
    /// through Yams, as the test that compares the two paths does.
    var yamlFastPath = true

    public init(includeInternal: Bool) {
        self.includeInternal = includeInternal
    }

    /// One Markdown page, parsed on its own (in parallel with the others).
    enum ParsedPage: Sendable {
        /// A page of one kind (see `PageKind`); nil when its file could not be read at all.
        case page(PageKind, (any StoredPage)?)
        case other
    }

    /// A page file parsed, its diagnostics, and the digest of its face (see `PageFace`), or "" when
    /// no cache or memo keeps it (`needsFace` false: hashing the front matter would be wasted).
    func parsePage(_ file: SourceFile, needsFace: Bool = true) -> (ParsedPage, [Diagnostic], face: String) {
        var diagnostics: [Diagnostic] = []
        guard case .page(let kind, let id, _) = file.role else { return (.other, [], PageFace(role: file.role).digest) }
        let raw = page(file, id: id, diagnostics: &diagnostics)
        // A page is kept when a required value is wrong or missing (already an error), so that its
        // body, timeline and references are checked in the same run.
        let result = raw.map { kind.parsedPage(id: id, values: declared(kind.schema, $0, diagnostics: &diagnostics), page: $0.source) }
            ?? kind.unreadablePage
        return (result, diagnostics, needsFace ? (raw?.face ?? PageFace(role: file.role)).digest : "")
    }

    public func parse(_ files: [SourceFile]) -> ParsedContent {
        var files = files
        return parse(consuming: &files)
    }

    /// How many files are parsed together before their bytes are freed (see `parse(consuming:)`).
    static let batch = 512

    /// Parses `files`, freeing each page file's bytes once its batch is parsed, so that the bytes
    /// of every file and the parse of every page are never held at once. What is left in `files`
    /// (paths, hashes, roles, and the bytes of files that are not pages) is what the rest of the
    /// build reads.
    public func parse(consuming files: inout [SourceFile]) -> ParsedContent {
        var content = ParsedContent()
        var sawSettings = false
        // Pages are independent: parse them on every core, then gather them in file order.
        let counter = ProgressCounter(stage: "parse", total: files.count, report: progress)
        let memo = self.memo
        let includeInternal = self.includeInternal
        let pageCache = self.pageCache
        let stored = pageCache.stored
        // Faces are for the page cache and the memo of `dossier serve`; a check keeps neither.
        let needsFaces = pageCache.makesRecords || memo != nil
        let parseOne: @Sendable (SourceFile) -> (ParsedPage, [Diagnostic], face: String, hit: Bool, stored: Bool,
                                                 record: ParseCache.Record?) = { file in
            defer { counter.step() }
            switch file.role {
            case .page:
                // The memo of a running server first: it is already in memory.
                if let entry = memo?.lookup(file, includeInternal: includeInternal) {
                    var record: ParseCache.Record?
                    if pageCache.makesRecords {
                        record = stored?.entry(for: file).flatMap { stored?.record(file.relativePath, $0) }
                            ?? ParseCache.record(file, page: entry.page, face: entry.face, diagnostics: entry.diagnostics,
                                                 encodingPage: pageCache.encodesPages)
                    }
                    return (entry.page, entry.diagnostics, entry.face, true, false, record)
                }
                if let (page, entry) = stored?.lookup(file) {
                    return (page, entry.diagnostics, entry.face, false, true,
                            pageCache.makesRecords ? stored?.record(file.relativePath, entry) : nil)
                }
                let (page, diagnostics, face) = parsePage(file, needsFace: needsFaces)
                let record = pageCache.makesRecords
                    ? ParseCache.record(file, page: page, face: face, diagnostics: diagnostics, encodingPage: pageCache.encodesPages)
                    : nil
                return (page, diagnostics, face, false, false, record)
            default: return (.other, [], "", false, false, nil)
            }
        }
        var pages: [(ParsedPage, [Diagnostic], face: String, hit: Bool, stored: Bool, record: ParseCache.Record?)] = []
        pages.reserveCapacity(files.count)
        var start = 0
        while start < files.count {
            let end = min(start + Self.batch, files.count)
            pages += Parallel.map(Array(files[start..<end]), parseOne)
            for index in start..<end {
                if case .page = files[index].role { files[index].data = Data() }
            }
            start = end
        }
        content.cacheRecords = pages.compactMap(\.record)
        content.cacheHits = pages.filter(\.stored).count
        if let memo {
            var entries: [String: ParseMemo.Entry] = [:]
            for (file, (page, diagnostics, face, _, _, _)) in zip(files, pages) {
                switch file.role {
                case .page:
                    entries[file.relativePath] = ParseMemo.Entry(hash: file.hash, displayPath: file.displayPath,
                                                                 includeInternal: includeInternal, page: page,
                                                                 diagnostics: diagnostics, face: face)
                default: continue
                }
            }
            memo.replace(with: entries, hits: pages.filter(\.hit).count)
        }
        for (file, (parsed, diagnostics, _, _, _, _)) in zip(files, pages) {
            content.diagnostics += diagnostics
            switch parsed {
            case .page(let kind, let page): if let page { kind.collect(page, into: &content) }; continue
            case .other: break
            }
            switch file.role {
            case .settings:
                if sawSettings {
                    content.diagnostics.append(.error(file.displayPath, .start, "only one of site.yml and site.yaml may exist"))
                    continue
                }
                sawSettings = true
                content.settings = parseSettings(file, diagnostics: &content.diagnostics)
            case .attachment:
                content.attachments.append(file)
            case .calendar(let year):
                parseCalendar(file, year: year, into: &content.calendar, diagnostics: &content.diagnostics)
            case .asset:
                content.assets.append(file)
            case .unknown:
                content.diagnostics.append(.warning(file.displayPath, .start,
                    "file is not part of the content format (see README, 'Content format'); ignored"))
            case .page:
                break
            }
        }
        if !sawSettings {
            content.diagnostics.append(.error("site.yml", .start, "the content folder has no site.yml (it needs at least 'title')"))
        }
        // Attachments belong to the folder dossier they sit in (grouped once, not searched per filing).
        var byFiling: [String: [String]] = [:]
        for attachment in content.attachments {
            if case .attachment(let filingID) = attachment.role { byFiling[filingID, default: []].append(attachment.relativePath) }
        }
        var folderDossiers: Set<String> = []
        for index in content.filings.indices where content.filings[index].page.relativePath.hasSuffix("/index.md") {
            folderDossiers.insert(content.filings[index].id)
            content.filings[index].attachments = byFiling[content.filings[index].id] ?? []
        }
        for attachment in content.attachments {
            if case .attachment(let filingID) = attachment.role, !folderDossiers.contains(filingID) {
                content.diagnostics.append(.warning(attachment.displayPath, .start,
                    "file in 'filings/\(filingID)/' but that folder has no index.md; it is not published"))
            }
        }
        return content
    }

    // MARK: - Pages

    /// A Markdown page's front matter and body, once split and parsed.
    struct RawPage {
        var fields: YAMLFields
        var source: PageSource
        /// What other pages can see of it.
        var face: PageFace
    }

    func page(_ file: SourceFile, id: String, diagnostics: inout [Diagnostic]) -> RawPage? {
        let path = file.displayPath
        let text: String
        switch TextDecoding.decode(file.data) {
        case .success(let decoded): text = decoded
        case .failure(let position):
            diagnostics.append(.error(path, position, "file is not valid UTF-8 text"))
            return nil
        }
        if !PageID.isValid(id) {
            diagnostics.append(.error(path, .start, "id '\(id)' must use only lower-case a-z, 0-9 and '-'; rename the \(file.relativePath.hasSuffix("/index.md") ? "folder" : "file")"))
        }
        let front: FrontMatter
        switch FrontMatter.split(text) {
        case .success(let split): front = split
        case .failure(.missing):
            diagnostics.append(.error(path, .start, "file must start with front matter: a line '---', YAML keys, and a closing '---'"))
            return nil
        case .failure(.unterminated):
            diagnostics.append(.error(path, .start, "front matter is not terminated: no closing '---' line"))
            return nil
        }
        if front.yaml.utf8.count > ContentLimits.maximumFrontMatterBytes {
            diagnostics.append(.error(path, SourcePosition(line: front.yamlFirstLine, column: 1),
                "front matter is \(front.yaml.utf8.count) bytes; more than \(ContentLimits.maximumFrontMatterBytes) is refused"))
            return nil
        }
        // Front matter that cannot be read is reported once; the page goes on with none (no
        // "missing key" for each of its keys), so its body is still checked in the same run.
        var readable = true
        let widthProblems = ContentLimits.fullWidthProblems(in: front.yaml, firstLine: front.yamlFirstLine)
        if !widthProblems.isEmpty {
            for (position, message) in widthProblems { diagnostics.append(.error(path, position, message)) }
            readable = false
        }
        var node: YAMLNode = .emptyMapping
        if readable {
            switch YAMLText.read(front.yaml, path: path, lineOffset: front.yamlFirstLine - 1, fastPath: yamlFastPath) {
            case .success(let composed?): node = composed
            case .success(nil): break
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                readable = false
            }
        }
        let fallback = SourcePosition(line: front.yamlFirstLine, column: 1)
        let lineOffset = front.yamlFirstLine - 1
        var fields: YAMLFields
        if let read = YAMLFields(node: node, path: path, lineOffset: lineOffset, fallback: fallback, what: "front matter",
                                 diagnostics: &diagnostics) {
            fields = read
        } else {
            var ignored: [Diagnostic] = []
            guard let empty = YAMLFields(node: YAMLNode.emptyMapping, path: path, lineOffset: lineOffset, fallback: fallback,
                                         what: "front matter", diagnostics: &ignored) else { return nil }
            fields = empty
            readable = false
        }
        fields.reportsMissingKeys = readable
        var problems: [(SourcePosition, String)] = []
        var errors: [(SourcePosition, String)] = []
        var document = MarkdownDocument.empty
        if let refusal = ContentLimits.refusal(forBody: front.body) {
            diagnostics.append(.error(path, SourcePosition(line: front.bodyLineOffset + 1, column: 1), refusal))
        } else {
            document = MarkdownDocument.make(body: front.body, lineOffset: front.bodyLineOffset,
                                             includeInternal: includeInternal, problems: &problems, errors: &errors)
        }
        for (position, message) in problems {
            diagnostics.append(.warning(path, position, message))
        }
        for (position, message) in errors {
            diagnostics.append(.error(path, position, message))
        }
        return RawPage(fields: fields, source: PageSource(relativePath: file.relativePath, displayPath: path, document: document),
                       face: PageFace(role: file.role, node: node, text: front.yaml, document: document))
    }

    /// A page's declared values: every key of its kind read by `declaration`, its problems reported.
    func declared(_ declaration: SchemaDeclaration, _ raw: RawPage, diagnostics: inout [Diagnostic]) -> DeclaredValues {
        var fields = raw.fields
        var nested: [Diagnostic] = []
        let values = SchemaReader(includeInternal: includeInternal).read(declaration, from: &fields, diagnostics: &nested)
        diagnostics.append(contentsOf: nested)
        diagnostics.append(contentsOf: fields.diagnostics)
        return values
    }
}
