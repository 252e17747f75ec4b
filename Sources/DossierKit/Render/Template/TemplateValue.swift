/// A value as templates see it: a page's typed view, what its fields read, and the interface
/// strings. Rendering looks names up without dynamic casts.
public enum TemplateValue: Sendable {
    case text(String)
    case bool(Bool)
    /// A number, already written as text.
    case number(String)
    case list([TemplateValue])
    case object([String: TemplateValue])
    /// A typed view: its fields are read when a template names them.
    case view(any TemplateView)

    /// The value of `name` in an object or a view; nil for anything else or a name it lacks.
    func member(_ name: String) -> TemplateValue? {
        switch self {
        case .object(let object): object[name]
        case .view(let view): view.templateValue(name)
        default: nil
        }
    }

    /// The value with every view in it read into an object (for another Mustache engine).
    public var resolved: TemplateValue {
        switch self {
        case .view(let view): view.resolvedObject
        case .list(let items): .list(items.map(\.resolved))
        case .object(let object): .object(object.mapValues(\.resolved))
        default: self
        }
    }

    /// Mustache truthiness as our themes rely on it: an empty text is absent, like a missing key.
    var isPresent: Bool {
        switch self {
        case .text(let text): !text.isEmpty
        case .bool(let flag): flag
        case .list(let items): !items.isEmpty
        case .number, .object, .view: true
        }
    }
}
