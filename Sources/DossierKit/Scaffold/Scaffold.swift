import Foundation

/// `dossier new` and `dossier init`: files with the right front matter, ready to build.
public enum Scaffold {
    public enum Kind: String, CaseIterable, Sendable {
        case kb, filing, permit, client

        var folder: String {
            switch self {
            case .kb: return "kb"
            case .filing: return "filings"
            case .permit: return "permits"
            case .client: return "clients"
            }
        }
    }

    /// Writes a new page and returns its path. Refuses bad ids and existing files.
    public static func newPage(_ kind: Kind, id: String, permit: String?, client: String?, content: String, today: Day,
                               fileSystem: FileSystem = .local) throws -> String {
        guard PageID.isValid(id) else {
            throw UsageError("'\(id)' is not a valid id: use only lower-case a-z, 0-9 and '-'")
        }
        guard fileSystem.kind(content) == .directory else {
            throw UsageError("content folder '\(content)' does not exist (run dossier init first, or pass --content)")
        }
        let path = joinPath(content, kind.folder, id + ".md")
        let folderForm = joinPath(content, kind.folder, id, "index.md")
        for existing in [path, folderForm] where fileSystem.kind(existing) != .missing {
            throw UsageError("\(existing) already exists; refusing to overwrite it")
        }
        func firstID(in folder: String) -> String? {
            ((try? fileSystem.listDirectory(joinPath(content, folder))) ?? [])
                .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted().first
        }
        let text: String
        switch kind {
        case .kb:
            guard let permitID = permit ?? firstID(in: "permits") else {
                throw UsageError("an article needs a permit: pass --permit ID (there are no permits yet)")
            }
            text = article(id: id, permit: permitID, today: today)
        case .filing:
            guard let permitID = permit ?? firstID(in: "permits") else { throw UsageError("a filing needs --permit ID") }
            guard let clientID = client ?? firstID(in: "clients") else { throw UsageError("a filing needs --client ID") }
            text = filing(permit: permitID, client: clientID, today: today)
        case .permit:
            text = "---\nname: 新的许可或备案类型\n# name_en: English name\n# kind: license        # license, filing or certificate\n# authority: 审核机关\n# basis: 《法律依据》\nreview_days: 20\nreview_unit: working    # working or calendar\non_supplement: pause    # pause or restart\n---\n\n在这里介绍该许可：适用对象、申请条件、材料要点。\n"
        case .client:
            text = "---\nname: 客户名称\n# industry: 行业\n# contact: 联系人\n---\n\n内部备注：沟通偏好、付款节点等（只出现在内部知识库）。\n"
        }
        try fileSystem.createDirectory(joinPath(content, kind.folder))
        try fileSystem.write(path, Data(text.utf8))
        return path
    }

    static func article(id: String, permit: String, today: Day) -> String {
        "---\ntitle: 新问题：在这里写读者的问题？\npermits: [\(permit)]\ndate: \(today)\ntags: []\nregion: national\nsummary: 用一句话概括答案。\n---\n\n## 第一个问题？\n\n回答。每个 `##` 标题是一个问题，答案写到下一个 `##` 为止。\n"
    }

    static func filing(permit: String, client: String, today: Day) -> String {
        """
        ---
        title: 新的申报事项
        client: \(client)
        permit: \(permit)
        status: preparing
        opened: \(today)
        # owner: 负责人
        memo:
          purpose: 一句话说明目的。
          logic: 一句话说明运行逻辑。
          risk: 一句话说明风险控制。
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

    /// Creates a new site in `directory`: settings, one permit, one article, one client, one
    /// filing, this year's calendar, and a copy of the default theme. Returns the files written.
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
        try write("Content/kb/first-question.md", article(id: "first-question", permit: "algorithm-filing", today: today)
            .replacingOccurrences(of: "回答。", with: "回答。相关许可见 [[algorithm-filing]]。"))
        try write("Content/clients/example-client.md", "---\nname: 示例客户有限公司\nindustry: 互联网\n---\n\n内部备注。\n")
        try write("Content/filings/example-filing.md", filing(permit: "algorithm-filing", client: "example-client", today: today))
        try write("Content/calendar/\(today.year).yml", OfficialCalendars.yaml(for: today.year))
        try fileSystem.createDirectory(joinPath(directory, "Content", "assets"))
        if let defaultTheme {
            written += try copyTree(from: defaultTheme, to: joinPath(directory, "Themes", "default"), fileSystem: fileSystem)
        }
        try write(".gitignore", "Output/\n.Output.*\n")
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
