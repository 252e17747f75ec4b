/// How a build shows itself to search engines and to the sites its pages link to, decided by its
/// audience and site.yml's `indexing`. The internal wiki and client briefs (encrypted or not) are
/// private: never indexed, never sending their addresses away. The public site is indexed unless
/// `indexing: never`.
public struct SitePrivacy: Sendable, Equatable {
    /// Search engines are asked to stay away: a robots meta tag on every page, a robots.txt that
    /// disallows everything, no sitemap.
    public var noindex: Bool
    /// No page tells other sites its address: a referrer meta tag on every page and
    /// `rel="noopener noreferrer"` on every external link.
    public var noreferrer: Bool
    /// Whether `sitemap.xml` is written: only for an indexed site with `base_url` (a sitemap's
    /// addresses must be absolute).
    public var sitemap: Bool
    /// Whether `feed.xml` is written: the internal wiki keeps its feed, a client brief has none,
    /// the public site has one when `base_url` gives its entries absolute addresses.
    public var feed: Bool

    /// `<meta name="robots">` of a page that is not to be indexed.
    public static let robotsMeta = "<meta name=\"robots\" content=\"noindex, nofollow, noarchive\">"
    /// `<meta name="referrer">` of a page that sends no referrer.
    public static let referrerMeta = "<meta name=\"referrer\" content=\"no-referrer\">"
    /// `rel` of an external link from a private page.
    public static let externalRel = "noopener noreferrer"

    public init(audience: Audience, settings: SiteSettings) {
        let isPublic = audience == .public
        noindex = !isPublic || settings.indexing == .never
        noreferrer = !isPublic
        sitemap = !noindex && settings.baseURL != nil
        switch audience {
        case .internal: feed = true
        case .client: feed = false
        case .public: feed = settings.baseURL != nil
        }
    }

    /// `robots.txt`: disallow everything, or allow everything and point at the sitemap.
    public func robotsTxt(baseURL: String?) -> String {
        if noindex { return "User-agent: *\nDisallow: /\n" }
        var text = "User-agent: *\nDisallow:\n"
        if sitemap, let baseURL { text += "\nSitemap: \(baseURL)sitemap.xml\n" }
        return text
    }

    /// Why a public build leaves out its sitemap or feed, as warnings about site.yml.
    public static func warnings(audience: Audience, settings: SiteSettings) -> [Diagnostic] {
        guard audience == .public, settings.baseURL == nil else { return [] }
        let privacy = SitePrivacy(audience: audience, settings: settings)
        var warnings: [Diagnostic] = []
        if !privacy.noindex {
            warnings.append(.warning(settings.path, .start,
                "no sitemap.xml is written: a sitemap lists absolute addresses, and 'base_url' is not set (set it to the address the public site is published at)"))
        }
        warnings.append(.warning(settings.path, .start,
            "no feed.xml is written: a feed's links must be absolute, and 'base_url' is not set (set it to the address the public site is published at)"))
        return warnings
    }
}
