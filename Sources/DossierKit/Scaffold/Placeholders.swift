/// The placeholder texts `dossier new` writes, in one place: the scaffold writes them and the model
/// stage warns about every page that still carries one, so nothing unfinished is published unnoticed.
public enum Placeholders {
    /// A placeholder that names the page it was written for, so two new pages never share a title:
    /// `prefix + id + suffix`. Recognised whatever id it holds (a file renamed after `dossier new`).
    public struct Template: Sendable, Equatable {
        public var prefix: String
        public var suffix: String

        public func text(for id: String) -> String { prefix + id + suffix }

        public func matches(_ value: String) -> Bool {
            value.count > prefix.count + suffix.count && value.hasPrefix(prefix) && value.hasSuffix(suffix)
        }
    }

    public static let articleTitle = Template(prefix: "新问题（", suffix: "）：在这里写读者的问题？")
    public static let articleSummary = "用一句话概括答案。"
    public static let filingTitle = Template(prefix: "新的申报事项（", suffix: "）")
    public static let permitName = Template(prefix: "新的许可或备案类型（", suffix: "）")
    public static let clientName = Template(prefix: "客户名称（", suffix: "）")
    public static let memoPurpose = "一句话说明目的。"
    public static let memoLogic = "一句话说明运行逻辑。"
    public static let memoRisk = "一句话说明风险控制。"

    /// The fixed texts earlier versions of `dossier new` and `dossier init` wrote: sites made then
    /// are warned about too.
    static let legacyArticleTitles: Set<String> = ["新问题：在这里写读者的问题？"]
    static let legacyFilingTitles: Set<String> = ["新的申报事项"]
    static let legacyPermitNames: Set<String> = ["新的许可或备案类型"]
    static let legacyClientNames: Set<String> = ["客户名称"]

    /// One warning for each title, name, summary or memo line that is still a placeholder, for every
    /// page of the content (drafts and pages outside this audience included: the text is unfinished
    /// wherever it is published later).
    static func warnings(articles: [Article], filings: [Filing], permits: [Permit], clients: [Client]) -> [Diagnostic] {
        var result: [Diagnostic] = []
        func warn(_ page: PageSource, _ field: String, _ what: String) {
            result.append(.warning(page.displayPath, .start,
                "the \(field) is still the placeholder dossier new wrote; write \(what)"))
        }
        for article in articles {
            if articleTitle.matches(article.title) || legacyArticleTitles.contains(article.title) {
                warn(article.page, "title", article.draft
                     ? "the reader's question, then remove draft: true to publish it" : "the reader's question")
            }
            if article.summary == articleSummary { warn(article.page, "summary", "the answer in one sentence, or remove the line") }
        }
        for filing in filings {
            if filingTitle.matches(filing.title) || legacyFilingTitles.contains(filing.title) {
                warn(filing.page, "title", "what the filing is (it is shown in the client's brief)")
            }
            if let memo = filing.memo {
                if memo.purpose == memoPurpose { warn(filing.page, "memo's purpose", "the purpose in one sentence") }
                if memo.logic == memoLogic { warn(filing.page, "memo's logic", "how it works in one sentence") }
                if memo.risk == memoRisk { warn(filing.page, "memo's risk", "the risk control in one sentence") }
            }
        }
        for permit in permits where permitName.matches(permit.name) || legacyPermitNames.contains(permit.name) {
            warn(permit.page, "name", "the permit's name (it is shown on the public site)")
        }
        for client in clients where clientName.matches(client.name) || legacyClientNames.contains(client.name) {
            warn(client.page, "name", "the client's name (it is shown in their brief)")
        }
        return result
    }
}
