/// A value as read for a declared key (see `FieldType`). The large payloads are boxed: every page
/// and timeline entry keeps its values, so each is kept small.
public enum SchemaValue: Sendable {
    case text(String)
    case texts([Located<String>])
    case day(Day)
    case days([Located<Day>])
    case bool(Bool)
    case number(Int)
    indirect case markdown(MarkdownDocument)
    indirect case mapping(DeclaredValues)
    case mappings([DeclaredValues])
    // Version 2: responses
    /// Ids with the word each is mapped to (`FieldType.wordMapping`), in the order written.
    case wordMapping([WordPair])
}

/// What a mapping's declared keys hold, with where each was written. Every model keeps its own
/// (`filing.values[FilingSchema.owner]`), so a new key reaches the views without new code in the
/// parser, the model or the page cache.
public struct DeclaredValues: Sendable {
    /// One key that was written, valid or not.
    struct Entry: Sendable {
        var name: String
        private var keyAt: PackedPosition
        private var valueAt: PackedPosition
        /// Nil when the value was empty or wrong (already reported).
        var value: SchemaValue?
        /// Whether reading it reported anything (a wrong `sources` item, say).
        var hadProblems: Bool

        init(name: String, keyPosition: SourcePosition, valuePosition: SourcePosition?, value: SchemaValue?, hadProblems: Bool) {
            self.name = name
            self.keyAt = PackedPosition(keyPosition)
            self.valueAt = valuePosition.map(PackedPosition.init) ?? .none
            self.value = value
            self.hadProblems = hadProblems
        }

        var keyPosition: SourcePosition { keyAt.position ?? .start }
        /// Nil when the value is empty (`key:` or `key: null`).
        var valuePosition: SourcePosition? { valueAt.position }
    }

    /// A position in 8 bytes (front matter lines and columns are far below 2^31).
    private struct PackedPosition: Sendable {
        var line: Int32
        var column: Int32

        init(_ position: SourcePosition) {
            line = Int32(clamping: position.line)
            column = Int32(clamping: position.column)
        }

        private init(line: Int32, column: Int32) {
            self.line = line
            self.column = column
        }

        static let none = PackedPosition(line: .min, column: .min)

        var position: SourcePosition? { line == .min ? nil : SourcePosition(line: Int(line), column: Int(column)) }
    }

    /// Where the mapping starts: problems about a missing key are reported here.
    public var position: SourcePosition
    var entries: [Entry]

    public init(position: SourcePosition = .start) {
        self.position = position
        self.entries = []
    }

    init(position: SourcePosition, entries: [Entry]) {
        self.position = position
        self.entries = entries
    }

    private func index(_ name: String) -> Int? { entries.firstIndex { $0.name == name } }

    /// The key's value, when it was written and valid.
    public subscript<Value>(key: SchemaKey<Value>) -> Value? {
        get { index(key.name).flatMap { entries[$0].value }.flatMap(Value.init(declared:)) }
    }

    /// Replaces a value a check found wrong (nil) or corrected.
    mutating func set(_ name: String, _ value: SchemaValue?) {
        if let index = index(name) { entries[index].value = value }
    }

    /// The values without the keys `names` (those a model holds as properties of its own).
    func removing(_ names: [String]) -> DeclaredValues {
        DeclaredValues(position: position, entries: entries.filter { !names.contains($0.name) })
    }

    /// Whether the key was written at all (even with an empty or wrong value).
    public func has<Value>(_ key: SchemaKey<Value>) -> Bool { index(key.name) != nil }

    public func keyPosition<Value>(_ key: SchemaKey<Value>) -> SourcePosition? { index(key.name).map { entries[$0].keyPosition } }

    public func valuePosition<Value>(_ key: SchemaKey<Value>) -> SourcePosition? {
        index(key.name).flatMap { entries[$0].valuePosition }
    }

    /// Whether reading the key reported a problem.
    func hadProblems<Value>(_ key: SchemaKey<Value>) -> Bool { index(key.name).map { entries[$0].hadProblems } ?? false }

    /// A text value with the position of its value (or of the mapping), for checks in later stages.
    public func located(_ key: SchemaKey<String>) -> Located<String>? {
        self[key].map { Located($0, valuePosition(key) ?? position) }
    }
}

/// A Swift type a declared value is read back as.
public protocol DeclaredType: Sendable {
    init?(declared: SchemaValue)
}

/// A type a list of declared values is read back as the elements of.
public protocol DeclaredListElement: Sendable {
    static func items(of declared: SchemaValue) -> [Self]?
}

/// A type that is read back with the position it was written at (`Located<String>`).
public protocol DeclaredLocatable: Sendable {
    static func locatedItems(of declared: SchemaValue) -> [Located<Self>]?
}

extension String: DeclaredType, DeclaredListElement, DeclaredLocatable {
    public init?(declared: SchemaValue) {
        guard case .text(let text) = declared else { return nil }
        self = text
    }

    public static func items(of declared: SchemaValue) -> [String]? { locatedItems(of: declared)?.map(\.value) }

    public static func locatedItems(of declared: SchemaValue) -> [Located<String>]? {
        guard case .texts(let texts) = declared else { return nil }
        return texts
    }
}

extension Day: DeclaredType, DeclaredListElement, DeclaredLocatable {
    public init?(declared: SchemaValue) {
        guard case .day(let day) = declared else { return nil }
        self = day
    }

    public static func items(of declared: SchemaValue) -> [Day]? { locatedItems(of: declared)?.map(\.value) }

    public static func locatedItems(of declared: SchemaValue) -> [Located<Day>]? {
        guard case .days(let days) = declared else { return nil }
        return days
    }
}

extension Bool: DeclaredType {
    public init?(declared: SchemaValue) {
        guard case .bool(let value) = declared else { return nil }
        self = value
    }
}

extension Int: DeclaredType {
    public init?(declared: SchemaValue) {
        guard case .number(let value) = declared else { return nil }
        self = value
    }
}

extension MarkdownDocument: DeclaredType {
    public init?(declared: SchemaValue) {
        guard case .markdown(let document) = declared else { return nil }
        self = document
    }
}

extension DeclaredValues: DeclaredType, DeclaredListElement {
    public init?(declared: SchemaValue) {
        guard case .mapping(let values) = declared else { return nil }
        self = values
    }

    public static func items(of declared: SchemaValue) -> [DeclaredValues]? {
        guard case .mappings(let list) = declared else { return nil }
        return list
    }
}

extension Located: DeclaredListElement where Value: DeclaredLocatable {
    public static func items(of declared: SchemaValue) -> [Located<Value>]? { Value.locatedItems(of: declared) }
}

extension Array: DeclaredType where Element: DeclaredListElement {
    public init?(declared: SchemaValue) {
        guard let items = Element.items(of: declared) else { return nil }
        self = items
    }
}

/// A choice's words, read back as the enum that lists them (declare the conformance, no body).
extension DeclaredType where Self: RawRepresentable, RawValue == String {
    public init?(declared: SchemaValue) {
        guard case .text(let text) = declared else { return nil }
        self.init(rawValue: text)
    }
}
