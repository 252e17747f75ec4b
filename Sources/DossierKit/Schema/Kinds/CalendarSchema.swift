/// `calendar/<year>.yml`.
public enum CalendarSchema {
    public static let holidays = SchemaKey<[Located<Day>]>.days("holidays", "days off, each listed")
    public static let workdays = SchemaKey<[Located<Day>]>.days("workdays", "weekend days that are worked (调休)")

    public static let declaration = SchemaDeclaration([holidays.erased, workdays.erased], missingWhat: "a calendar")
}
