/// One item of a permit's `duties` (version 2: deadlines): an obligation of the applicant that
/// follows a timeline entry, counted from the first entry of the type `after` names.
public enum DutySchema {
    public static let title = SchemaKey<String>.text("title", required: true, "what must be done, e.g. `办理登记手续`")
    public static let after = SchemaKey<String>.text("after", required: true, "the timeline entry type it follows, e.g. `approved`; an unknown type is an error")
    public static let days = SchemaKey<Int>.wholeNumber("days", in: 0...3650, "how many days after that entry (the entry's day not counted)")
    public static let unit = SchemaKey<Permit.ReviewUnit>.choice("unit", "`calendar` (default) or `working`: the days `days` counts")
    public static let months = SchemaKey<Int>.wholeNumber("months", in: 0...1200, "instead of `days`: how many months after that entry")

    public static let declaration = SchemaDeclaration(
        [title.erased, after.erased, days.erased, unit.erased, months.erased], missingWhat: "duty",
        mappingWhat: "each item of 'duties' (title, after, days, unit or months)", check: ContentParser.checkDuty)
}
