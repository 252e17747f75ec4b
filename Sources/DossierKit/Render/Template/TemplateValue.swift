/// A view model value as templates see it. View models are built as `[String: Any]` on the Swift
/// side and converted once per page, so rendering looks names up without dynamic casts.
public enum TemplateValue: Sendable {
    case text(String)
    case bool(Bool)
    /// A number, already written as text.
    case number(String)
    case list([TemplateValue])
    case object([String: TemplateValue])
    /// A typed view: its fields are read when a template names them.
    case view(any TemplateView)
    /// A Swift value templates cannot present (it renders as nothing and is falsy).
    case opaque

    /// Converts a view model. Dictionaries must have `String` keys; numbers become text once.
    public init(_ any: Any) {
        self.init(any, dateText: nil)
    }

    /// Converts a view model; beside every key whose value is a `YYYY-MM-DD` text, in any object at
    /// any depth, adds `<key>Text` with what `dateText` makes of it (the date as the interface
    /// language writes it).
    public init(_ any: Any, dateText: ((String) -> String?)?) {
        func object(_ dictionary: [String: Any]) -> TemplateValue {
            var result: [String: TemplateValue] = [:]
            result.reserveCapacity(dictionary.count)
            var twins: [(String, String)] = []
            for (key, value) in dictionary {
                if let text = value as? String {
                    result[key] = .text(text)
                    if let dateText, text.utf8.count == 10, let written = dateText(text) { twins.append((key + "Text", written)) }
                } else {
                    result[key] = TemplateValue(value, dateText: dateText)
                }
            }
            for (key, written) in twins { result[key] = .text(written) }
            return .object(result)
        }
        switch any {
        case let text as String: self = .text(text)
        case let flag as Bool: self = .bool(flag)
        case let number as Int: self = .number(String(number))
        case let dictionary as [String: Any]: self = object(dictionary)
        case let list as [[String: Any]]: self = .list(list.map(object))
        case let list as [String]: self = .list(list.map(TemplateValue.text))
        case let list as [Any]: self = .list(list.map { TemplateValue($0, dateText: dateText) })
        case let number as Double: self = .number(String(describing: number))
        case let value as TemplateValue: self = value
        default: self = .opaque
        }
    }

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

    /// Sets `key` of an object value (other values are left alone).
    mutating func setField(_ key: String, _ value: TemplateValue) {
        guard case .object(var object) = self else { return }
        self = .opaque
        object[key] = value
        self = .object(object)
    }

    /// Mustache truthiness as our themes rely on it: an empty text is absent, like a missing key.
    var isPresent: Bool {
        switch self {
        case .text(let text): !text.isEmpty
        case .bool(let flag): flag
        case .list(let items): !items.isEmpty
        case .number, .object, .view: true
        case .opaque: false
        }
    }
}
