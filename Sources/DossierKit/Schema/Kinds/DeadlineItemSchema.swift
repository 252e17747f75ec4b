/// One item of a filing's `deadlines` (version 2: deadlines): a date the consultant tracks beside
/// the ones the law gives. An item with `internal: true` never leaves the internal wiki.
public enum DeadlineItemSchema {
    public static let date = SchemaKey<Day>.day("date", required: true, "the day, taken as written")
    public static let title = SchemaKey<String>.text("title", required: true, "what is due")
    public static let isInternal = SchemaKey<Bool>.bool("internal", "`true`: shown only in the internal wiki (page, dashboard and calendar feed)")

    public static let declaration = SchemaDeclaration(
        [date.erased, title.erased, isInternal.erased], missingWhat: "deadline",
        mappingWhat: "each item of 'deadlines' (date, title, internal)")
}
