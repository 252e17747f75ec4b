/// A typed view: a Swift value that a template presents. Its `fields` name, once, everything a
/// template may use of it, what kind of value each is (the *shape* templates are checked
/// against, see `TemplateCheck`) and how the value is read. Themes only present: every label,
/// figure and link is computed on the Swift side before the view is made.
///
///     struct LinkView: TemplateView {
///         var name: String
///         var href: String
///         static let fields = ViewFields<LinkView>("link", [
///             .text("name") { $0.name },
///             .text("href") { $0.href },
///         ])
///     }
public protocol TemplateView: Sendable {
    /// Declared as a `static let`: it is read on every lookup.
    static var fields: ViewFields<Self> { get }
}

extension TemplateView {
    /// The value of the field `name`, or nil when the view has no such field.
    func templateValue(_ name: String) -> TemplateValue? {
        Self.fields.value(of: name, in: self)
    }

    /// The value of the field at `index` of `Self.fields` (a name resolved when the theme loaded).
    func templateValue(at index: Int) -> TemplateValue? {
        let entries = Self.fields.entries
        return entries.indices.contains(index) ? entries[index].read(self) : nil
    }

    /// The view as a template value.
    var asTemplateValue: TemplateValue { .view(self) }

    /// Every field read into an object, views inside it too (to hand to another Mustache engine).
    var resolvedObject: TemplateValue {
        var object: [String: TemplateValue] = [:]
        for entry in Self.fields.entries where object[entry.name] == nil {
            if let value = entry.read(self) { object[entry.name] = value.resolved }
        }
        return .object(object)
    }

    /// What templates may name in this view.
    static var shape: ViewShape { fields.shape }
}

/// The declared fields of a view type, in order, and an index by name.
public struct ViewFields<View: TemplateView>: Sendable {
    let entries: [ViewField<View>]
    let index: [String: Int]
    /// What the view is called in a template error (`article page`, `filing in a list` ...).
    let name: String

    public init(_ name: String, _ entries: [ViewField<View>]) {
        self.name = name
        self.entries = entries
        var index: [String: Int] = [:]
        for (position, entry) in entries.enumerated() where index[entry.name] == nil { index[entry.name] = position }
        self.index = index
    }

    func value(of name: String, in view: View) -> TemplateValue? {
        guard let position = index[name] else { return nil }
        return entries[position].read(view)
    }

    var shape: ViewShape {
        let entries = self.entries
        let index = self.index
        return ViewShape(name: name, type: String(describing: View.self), typeID: ObjectIdentifier(View.self), index: { index }) {
            var fields: [String: FieldShape] = [:]
            for entry in entries where fields[entry.name] == nil { fields[entry.name] = entry.shape() }
            return fields
        }
    }
}

/// One field of a view: its name in templates, its shape, and how its value is read.
public struct ViewField<View>: Sendable {
    let name: String
    let shape: @Sendable () -> FieldShape
    let read: @Sendable (View) -> TemplateValue?

    init(_ name: String, shape: @escaping @Sendable () -> FieldShape, read: @escaping @Sendable (View) -> TemplateValue?) {
        self.name = name
        self.shape = shape
        self.read = read
    }

    /// A text; an empty text counts as absent in a section (`{{#x}}`), as a missing value does.
    public static func text(_ name: String, _ read: @escaping @Sendable (View) -> String) -> Self {
        Self(name, shape: { .text }) { .text(read($0)) }
    }

    /// A text that may be absent (nothing is written and a section is skipped).
    public static func text(_ name: String, _ read: @escaping @Sendable (View) -> String?) -> Self {
        Self(name, shape: { .text }) { read($0).map(TemplateValue.text) }
    }

    /// HTML made on the Swift side (written with `{{{x}}}`); the same shape as a text.
    public static func html(_ name: String, _ read: @escaping @Sendable (View) -> String) -> Self {
        Self(name, shape: { .text }) { .text(read($0)) }
    }

    /// A yes/no: a section over it is shown when yes, an inverted one when no.
    public static func flag(_ name: String, _ read: @escaping @Sendable (View) -> Bool) -> Self {
        Self(name, shape: { .flag }) { .bool(read($0)) }
    }

    /// A whole number, written in decimal.
    public static func number(_ name: String, _ read: @escaping @Sendable (View) -> Int) -> Self {
        Self(name, shape: { .number }) { .number(String(read($0))) }
    }

    /// A list of texts (`{{#x}}{{.}}{{/x}}`).
    public static func texts(_ name: String, _ read: @escaping @Sendable (View) -> [String]) -> Self {
        Self(name, shape: { .texts }) { .list(read($0).map(TemplateValue.text)) }
    }

    /// Another view, or nothing (a section over it is then skipped).
    public static func view<Child: TemplateView>(_ name: String, _ read: @escaping @Sendable (View) -> Child?) -> Self {
        Self(name, shape: { .view(Child.shape) }) { read($0).map { .view($0) } }
    }

    /// A list of views (`{{#x}}...{{/x}}` once per item).
    public static func views<Child: TemplateView>(_ name: String, _ read: @escaping @Sendable (View) -> [Child]) -> Self {
        Self(name, shape: { .views(Child.shape) }) { .list(read($0).map { .view($0) }) }
    }

    /// The interface strings (`{{ui.key}}`), checked against the theme's language files.
    public static func strings(_ name: String, _ read: @escaping @Sendable (View) -> TemplateValue) -> Self {
        Self(name, shape: { .strings }) { read($0) }
    }
}

/// What a template may do with a field.
public enum FieldShape: Sendable {
    case text
    case flag
    case number
    case texts
    case view(ViewShape)
    case views(ViewShape)
    /// A table of interface strings: any `ui.key` the language files hold.
    case strings
}

/// The fields of a view type, as the template check sees them (made when asked, so a view may
/// contain itself).
public struct ViewShape: Sendable {
    public let name: String
    public let type: String
    let makeFields: @Sendable () -> [String: FieldShape]
    /// The view type itself, and each field's position in its `fields` (for `TemplateResolution`).
    let typeID: ObjectIdentifier
    let makeIndex: @Sendable () -> [String: Int]

    init(name: String, type: String, typeID: ObjectIdentifier, index: @escaping @Sendable () -> [String: Int],
         fields: @escaping @Sendable () -> [String: FieldShape]) {
        self.name = name
        self.type = type
        self.typeID = typeID
        self.makeIndex = index
        self.makeFields = fields
    }

    var index: [String: Int] { makeIndex() }

    public var fields: [String: FieldShape] { makeFields() }
}
