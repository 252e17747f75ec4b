import Foundation

/// `dossier new` and `dossier init`: files with the right front matter, ready to build, and nothing
/// that can be published unnoticed (see `Placeholders`).
public enum Scaffold {
    /// What `dossier new` makes: a page of one kind (see `PageKind.scaffoldName`).
    public typealias Kind = PageKind

    /// Writes a new page and returns its path. Refuses bad ids, unknown permits and clients, a title
    /// that is not one line, and existing files; writes nothing when it refuses.
    ///
    /// `title` is an article's or filing's title, a permit's or client's name. Without it the page
    /// gets a placeholder that names its id (never the same text twice), which `dossier check`
    /// warns about, and an article is a draft (`draft: true`), so it is in no build until written.
    public static func newPage(_ kind: Kind, id: String, title: String? = nil, permit: String?, client: String?, content: String,
                               today: Day, fileSystem: FileSystem = .local) throws -> String {
        guard PageID.isValid(id) else {
            throw UsageError("'\(id)' is not a valid id: use only lower-case a-z, 0-9 and '-'")
        }
        let title = try title.map(checkedTitle)
        if client != nil && kind != .filings {
            throw UsageError("--client is only for dossier new filing")
        }
        if permit != nil && (kind == .permits || kind == .clients) {
            throw UsageError("--permit is only for dossier new kb and dossier new filing")
        }
        guard fileSystem.kind(content) == .directory else {
            throw UsageError("content folder '\(content)' does not exist (run dossier init first, or pass --content)")
        }
        let path = joinPath(content, kind.folder, id + ".md")
        let folderForm = joinPath(content, kind.folder, id, "index.md")
        for existing in [path, folderForm] where fileSystem.kind(existing) != .missing {
            throw UsageError("\(existing) already exists; refusing to overwrite it")
        }
        /// The ids of the pages in a folder, from their file names, as the loader reads them.
        func ids(in folder: String) -> [String] {
            ((try? fileSystem.listDirectory(joinPath(content, folder))) ?? [])
                .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.filter(PageID.isValid).sorted()
        }
        /// The given id if there is such a page, else the first one; an unknown id is refused.
        func pick(_ given: String?, kind: Kind, name: String) throws -> String? {
            let known = ids(in: kind.folder)
            guard let given else { return known.first }
            guard known.contains(given) else {
                let folder = joinPath(content, kind.folder) + "/"
                if known.isEmpty {
                    throw UsageError("unknown \(name) '\(given)': \(folder) has none yet (dossier new \(kind.scaffoldName) \(given) makes one)")
                }
                throw UsageError("unknown \(name) '\(given)'\(didYouMean(given, in: known)): there is no \(folder)\(given).md")
            }
            return given
        }
        let text: String
        switch kind {
        case .kb:
            guard let permitID = try pick(permit, kind: .permits, name: "permit") else {
                throw UsageError("an article needs a permit: pass --permit ID (there are no permits yet)")
            }
            text = article(id: id, title: title, permit: permitID, today: today)
        case .filings:
            guard let permitID = try pick(permit, kind: .permits, name: "permit") else { throw UsageError("a filing needs --permit ID") }
            guard let clientID = try pick(client, kind: .clients, name: "client") else { throw UsageError("a filing needs --client ID") }
            text = filing(title: title ?? Placeholders.filingTitle.text(for: id), permit: permitID, client: clientID, today: today)
        case .permits:
            text = "---\nname: \(yamlScalar(title ?? Placeholders.permitName.text(for: id)))\n# name_en: English name\n# kind: license        # license, filing or certificate\n# authority: 审核机关\n# basis: 《法律依据》\nreview_days: 20\nreview_unit: working    # working or calendar\non_supplement: pause    # pause or restart\n---\n\n在这里介绍该许可：适用对象、申请条件、材料要点。\n"
        case .clients:
            text = "---\nname: \(yamlScalar(title ?? Placeholders.clientName.text(for: id)))\n# industry: 行业\n# contact: 联系人\n---\n\n内部备注：沟通偏好、付款节点等（只出现在内部知识库）。\n"
        }
        try fileSystem.createDirectory(joinPath(content, kind.folder))
        try fileSystem.write(path, Data(text.utf8))
        return path
    }

    /// "(did you mean 'x'?)" when the closest id is a likely typo, else the ids there are, when few.
    static func didYouMean(_ word: String, in known: [String]) -> String {
        let hint = Suggestion.hint(for: word, in: known)
        if !hint.isEmpty { return hint }
        switch known.count {
        case 1: return " (the only one there is: '\(known[0])')"
        case 2...8: return " (those there are: " + known.map { "'\($0)'" }.joined(separator: ", ") + ")"
        default: return ""
        }
    }

    /// A title given on the command line: one line, not empty, surrounding spaces dropped.
    static func checkedTitle(_ raw: String) throws -> String {
        let title = raw.trimmingCharacters(in: .whitespaces)
        guard !title.isEmpty else { throw UsageError("--title is empty") }
        let breaks = title.unicodeScalars.contains {
            $0.properties.generalCategory == .control || $0.properties.generalCategory == .lineSeparator
                || $0.properties.generalCategory == .paragraphSeparator
        }
        guard !breaks else { throw UsageError("--title must be one line of text, without line breaks or control characters") }
        return title
    }

    /// `text` as a YAML scalar that reads back as the same string: plain when that is safe, else
    /// double-quoted. `text` is one line (see `checkedTitle`).
    static func yamlScalar(_ text: String) -> String {
        let special: Set<Unicode.Scalar> = [":", "#", "[", "]", "{", "}", ",", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", "\\"]
        let lowered = text.lowercased()
        let reserved: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"]
        let numberLike = text.unicodeScalars.allSatisfy { "0123456789.+-_eE:xXoObB".unicodeScalars.contains($0) }
        let plain = !text.isEmpty && !text.unicodeScalars.contains(where: special.contains)
            && !(text.unicodeScalars.first.map { "-?.".unicodeScalars.contains($0) } ?? true)
            && text.trimmingCharacters(in: .whitespaces) == text && !reserved.contains(lowered) && !numberLike
        if plain { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A new article: with a title it is ready to publish once written; without one it is a draft
    /// whose title names its id.
    static func article(id: String, title: String?, permit: String, today: Day) -> String {
        let draft = title == nil ? "draft: true    # a new page: write the title, summary and answers, then delete this line\n" : ""
        return "---\ntitle: \(yamlScalar(title ?? Placeholders.articleTitle.text(for: id)))\npermits: [\(permit)]\ndate: \(today)\ntags: []\nregion: national\nsummary: \(Placeholders.articleSummary)\n\(draft)---\n\n## 第一个问题？\n\n回答。每个 `##` 标题是一个问题，答案写到下一个 `##` 为止。\n"
    }

    /// A new filing (status `preparing`). Filings are never on the public site, but a client's
    /// brief shows theirs: the placeholders are warned about by `dossier check`.
    static func filing(title: String, permit: String, client: String, today: Day,
                       memo: (purpose: String, logic: String, risk: String) = (Placeholders.memoPurpose, Placeholders.memoLogic, Placeholders.memoRisk))
        -> String {
        """
        ---
        title: \(yamlScalar(title))
        client: \(client)
        permit: \(permit)
        status: preparing
        opened: \(today)
        # owner: 负责人
        memo:
          purpose: \(memo.purpose)
          logic: \(memo.logic)
          risk: \(memo.risk)
        timeline: []
        # timeline:
        #   - date: \(today)
        #     type: submitted
        #     from: us
        #     channel: portal
        #     summary: 提交申请材料。
        ---

        案卷说明。

        """
    }

    /// What `init`'s `.gitignore` holds: every build output and cache, so `git add -A` never
    /// commits the internal wiki or a client's brief.
    static let ignoredLines = ["/Output/", "/Briefs/*", "!/Briefs/README.md", "/.*.dossier-*", "/.*.staging-*", "/.*.old-*"]

    static let gitignore = """
        # Written by dossier init: what dossier build writes, never to be committed.
        # The internal wiki (dossier build):
        /Output/
        # Client briefs (dossier build --audience client --client ID --output Briefs/ID):
        /Briefs/*
        !/Briefs/README.md
        # The caches and staging folders beside an output folder at the top (.Output.dossier-cache, ...):
        /.*.dossier-*
        /.*.staging-*
        /.*.old-*

        """

    static let briefsReadme = """
        # Briefs

        Client briefs are built here, one folder per client, and git ignores them (see `.gitignore`):

            dossier build --audience client --client ID --output Briefs/ID
            DOSSIER_PASSPHRASE='a long passphrase' dossier build --audience client --client ID --encrypt --output Briefs/ID

        Only this file is committed, so the folder exists in every clone.

        """

    /// Creates a new site in `directory`: settings, one permit, one internal sample article, one
    /// client, one filing, this year's calendar, a copy of the default theme, a `.gitignore` and a
    /// `Briefs/` folder. Returns the files written.
    public static func initSite(at directory: String, today: Day, defaultTheme: String?, fileSystem: FileSystem = .local) throws -> [String] {
        let content = joinPath(directory, "Content")
        if fileSystem.kind(content) != .missing {
            throw UsageError("\(content) already exists; refusing to overwrite it")
        }
        var written: [String] = []
        func write(_ relative: String, _ text: String) throws {
            let path = joinPath(directory, relative)
            if let slash = path.lastIndex(of: "/") { try fileSystem.createDirectory(String(path[..<slash])) }
            try fileSystem.write(path, Data(text.utf8))
            written.append(path)
        }
        try write("Content/site.yml", "title: 合规申报知识库\nlanguage: zh-CN\norganization: 我们的合规咨询团队\n# base_url: https://wiki.example.com/\n")
        try write("Content/permits/algorithm-filing.md", """
            ---
            name: 互联网算法备案
            name_en: Algorithm Filing
            kind: filing
            authority: 国家互联网信息办公室
            basis: 《互联网信息服务算法推荐管理规定》第二十四条、第二十五条
            review_days: 30
            review_unit: working
            on_supplement: restart
            ---

            材料齐全的，网信部门在三十个工作日内予以备案。

            """)
        // The sample article is internal: it is in the wiki, never in a client's brief or the public site.
        try write("Content/kb/first-question.md", """
            ---
            title: 示例：算法备案要多长时间？
            permits: [algorithm-filing]
            date: \(today)
            tags: []
            region: national
            summary: dossier init 写的示例文章，只在内部知识库中出现；改写或删除它。
            audience: internal    # public articles are also in client briefs and on the public site
            ---

            ## 算法备案要多长时间？

            材料齐全的，网信部门在三十个工作日内予以备案，见 [[algorithm-filing]]。

            ## 这篇示例文章会出现在哪里？

            只在内部知识库：它标为 `audience: internal`。删去这一行，它就会进入客户简报和公开网站。
            每个 `##` 标题是一个问题，答案写到下一个 `##` 为止。

            """)
        try write("Content/clients/example-client.md", "---\nname: 示例客户有限公司\nindustry: 互联网\n---\n\n内部备注。\n")
        try write("Content/filings/example-filing.md", filing(
            title: "示例：推荐算法备案", permit: "algorithm-filing", client: "example-client", today: today,
            memo: ("示例：为客户应用的个性化推荐算法办理备案。", "示例：按用户的浏览记录为内容排序。", "示例：人工审核推荐结果，用户可以关闭个性化推荐。")))
        try write("Content/calendar/\(today.year).yml", OfficialCalendars.yaml(for: today.year))
        try fileSystem.createDirectory(joinPath(directory, "Content", "assets"))
        if let defaultTheme {
            written += try copyTree(from: defaultTheme, to: joinPath(directory, "Themes", "default"), fileSystem: fileSystem)
        }
        if fileSystem.kind(joinPath(directory, "Briefs", "README.md")) == .missing {
            try write("Briefs/README.md", briefsReadme)
        }
        // An existing .gitignore (dossier init in a repository) keeps its lines; the missing ones are added.
        let ignorePath = joinPath(directory, ".gitignore")
        if fileSystem.kind(ignorePath) == .file, let existing = try? fileSystem.read(ignorePath) {
            let text = String(decoding: existing, as: UTF8.self)
            let present = Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
            if !ignoredLines.allSatisfy(present.contains) {
                try write(".gitignore", text + (text.isEmpty || text.hasSuffix("\n") ? "" : "\n") + "\n" + gitignore)
            }
        } else {
            try write(".gitignore", gitignore)
        }
        return written
    }

    static func copyTree(from source: String, to target: String, fileSystem: FileSystem) throws -> [String] {
        var written: [String] = []
        try fileSystem.createDirectory(target)
        for name in try fileSystem.listDirectory(source) where !name.hasPrefix(".") {
            let from = joinPath(source, name), to = joinPath(target, name)
            switch fileSystem.kind(from) {
            case .directory: written += try copyTree(from: from, to: to, fileSystem: fileSystem)
            case .file:
                try fileSystem.write(to, try fileSystem.read(from))
                written.append(to)
            default: continue
            }
        }
        return written
    }
}
