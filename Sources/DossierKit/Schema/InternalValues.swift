extension DeclaredValues {
    /// The values without every key `declaration` marks internal (`AnySchemaKey.isInternal`), at
    /// any depth: inside nested mappings (a filing's `memo`) and lists of mappings (`sources`) too,
    /// each read by its own declaration. What a client brief or the public site may hold.
    func withoutInternal(_ declaration: SchemaDeclaration) -> DeclaredValues {
        var result = self
        let types = declaration.types
        let internalKeys = Set(declaration.internalKeys)
        result.entries.removeAll { internalKeys.contains($0.name) }
        for index in result.entries.indices {
            switch (types[result.entries[index].name], result.entries[index].value) {
            case (.mapping(let inner)?, .mapping(let values)?):
                result.entries[index].value = .mapping(values.withoutInternal(inner))
            case (.mappings(let inner)?, .mappings(let list)?):
                result.entries[index].value = .mappings(list.map { $0.withoutInternal(inner) })
            // Version 2: responses. An item written `{text, internal: true}` (a reviewer's point
            // for the team only) is dropped whole.
            case (.textsOrMappings(let inner)?, .mappings(let list)?):
                result.entries[index].value = .mappings(list.filter { !$0.isInternalItem }.map { $0.withoutInternal(inner) })
            default:
                continue
            }
        }
        return result
    }
}

extension DeclaredValues {
    /// Whether this item of a list says `internal: true` (a reviewer's point for the team only).
    var isInternalItem: Bool { self[ResponseSchema.itemInternal] ?? false }
}
