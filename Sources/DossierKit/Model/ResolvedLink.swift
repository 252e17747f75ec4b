/// What a link in a body points at, once every page is known.
public enum ResolvedLink: Sendable, Equatable {
    /// A page of this build, optionally at a heading.
    case page(PageRef, fragment: String?)
    /// A copied file (attachment or asset), by output path.
    case file(String, fragment: String?)
    /// A heading of the same page.
    case anchor(String)
    /// Left as written: it has a scheme (`https:`, `mailto:`) or is otherwise not ours.
    case external(String)
    /// The target exists but this build leaves it out (a draft, or a page the audience does not get):
    /// the link is shown as its plain text.
    case unavailable
    /// The target does not exist (an error was reported): shown as plain text.
    case broken
}
