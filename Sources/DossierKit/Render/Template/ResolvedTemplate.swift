/// A root template with every name resolved, once, against the views it is rendered with (when
/// the theme loads): a name becomes the stack depths and field positions it can be found at, so
/// rendering reads a field by its position instead of hashing its name at every lookup. Partials
/// are resolved where they are included. What cannot be resolved (a name under an interface
/// string table, a partial that includes itself) is looked up by name, as `TemplateLibrary` does.
struct ResolvedTemplate: Sendable {
    /// The view type the template was resolved for; rendered with another value, it is not used.
    let rootType: ObjectIdentifier
    let nodes: [ResolvedNode]
}

indirect enum ResolvedNode: Sendable {
    case text(String)
    case variable(ResolvedName, escaped: Bool)
    case section(ResolvedName, children: [ResolvedNode], inverted: Bool)
    /// A partial resolved in place, or (`nodes` nil) one that includes itself, rendered by name.
    case partial(String, indentation: String?, nodes: [ResolvedNode]?)
}

/// A name and where it can be found. `lookup` nil: look the name up as written.
struct ResolvedName: Sendable {
    let name: TemplateName
    let lookup: Lookup?

    /// How one component is read from a value.
    enum Step: Sendable {
        /// Field number `index` of a view of type `type`.
        case field(type: ObjectIdentifier, index: Int)
        /// A member by name (an interface string table).
        case member(String)
    }

    struct Lookup: Sendable {
        /// How many values the stack holds where the name is used; rendered with another count
        /// (which the resolution does not expect), the name is looked up by name.
        var stackCount: Int
        /// Where the first component may be, innermost first: how far below the top of the stack
        /// and how it is read there. Frames that cannot hold it are left out.
        var first: [(depth: Int, step: Step)]
        /// How each further component is read from what the previous one found.
        var rest: [Step]
    }
}
