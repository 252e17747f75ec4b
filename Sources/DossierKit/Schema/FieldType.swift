/// What a declared key holds: how it is read from YAML, what the page cache stores, and how the
/// README names it.
public indirect enum FieldType: Sendable {
    /// One line of text. Numbers and booleans written without quotes are read as the text they are.
    case text
    /// A list of texts; a single text is accepted as a list of one.
    case texts
    /// A day written `YYYY-MM-DD`.
    case day
    /// A list of days written `YYYY-MM-DD`, each with its position.
    case days
    case bool
    case wholeNumber(ClosedRange<Int>)
    /// One of a fixed set of words.
    case choice([String])
    /// The id of a page of another kind, with its position (checked once every page is read).
    case reference(PageRef.Kind)
    /// A list of link targets or page ids, each with its position.
    case references
    /// Markdown text, parsed like a page body.
    case markdown
    /// A mapping read by its own declaration.
    case mapping(SchemaDeclaration)
    /// A list of mappings, each read by the declaration.
    case mappings(SchemaDeclaration)

    // Version 2: responses
    /// A list whose items are texts or mappings read by the declaration; a text item is read as a
    /// mapping with only `text` (a reviewer's point, a change).
    case textsOrMappings(SchemaDeclaration)
    /// A mapping from ids the author chooses to one of a fixed set of words (a filing's checklist).
    case wordMapping([String])
}
