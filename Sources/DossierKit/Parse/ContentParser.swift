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

    /// The words timeline entries may use, made once (there are 100,000 entries on a large site).
    static let entryTypes = TimelineEntry.EntryType.allCases.map(\.rawValue)
    static let senders = TimelineEntry.Sender.allCases.map(\.rawValue)
    static let channels = TimelineEntry.Channel.allCases.map(\.rawValue)

    public init(includeInternal: Bool) {
        self.includeInternal = includeInternal
    }

    /// One Markdown page, parsed on its own (in parallel with the others).
    enum ParsedPage: Sendable {
        case permit(Permit?)
        case client(Client?)
        case article(Article?)
        case filing(Filing?)
        case other
    }

    /// A page file parsed, its diagnostics, and the digest of its face (see `PageFace`).
    func parsePage(_ file: SourceFile) -> (ParsedPage, [Diagnostic], face: String) {
        var diagnostics: [Diagnostic] = []
        let id: String
        switch file.role {
        case .permit(let named), .client(let named), .article(let named), .filing(let named, _): id = named
        default: return (.other, [], PageFace(role: file.role).digest)
        }
        let raw = page(file, id: id, diagnostics: &diagnostics)
        let result: ParsedPage
        switch file.role {
        case .permit: result = .permit(raw.flatMap { parsePermit(id: id, $0, diagnostics: &diagnostics) })
        case .client: result = .client(raw.flatMap { parseClient(id: id, $0, diagnostics: &diagnostics) })
        case .article: result = .article(raw.flatMap { parseArticle(id: id, $0, diagnostics: &diagnostics) })
        case .filing: result = .filing(raw.flatMap { parseFiling(id: id, $0, diagnostics: &diagnostics) })
        default: result = .other
        }
        return (result, diagnostics, (raw?.face ?? PageFace(role: file.role)).digest)
    }

    public func parse(_ files: [SourceFile]) -> ParsedContent {
        var content = ParsedContent()
        var sawSettings = false
        // Pages are independent: parse them on every core, then gather them in file order.
        let counter = ProgressCounter(stage: "parse", total: files.count, report: progress)
        let memo = self.memo
        let includeInternal = self.includeInternal
        let pageCache = self.pageCache
        let stored = pageCache.stored
        let pages = Parallel.map(files) { file -> (ParsedPage, [Diagnostic], face: String, hit: Bool, stored: Bool,
                                                   record: ParseCache.Record?) in
            defer { counter.step() }
            switch file.role {
            case .permit, .client, .article, .filing:
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
                let (page, diagnostics, face) = parsePage(file)
                let record = pageCache.makesRecords
                    ? ParseCache.record(file, page: page, face: face, diagnostics: diagnostics, encodingPage: pageCache.encodesPages)
                    : nil
                return (page, diagnostics, face, false, false, record)
            default: return (.other, [], "", false, false, nil)
            }
        }
        content.cacheRecords = pages.compactMap(\.record)
        content.cacheHits = pages.filter(\.stored).count
        if let memo {
            var entries: [String: ParseMemo.Entry] = [:]
            for (file, (page, diagnostics, face, _, _, _)) in zip(files, pages) {
                switch file.role {
                case .permit, .client, .article, .filing:
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
            case .permit(let permit): if let permit { content.permits.append(permit) }; continue
            case .client(let client): if let client { content.clients.append(client) }; continue
            case .article(let article): if let article { content.articles.append(article) }; continue
            case .filing(let filing): if let filing { content.filings.append(filing) }; continue
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
            case .permit, .client, .article, .filing:
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
        var node: Yams.Node = .mapping(Node.Mapping([]))
        if readable {
            switch YAMLText.compose(front.yaml, path: path, lineOffset: front.yamlFirstLine - 1) {
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
            guard let empty = YAMLFields(node: .mapping(Node.Mapping([])), path: path, lineOffset: lineOffset, fallback: fallback,
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
                       face: PageFace(role: file.role, frontMatter: node, text: front.yaml, document: document))
    }

    func parsePermit(id: String, _ raw: RawPage, diagnostics: inout [Diagnostic]) -> Permit? {
        var f = raw.fields
        let name = f.string("name", required: true)
        var permit = Permit(
            id: id,
            name: name ?? id,
            nameEn: f.string("name_en"),
            kind: f.choice("kind", Permit.Kind.allCases.map(\.rawValue)).flatMap(Permit.Kind.init(rawValue:)),
            authority: f.string("authority"),
            basis: f.string("basis"),
            reviewDays: f.int("review_days", range: 0...3650),
            reviewUnit: f.choice("review_unit", Permit.ReviewUnit.allCases.map(\.rawValue)).flatMap(Permit.ReviewUnit.init(rawValue:)) ?? .working,
            onSupplement: f.choice("on_supplement", Permit.SupplementRule.allCases.map(\.rawValue)).flatMap(Permit.SupplementRule.init(rawValue:)) ?? .pause,
            validity: f.string("validity"),
            order: f.int("order", range: -100_000...100_000),
            page: raw.source)
        permit.sources = parseSources(&f, diagnostics: &diagnostics).sources
        permit.verification = parseVerification(&f)
        f.reportUnknownKeys(known: [])
        diagnostics.append(contentsOf: f.diagnostics)
        // Kept when its name is missing (already an error), so its body is checked too.
        return permit
    }

    func parseClient(id: String, _ raw: RawPage, diagnostics: inout [Diagnostic]) -> Client? {
        var f = raw.fields
        let name = f.string("name", required: true)
        let client = Client(id: id, name: name ?? id, industry: f.string("industry"), contact: f.string("contact"), page: raw.source)
        f.reportUnknownKeys(known: [])
        diagnostics.append(contentsOf: f.diagnostics)
        return client
    }

    func parseArticle(id: String, _ raw: RawPage, diagnostics: inout [Diagnostic]) -> Article? {
        var f = raw.fields
        let title = f.string("title", required: true)
        let permits = f.strings("permits").map { Located($0.0, $0.1) }
        if !f.has("permits") {
            f.missing("permits", what: "front matter")
        } else if permits.isEmpty, f.diagnostics.allSatisfy({ !$0.message.hasPrefix("'permits'") }) {
            f.error(f.keyPosition("permits"), "'permits' must list at least one permit id")
        }
        let date = f.day("date", required: true)
        var article = Article(
            id: id,
            title: title ?? id,
            permits: permits,
            date: date ?? Day(ordinal: 0),
            updated: f.day("updated"),
            tags: uniqueInOrder(f.strings("tags").map(\.0)),
            region: located(&f, "region"),
            summary: f.string("summary"),
            audience: f.choice("audience", Article.Audience.allCases.map(\.rawValue)).flatMap(Article.Audience.init(rawValue:)) ?? .public,
            draft: f.bool("draft") ?? false,
            page: raw.source)
        let (sources, sourceProblems) = parseSources(&f, diagnostics: &diagnostics)
        article.sources = sources
        article.verification = parseVerification(&f)
        // Public pages cite the rules they rest on; internal notes and drafts need not (yet). Front
        // matter with errors is fixed first (its audience or draft flag may be what is wrong).
        if sources.isEmpty, !sourceProblems, f.reportsMissingKeys, article.audience == .public, !article.draft,
           !f.diagnostics.contains(where: { $0.severity == .error }) {
            f.warning(f.has("title") ? f.keyPosition("title") : f.position,
                      "a public article should name its sources: add 'sources' (statute or rule, article, official address)")
        }
        f.reportUnknownKeys(known: [])
        diagnostics.append(contentsOf: f.diagnostics)
        // Kept when a required value is wrong or missing (already an error): its body, region and
        // links are checked in the same run.
        return article
    }

    func parseFiling(id: String, _ raw: RawPage, diagnostics: inout [Diagnostic]) -> Filing? {
        var f = raw.fields
        let title = f.string("title", required: true)
        let client = located(&f, "client", required: true)
        let permit = located(&f, "permit", required: true)
        let status = f.choice("status", Filing.Status.allCases.map(\.rawValue), required: true).flatMap(Filing.Status.init(rawValue:))
        var memo: Memo?
        if let memoNode = f.value("memo") {
            var memoDiagnostics: [Diagnostic] = []
            if var m = YAMLFields(node: memoNode, path: f.path, lineOffset: f.lineOffset, fallback: f.keyPosition("memo"),
                                  what: "'memo'", diagnostics: &memoDiagnostics) {
                memo = Memo(purpose: m.string("purpose"), logic: m.string("logic"), risk: m.string("risk"))
                m.reportUnknownKeys(known: [])
                memoDiagnostics.append(contentsOf: m.diagnostics)
            }
            diagnostics.append(contentsOf: memoDiagnostics)
        }
        var timeline: [TimelineEntry] = []
        for entryNode in f.sequence("timeline") {
            if let entry = parseEntry(entryNode, fields: f, diagnostics: &diagnostics) {
                timeline.append(entry)
            }
        }
        let filing = Filing(
            id: id,
            title: title ?? id,
            client: client ?? Located("", f.position),
            permit: permit ?? Located("", f.position),
            // A status that is missing or wrong is already an error; 'cancelled' stands in for
            // it because no check compares it with the timeline (no warning about a status the
            // author never wrote).
            status: status ?? .cancelled,
            statusPosition: f.value("status").map { f.position(of: $0) } ?? f.position,
            opened: f.day("opened"),
            region: located(&f, "region"),
            owner: f.string("owner"),
            reference: f.string("reference"),
            memo: memo,
            memoPosition: f.has("memo") ? f.keyPosition("memo") : f.position,
            timeline: timeline,
            attachments: [],
            page: raw.source)
        f.reportUnknownKeys(known: [])
        diagnostics.append(contentsOf: f.diagnostics)
        // Kept when a required value is wrong or missing (already an error), so its body, timeline
        // and references are checked in the same run (an empty client or permit is not looked up).
        return filing
    }

    func parseEntry(_ node: Yams.Node, fields parent: YAMLFields, diagnostics: inout [Diagnostic]) -> TimelineEntry? {
        let fallback = YAMLFields.position(of: node, lineOffset: parent.lineOffset) ?? parent.keyPosition("timeline")
        guard var e = YAMLFields(node: node, path: parent.path, lineOffset: parent.lineOffset, fallback: fallback,
                                 what: "a timeline entry", diagnostics: &diagnostics) else { return nil }
        let what = "timeline entry"
        let date = e.day("date", required: true, what: what)
        let type = e.choice("type", Self.entryTypes, required: true, what: what)
            .flatMap(TimelineEntry.EntryType.init(rawValue:))
        let summary = e.string("summary", required: true, what: what)
        let days = e.int("days", range: 1...3650, what: what)
        if type == .extended && days == nil && !e.has("days") {
            e.error(e.position, "an 'extended' entry needs 'days': how many days the authority added")
        }
        var note: MarkdownDocument?
        if let noteNode = e.value("note") {
            if case .scalar(let scalar) = noteNode {
                var problems: [(SourcePosition, String)] = []
                var errors: [(SourcePosition, String)] = []
                let at = e.position(of: noteNode)
                // A block scalar (`note: |`) starts on the line after its key.
                let offset = scalar.style == .literal || scalar.style == .folded ? at.line : at.line - 1
                if let refusal = ContentLimits.refusal(forBody: scalar.string) {
                    e.error(at, refusal)
                } else {
                    note = MarkdownDocument.make(body: scalar.string, lineOffset: offset, includeInternal: includeInternal,
                                                 problems: &problems, errors: &errors)
                }
                for (position, message) in problems { e.warning(position, message) }
                for (position, message) in errors { e.error(position, message) }
            } else {
                e.error(e.position(of: noteNode), "'note' must be text (Markdown)")
            }
        }
        let entry = TimelineEntry(
            date: date ?? Day(ordinal: 0),
            type: type ?? .note,
            days: days,
            from: e.choice("from", Self.senders, what: what).flatMap(TimelineEntry.Sender.init(rawValue:)),
            channel: e.choice("channel", Self.channels, what: what).flatMap(TimelineEntry.Channel.init(rawValue:)),
            summary: summary ?? "",
            changes: e.strings("changes").map(\.0),
            clauses: e.strings("clauses").map(\.0),
            pages: e.strings("pages").map(\.0),
            refs: e.strings("refs").map { Located($0.0, $0.1) },
            note: note,
            isInternal: e.bool("internal") ?? false,
            position: e.position)
        e.reportUnknownKeys(known: [])
        diagnostics.append(contentsOf: e.diagnostics)
        guard date != nil, type != nil, summary != nil else { return nil }
        return entry
    }

    /// `sources`: a list of mappings `{title, article, url}`, each item's problems at its own keys.
    /// Also says whether the key was there with a problem (so no "add 'sources'" warning on top).
    func parseSources(_ f: inout YAMLFields, diagnostics: inout [Diagnostic]) -> (sources: [SourceCitation], problems: Bool) {
        let before = f.diagnostics.count
        let nodes = f.sequence("sources")
        var problems = f.diagnostics.count > before
        var sources: [SourceCitation] = []
        let what = "'sources' item"
        for node in nodes {
            let fallback = YAMLFields.position(of: node, lineOffset: f.lineOffset) ?? f.keyPosition("sources")
            var itemDiagnostics: [Diagnostic] = []
            guard var s = YAMLFields(node: node, path: f.path, lineOffset: f.lineOffset, fallback: fallback,
                                     what: "each item of 'sources' (title, article, url)", diagnostics: &itemDiagnostics) else {
                diagnostics.append(contentsOf: itemDiagnostics)
                problems = true
                continue
            }
            var title = s.string("title", required: true, what: what)
            if let written = title, written.hasPrefix("《"), written.hasSuffix("》"), written.count > 2 {
                s.warning(s.value("title").map { s.position(of: $0) } ?? s.position,
                          "write the 'title' of a source without 《》: the page adds them")
                title = String(written.dropFirst().dropLast()).trimmedSpaces()
            }
            let article = s.string("article").flatMap { $0.isEmpty ? nil : $0 }
            var url = s.string("url").flatMap { $0.isEmpty ? nil : $0 }
            if let address = url, !Self.isWebAddress(address) {
                s.error(s.value("url").map { s.position(of: $0) } ?? s.position,
                        "'url' of a source must be an http:// or https:// address, found '\(address)'")
                url = nil
            }
            s.reportUnknownKeys(known: [])
            itemDiagnostics.append(contentsOf: s.diagnostics)
            if !itemDiagnostics.isEmpty { problems = true }
            diagnostics.append(contentsOf: itemDiagnostics)
            if let title, !title.isEmpty { sources.append(SourceCitation(title: title, article: article, url: url)) }
        }
        return (sources, problems)
    }

    /// An absolute http(s) address with a host and no spaces.
    static func isWebAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") { rest = lower.dropFirst(8) } else if lower.hasPrefix("http://") { rest = lower.dropFirst(7) } else { return false }
        guard let first = rest.first, first != "/" else { return false }
        return !text.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 || $0 == "\"" || $0 == "<" || $0 == ">" }
    }

    /// `verified` (the day of the last check against the sources) and `unverified` (what could not be checked).
    func parseVerification(_ f: inout YAMLFields) -> Verification {
        Verification(verified: f.day("verified"), unverified: f.strings("unverified").map(\.0))
    }

    func located(_ f: inout YAMLFields, _ key: String, required: Bool = false) -> Located<String>? {
        guard let value = f.string(key, required: required) else { return nil }
        return Located(value, f.value(key).map { f.position(of: $0) } ?? f.position)
    }

    // MARK: - YAML files

    func yamlFile(_ file: SourceFile, what: String, diagnostics: inout [Diagnostic]) -> YAMLFields? {
        let text: String
        switch TextDecoding.decode(file.data) {
        case .success(let decoded): text = decoded
        case .failure(let position):
            diagnostics.append(.error(file.displayPath, position, "file is not valid UTF-8 text"))
            return nil
        }
        switch YAMLText.compose(text, path: file.displayPath, lineOffset: 0) {
        case .success(let node?):
            return YAMLFields(node: node, path: file.displayPath, lineOffset: 0, fallback: .start, what: what, diagnostics: &diagnostics)
        case .success(nil):
            return YAMLFields(node: .mapping(Node.Mapping([])), path: file.displayPath, lineOffset: 0, fallback: .start,
                              what: what, diagnostics: &diagnostics)
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }

    func parseSettings(_ file: SourceFile, diagnostics: inout [Diagnostic]) -> SiteSettings? {
        guard var f = yamlFile(file, what: "site.yml", diagnostics: &diagnostics) else { return nil }
        let title = f.string("title", required: true, what: "site.yml")
        let language = f.choice("language", InterfaceLanguage.allCases.map(\.rawValue), what: "site.yml").flatMap(InterfaceLanguage.init(rawValue:))
        var baseURL = f.string("base_url")
        if let url = baseURL, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            f.error(f.keyPosition("base_url"), "'base_url' must be an absolute http:// or https:// URL, found '\(url)'")
            baseURL = nil
        }
        let theme = f.string("theme")
        if let theme, !PageID.isValidThemeName(theme) {
            f.error(f.keyPosition("theme"), "'theme' must be a folder name under Themes/ (letters, digits, '-', '_'), found '\(theme)'")
        }
        var settings = SiteSettings(
            title: title ?? "",
            language: language ?? .zhCN,
            baseURL: baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" },
            organization: f.string("organization"),
            theme: theme.flatMap { PageID.isValidThemeName($0) ? $0 : nil },
            unsafeHTML: f.bool("unsafe_html") ?? false)
        settings.indexing = f.choice("indexing", Indexing.allCases.map(\.rawValue), what: "site.yml").flatMap(Indexing.init(rawValue:)) ?? .auto
        settings.path = file.displayPath
        f.reportUnknownKeys(known: [])
        diagnostics.append(contentsOf: f.diagnostics)
        return title == nil ? nil : settings
    }

    func parseCalendar(_ file: SourceFile, year: String, into calendar: inout WorkCalendar, diagnostics: inout [Diagnostic]) {
        guard let yearNumber = Int(year), (1900...2999).contains(yearNumber) else {
            diagnostics.append(.error(file.displayPath, .start, "calendar files are named after their year, e.g. calendar/2025.yml"))
            return
        }
        guard var f = yamlFile(file, what: "a calendar", diagnostics: &diagnostics) else { return }
        calendar.years.insert(yearNumber)
        for key in ["holidays", "workdays"] {
            for (text, position) in f.strings(key) {
                guard let day = Day(text) else {
                    f.error(position, "'\(text)' in '\(key)' is not a date written YYYY-MM-DD")
                    continue
                }
                if day.year != yearNumber {
                    f.warning(position, "\(day) is listed in the calendar for \(yearNumber)")
                }
                if key == "holidays" {
                    calendar.holidays.insert(day)
                } else {
                    if !day.isWeekend { f.warning(position, "\(day) is a weekday; 'workdays' lists weekend days that are worked") }
                    calendar.workdays.insert(day)
                }
            }
        }
        f.reportUnknownKeys(known: [])
        diagnostics.append(contentsOf: f.diagnostics)
    }

    func uniqueInOrder(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}

/// Rules for ids.
public enum PageID {
    /// `[a-z0-9-]+`
    public static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }

    static func isValidThemeName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && name.utf8.allSatisfy {
            ($0 >= 97 && $0 <= 122) || ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 45 || $0 == 95
        }
    }
}
