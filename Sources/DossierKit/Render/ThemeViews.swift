/// The view each page template is rendered with, by template name (`layout`, `home`, `article`,
/// `filing`, ...): what `TemplateCheck` checks a theme's templates against when the theme loads.
/// Partials are not roots; they are checked where a root includes them.
///
/// A placeholder: the typed views fill this in (their file replaces this one).
enum ThemeViews {
    static let roots: [String: ViewShape] = [:]
}
