/// `site.yml`.
public struct SiteSettings: Sendable {
    public var title: String
    public var language: InterfaceLanguage
    public var baseURL: String?
    public var organization: String?
    public var theme: String?
    public var unsafeHTML: Bool
    /// `indexing`: whether search engines may index the public site.
    public var indexing: Indexing = .auto
    /// Where the settings were read (`Content/site.yml`), for diagnostics about them.
    public var path = "site.yml"
    /// Every declared key as written (see `SettingsSchema`).
    public var values = DeclaredValues()

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

extension SiteSettings {
    /// The one place the settings are filled from their declared values (a wrong `base_url` or
    /// `theme` was already dropped, with an error).
    init(values: DeclaredValues, path: String) {
        self.init(title: values[SettingsSchema.title] ?? "", language: values[SettingsSchema.language] ?? .zhCN,
                  baseURL: values[SettingsSchema.baseURL].map { $0.hasSuffix("/") ? $0 : $0 + "/" },
                  organization: values[SettingsSchema.organization], theme: values[SettingsSchema.theme],
                  unsafeHTML: values[SettingsSchema.unsafeHTML] ?? false)
        indexing = values[SettingsSchema.indexing] ?? .auto
        self.path = path
        self.values = values
    }
}

public enum InterfaceLanguage: String, Sendable, CaseIterable {
    case zhCN = "zh-CN"
    case en
}

/// `indexing` in site.yml.
public enum Indexing: String, Sendable, CaseIterable {
    /// The public site is indexed; the internal wiki and client briefs never are.
    case auto
    /// No build is indexed, not even the public site (a staging deployment, say).
    case never
}
