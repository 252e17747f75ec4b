/// `site.yml`.
public enum SettingsSchema {
    public static let title = SchemaKey<String>.text("title", required: true, "the site's title")
    public static let language = SchemaKey<InterfaceLanguage>.choice("language", "interface language: `zh-CN` (default) or `en`")
    public static let baseURL = SchemaKey<String>.text("base_url", "absolute `http(s)://` address the site is published at. Used only for `sitemap.xml`, `feed.xml`, `robots.txt`, canonical links and the links of `404.html`; the public site has no sitemap and no feed without it (see Publishing privately)")
    public static let organization = SchemaKey<String>.text("organization", "the consultancy's name: footer and feed author")
    public static let theme = SchemaKey<String>.text("theme", "theme folder under `Themes/` (default `default`)")
    public static let unsafeHTML = SchemaKey<Bool>.bool("unsafe_html", "`true` lets raw HTML in Markdown through; by default it is dropped")
    // Version 2: deadlines
    public static let remedies = SchemaKey<Bool>.bool("remedies", "`false` leaves out the remedies (行政复议, 行政诉讼) from the deadlines; default `true`")
    public static let indexing = SchemaKey<Indexing>.choice("indexing", "`auto` (default): search engines may index the public site, never the internal wiki or a client brief. `never`: not even the public site (a staging copy, say): its pages get the `noindex` meta tag, `robots.txt` disallows everything and there is no `sitemap.xml`")

    public static let declaration = SchemaDeclaration(
        [title.erased, language.erased, baseURL.erased, indexing.erased, organization.erased, theme.erased, unsafeHTML.erased,
         // Version 2: deadlines
         remedies.erased],
        missingWhat: "site.yml", check: ContentParser.checkSettings)
}

extension InterfaceLanguage: DeclaredType {}
extension Indexing: DeclaredType {}
