extension DeclaredValues {
    /// The values without the items of the list `key` whose `flag` is true (a filing's
    /// `deadlines` item written `internal: true`): what a client brief may hold of that list.
    func withoutInternalItems(_ key: SchemaKey<[DeclaredValues]>, flag: SchemaKey<Bool>) -> DeclaredValues {
        guard let items = self[key] else { return self }
        var result = self
        result.set(key.name, .mappings(items.filter { !($0[flag] ?? false) }))
        return result
    }
}
