/// Version 2: responses. The mappings a reviewer's points, the changes that answer them and a
/// permit's checklist are written in (see `TimelineEntrySchema.items`, `.changes`,
/// `PermitSchema.checklist`, `FilingSchema.checklist`).
public enum ResponseSchema {
    // A reviewer's point: a text, or `{text, internal}`.
    public static let itemText = SchemaKey<String>.text("text", required: true, "the point as the reviewer wrote it")
    public static let itemInternal = SchemaKey<Bool>.bool("internal", "`true`: the point is for the team only (never in a client brief or its replies)")

    /// One item of `items`.
    public static let item = SchemaDeclaration([itemText.erased, itemInternal.erased],
                                               missingWhat: "'items' item", mappingWhat: "a mapping (text, internal)")

    // A change: a text (version 1), or `{text, answers, clauses, pages}`.
    public static let changeText = SchemaKey<String>.text("text", required: true, "what was changed")
    public static let answers = SchemaKey<[Located<String>]>.references("answers", "list: the numbers of the points it answers, of the nearest earlier entry that has `items`")
    public static let changeClauses = SchemaKey<[String]>.texts("clauses", "list: the clauses it rests on")
    public static let changePages = SchemaKey<[String]>.texts("pages", "list: the pages of the material where it can be seen")

    /// One item of `changes`.
    public static let change = SchemaDeclaration([changeText.erased, answers.erased, changeClauses.erased, changePages.erased],
                                                 missingWhat: "'changes' item",
                                                 mappingWhat: "a mapping (text, answers, clauses, pages)",
                                                 check: ContentParser.checkChange)

    // One material of a permit's checklist.
    public static let checklistID = SchemaKey<String>.text("id", required: true, "its id in `[a-z0-9-]`, unique in the list")
    public static let checklistTitle = SchemaKey<String>.text("title", required: true, "the material, e.g. `营业执照副本`")
    public static let checklistRequired = SchemaKey<Bool>.bool("required", "`false` for a material that is not always needed (default `true`)")

    /// One item of a permit's `checklist`.
    public static let checklistItem = SchemaDeclaration([checklistID.erased, checklistTitle.erased, checklistRequired.erased],
                                                        missingWhat: "'checklist' item",
                                                        mappingWhat: "each item of 'checklist' (id, title, required)",
                                                        check: ContentParser.checkChecklistItem)

    /// A filing's checklist states.
    public enum ItemState: String, Sendable, CaseIterable {
        case done, pending, waived
    }
}
