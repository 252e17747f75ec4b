/// The keys of one page kind (or of a mapping inside one, such as a timeline entry), in the order
/// they are read and documented, with the checks that span several keys.
public struct SchemaDeclaration: Sendable {
    /// Checks run after the keys are read: they may report problems at the keys' positions and
    /// correct values (a title written in 《》).
    typealias Check = @Sendable (inout DeclaredValues, inout YAMLFields) -> Void

    public let keys: [AnySchemaKey]
    /// How "is missing the required key" names the mapping (`front matter`, `timeline entry`).
    let missingWhat: String
    /// How "must be a mapping of keys to values" names a nested mapping (`a timeline entry`).
    let mappingWhat: String
    let check: Check?
    /// The keys only the internal wiki may show (see `AnySchemaKey.isInternal`).
    public let internalKeys: [String]
    /// Each key's type by name (made once: `DeclaredValues.withoutInternal` runs for every page).
    let types: [String: FieldType]

    init(_ keys: [AnySchemaKey], missingWhat: String = "front matter", mappingWhat: String = "front matter",
         check: Check? = nil) {
        self.keys = keys
        self.missingWhat = missingWhat
        self.mappingWhat = mappingWhat
        self.check = check
        self.internalKeys = keys.filter(\.isInternal).map(\.name)
        self.types = Dictionary(keys.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
    }
}
