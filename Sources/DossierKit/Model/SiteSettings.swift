/// `site.yml`.
public struct SiteSettings: Sendable {
    public var title: String
    public var language: InterfaceLanguage
    public var baseURL: String?
    public var organization: String?
    public var theme: String?
    public var unsafeHTML: Bool

    public init(title: String, language: InterfaceLanguage = .zhCN, baseURL: String? = nil, organization: String? = nil,
                theme: String? = nil, unsafeHTML: Bool = false) {
        self.title = title
        self.language = language
        self.baseURL = baseURL
        self.organization = organization
        self.theme = theme
        self.unsafeHTML = unsafeHTML
    }
}

public enum InterfaceLanguage: String, Sendable, CaseIterable {
    case zhCN = "zh-CN"
    case en
}
