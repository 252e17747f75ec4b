/// What each template a page is rendered with is given: the shape of its view, by template name.
/// The template check reads templates against these (partials where they are included).
public enum ThemeViews {
    public static let roots: [String: ViewShape] = [
        "layout": LayoutView.shape,
        "home": HomeView.shape,
        "article": ArticlePageView.shape,
        "filing": FilingPageView.shape,
        "permit": PermitPageView.shape,
        "client": ClientPageView.shape,
        "tag": TermPageView.shape,
        "region": TermPageView.shape,
        "permits": PermitsPageView.shape,
        "kb": ArticlesPageView.shape,
        "filings": FilingsPageView.shape,
        "clients": ClientsPageView.shape,
        "tags": TermsPageView.shape,
        "regions": TermsPageView.shape,
        "search": SearchPageView.shape,
        "404": NotFoundView.shape,
        // Version 2: responses (optional: a copy of the theme made before it has none)
        "reply": ReplyPageView.shape,
        // dossier pdf: the one document a brief is printed from (optional, like `reply`)
        "pdf": PrintDocumentView.shape,
    ]
}
