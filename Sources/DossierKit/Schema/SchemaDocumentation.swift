/// The README's content-format tables, made from the declarations (a test holds the README to
/// them: `SchemaDocumentationTests`).
public enum SchemaDocumentation {
    /// Every declared mapping the README documents, by the name its section gives it.
    public static let declarations: [(name: String, declaration: SchemaDeclaration)] = [
        ("site.yml", SettingsSchema.declaration),
        ("permits/<id>.md", PermitSchema.declaration),
        ("clients/<id>.md", ClientSchema.declaration),
        ("kb/<id>.md", ArticleSchema.declaration),
        ("sources item", SourceSchema.item),
        ("filings/<id>.md", FilingSchema.declaration),
        ("memo", MemoSchema.declaration),
        ("timeline entry", TimelineEntrySchema.declaration),
        ("calendar/<year>.yml", CalendarSchema.declaration),
        // Version 2: the clock
        ("stages item", ReviewStageSchema.declaration),
        ("application_days", ApplicationDaysSchema.declaration),
        // Version 2: deadlines
        ("duty", DutySchema.declaration),
        ("deadline", DeadlineItemSchema.declaration),
        // Version 2: responses
        ("point", ResponseSchema.item),
        ("change", ResponseSchema.change),
        ("checklist item", ResponseSchema.checklistItem),
    ]

    /// `| key | required | meaning |` and a row per key, in declaration order.
    public static func table(for declaration: SchemaDeclaration) -> String {
        var lines = ["| key | required | meaning |", "|---|---|---|"]
        for key in declaration.keys {
            lines.append("| `\(key.name)` | \(key.requirementText) | \(key.summary) |")
        }
        return lines.joined(separator: "\n")
    }

    /// Every table, each under its name: what to paste into the README after changing a declaration.
    public static func allTables() -> String {
        declarations.map { "\($0.name):\n\n\(table(for: $0.declaration))\n" }.joined(separator: "\n")
    }
}
