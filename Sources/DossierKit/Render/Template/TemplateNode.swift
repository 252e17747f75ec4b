/// One piece of a parsed template. Tags keep where their opening delimiter stands (line and
/// column in the template's file) for the template check's errors.
indirect enum TemplateNode: Sendable {
    case text(String)
    case variable(TemplateName, escaped: Bool, at: SourcePosition)
    case section(TemplateName, children: [TemplateNode], inverted: Bool, at: SourcePosition)
    /// `indentation` is set for a partial tag standing alone on its line: every line the partial
    /// writes after its first is indented by it.
    case partial(String, indentation: String?, at: SourcePosition)
}

/// A name in a tag: `.` (the current value), `a.b.c` (looked up through the enclosing values,
/// innermost first), or `.a.b` (only in the current value).
struct TemplateName: Sendable, Equatable {
    var components: [String]
    var climbs: Bool

    init(_ text: String) {
        components = text.split(separator: ".").map(String.init)
        climbs = !text.hasPrefix(".")
    }

    var isCurrent: Bool { components.isEmpty }
}
