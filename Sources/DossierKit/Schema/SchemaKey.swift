/// One declared key of a page kind: its name, what it holds, whether it is required and what it
/// means. `Value` is what the model reads back (`filing.values[FilingSchema.owner]`).
public struct SchemaKey<Value: DeclaredType>: Sendable {
    /// The key without its value type, as a declaration lists it: name, type, whether it is
    /// required, its README meaning and whether it is internal.
    public let erased: AnySchemaKey

    public var name: String { erased.name }
    public var type: FieldType { erased.type }
    public var required: Bool { erased.required }
    public var summary: String { erased.summary }
    public var requirementNote: String? { erased.requirementNote }
    public var isInternal: Bool { erased.isInternal }

    init(_ name: String, _ type: FieldType, required: Bool, note: String? = nil, internal: Bool = false, _ summary: String) {
        erased = AnySchemaKey(name: name, type: type, required: required, summary: summary, requirementNote: note,
                              isInternal: `internal`)
    }

    /// The same key, with the README's "required" column saying `note` (a key shared by kinds).
    func noted(_ note: String) -> SchemaKey {
        SchemaKey(name, type, required: required, note: note, internal: isInternal, summary)
    }

    /// The same key, shown only in the internal wiki (see `SiteBuilder`: its value is dropped from
    /// the model of a client brief or the public site before any view can read it).
    func internalOnly() -> SchemaKey {
        SchemaKey(name, type, required: required, note: requirementNote, internal: true, summary)
    }
}

/// A declared key without its value type.
public struct AnySchemaKey: Sendable {
    public let name: String
    public let type: FieldType
    public let required: Bool
    public let summary: String
    public let requirementNote: String?
    public let isInternal: Bool

    /// The README's "required" column.
    public var requirementText: String { requirementNote ?? (required ? "yes" : "no") }
}

extension SchemaKey where Value == String {
    static func text(_ name: String, required: Bool = false, _ summary: String) -> Self {
        Self(name, .text, required: required, summary)
    }

    static func reference(_ name: String, to kind: PageRef.Kind, required: Bool = false, _ summary: String) -> Self {
        Self(name, .reference(kind), required: required, summary)
    }
}

extension SchemaKey where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    static func choice(_ name: String, required: Bool = false, _ summary: String) -> Self {
        Self(name, .choice(Value.allCases.map(\.rawValue)), required: required, summary)
    }
}

extension SchemaKey where Value == [String] {
    static func texts(_ name: String, _ summary: String) -> Self { Self(name, .texts, required: false, summary) }
}

extension SchemaKey where Value == [Located<String>] {
    static func references(_ name: String, required: Bool = false, _ summary: String) -> Self {
        Self(name, .references, required: required, summary)
    }
}

extension SchemaKey where Value == [Located<Day>] {
    static func days(_ name: String, _ summary: String) -> Self { Self(name, .days, required: false, summary) }
}

extension SchemaKey where Value == Day {
    static func day(_ name: String, required: Bool = false, _ summary: String) -> Self {
        Self(name, .day, required: required, summary)
    }
}

extension SchemaKey where Value == Bool {
    static func bool(_ name: String, _ summary: String) -> Self { Self(name, .bool, required: false, summary) }
}

extension SchemaKey where Value == Int {
    static func wholeNumber(_ name: String, in range: ClosedRange<Int>, _ summary: String) -> Self {
        Self(name, .wholeNumber(range), required: false, summary)
    }
}

extension SchemaKey where Value == MarkdownDocument {
    static func markdown(_ name: String, _ summary: String) -> Self { Self(name, .markdown, required: false, summary) }
}

extension SchemaKey where Value == DeclaredValues {
    static func mapping(_ name: String, _ declaration: SchemaDeclaration, _ summary: String) -> Self {
        Self(name, .mapping(declaration), required: false, summary)
    }
}

extension SchemaKey where Value == [DeclaredValues] {
    static func mappings(_ name: String, _ declaration: SchemaDeclaration, _ summary: String) -> Self {
        Self(name, .mappings(declaration), required: false, summary)
    }
}
