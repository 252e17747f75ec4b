/// One pair of a mapping from ids to words (`FieldType.wordMapping`): `legal-rep-id: done`.
public struct WordPair: Sendable, Equatable {
    /// The id as written, where its key is.
    public var id: Located<String>
    public var word: String
    public var wordPosition: SourcePosition

    public static func == (a: WordPair, b: WordPair) -> Bool {
        a.id.value == b.id.value && a.id.position == b.id.position && a.word == b.word && a.wordPosition == b.wordPosition
    }
}

extension WordPair: DeclaredListElement {
    public static func items(of declared: SchemaValue) -> [WordPair]? {
        guard case .wordMapping(let pairs) = declared else { return nil }
        return pairs
    }
}

extension SchemaKey where Value == [DeclaredValues] {
    /// A list of texts or mappings: a text item is read as a mapping with only `text`.
    static func textsOrMappings(_ name: String, _ declaration: SchemaDeclaration, _ summary: String) -> Self {
        Self(name, .textsOrMappings(declaration), required: false, summary)
    }
}

extension SchemaKey where Value == [WordPair] {
    /// A mapping from ids to one of `words`.
    static func wordMapping(_ name: String, _ words: [String], _ summary: String) -> Self {
        Self(name, .wordMapping(words), required: false, summary)
    }
}
