// Version 2: the clock
/// An item of a permit's `stages`: a later review stage (行政许可法 art. 43).
public enum ReviewStageSchema {
    public static let name = SchemaKey<String>.text("name", "the stage's name, e.g. `国家新闻出版署审批`")
    public static let reviewDays = SchemaKey<Int>(
        "review_days", .wholeNumber(0...3650), required: true, "the stage's review period, a whole number of days")
    public static let reviewUnit = SchemaKey<Permit.ReviewUnit>.choice("review_unit", "`working` or `calendar`; default: the permit's")

    public static let declaration = SchemaDeclaration([name.erased, reviewDays.erased, reviewUnit.erased],
                                                      missingWhat: "'stages' item", mappingWhat: "each item of 'stages'")
}

/// A permit's `application_days`: a period per application type. Its keys are a closed set: an
/// unknown type is an error, not a warning (a period silently ignored would mislead the clock).
public enum ApplicationDaysSchema {
    public static let new = SchemaKey<Int>.wholeNumber("new", in: 0...3650, "review period of a new application (default: `review_days`)")
    public static let change = SchemaKey<Int>.wholeNumber("change", in: 0...3650, "review period of a change")
    public static let renewal = SchemaKey<Int>.wholeNumber("renewal", in: 0...3650, "review period of a renewal")
    public static let cancellation = SchemaKey<Int>.wholeNumber("cancellation", in: 0...3650, "review period of a cancellation")

    public static let declaration = SchemaDeclaration(
        [new.erased, change.erased, renewal.erased, cancellation.erased], missingWhat: "'application_days'",
        mappingWhat: "'application_days'", check: { _, fields in
            fields.rejectUnknownKeys { "'application_days' names '\($0)', which is not an application type (new, change, renewal or cancellation)" }
        })

    /// The period `values` (a permit's `application_days`) gives `application`, if any.
    static func days(_ values: DeclaredValues?, for application: Filing.Application) -> Int? {
        guard let values else { return nil }
        switch application {
        case .new: return values[new]
        case .change: return values[change]
        case .renewal: return values[renewal]
        case .cancellation: return values[cancellation]
        }
    }
}
