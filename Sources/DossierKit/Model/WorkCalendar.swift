/// Official holidays and make-up working days, from `calendar/<year>.yml`.
public struct WorkCalendar: Sendable {
    public var holidays: Set<Day> = []
    public var workdays: Set<Day> = []
    /// Years that have a calendar file.
    public var years: Set<Int> = []

    public init() {}

    /// Monday to Friday, minus holidays, plus make-up working days.
    public func isWorkingDay(_ day: Day) -> Bool {
        if workdays.contains(day) { return true }
        if holidays.contains(day) { return false }
        return !day.isWeekend
    }
}
