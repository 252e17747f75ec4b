/// The layout around every page: head, navigation, breadcrumbs, the page's own HTML, footer.
struct LayoutView: TemplateView {
    var ui: TemplateValue
    var lang: String
    var siteTitle: String
    /// `<page> · <site>`, or the site's title on the home page.
    var title: String
    var pageTitle: String
    var description: String
    var canonical: String?
    /// The site's root, relative to the page.
    var root: String
    var homeHref: String
    var css: String
    var searchHref: String
    var feedHref: String
    var ogType: String
    var locale: String
    var jsonLD: String
    var noindex: Bool
    var noreferrer: Bool
    var nav: [NavItemView]
    var breadcrumbs: [NavItemView]
    var organization: String
    var today: String
    var todayText: String
    /// The page's template, rendered.
    var content: String

    static let fields = ViewFields<LayoutView>("layout", [
        .strings("ui") { $0.ui },
        .text("lang") { $0.lang },
        .text("siteTitle") { $0.siteTitle },
        .text("title") { $0.title },
        .text("pageTitle") { $0.pageTitle },
        .text("description") { $0.description },
        .text("canonical") { $0.canonical },
        .text("root") { $0.root },
        .text("homeHref") { $0.homeHref },
        .text("css") { $0.css },
        .text("searchHref") { $0.searchHref },
        .text("feedHref") { $0.feedHref },
        .text("ogType") { $0.ogType },
        .text("locale") { $0.locale },
        .html("jsonLD") { $0.jsonLD },
        .flag("noindex") { $0.noindex },
        .flag("noreferrer") { $0.noreferrer },
        .views("nav") { $0.nav },
        .views("breadcrumbs") { $0.breadcrumbs },
        .flag("hasBreadcrumbs") { !$0.breadcrumbs.isEmpty },
        .text("organization") { $0.organization },
        .text("today") { $0.today },
        .text("todayText") { $0.todayText },
        .html("content") { $0.content },
    ])
}
