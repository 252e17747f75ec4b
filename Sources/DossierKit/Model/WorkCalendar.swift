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

extension WorkCalendar {
    /// Whether `day` counts toward a period in `unit`.
    public func counts(_ day: Day, unit: Permit.ReviewUnit) -> Bool {
        unit == .calendar || isWorkingDay(day)
    }

    /// Days that count in `unit` after `start` up to and including `end` (the first day is not
    /// counted, as 民法典 art. 201 says). Zero when `end` is not after `start`.
    public func count(after start: Day, through end: Day, unit: Permit.ReviewUnit) -> Int {
        guard end > start else { return 0 }
        if unit == .calendar { return start.days(to: end) }
        var total = 0
        var day = start.adding(days: 1)
        while day <= end {
            if isWorkingDay(day) { total += 1 }
            day = day.adding(days: 1)
        }
        return total
    }

    /// The day on which `amount` counting days after `start` have passed (`start` itself is not
    /// counted). `amount` 0 gives `start`.
    public func day(after start: Day, counting amount: Int, unit: Permit.ReviewUnit) -> Day {
        guard amount > 0 else { return start }
        if unit == .calendar { return start.adding(days: amount) }
        var day = start
        var counted = 0
        // A year has at least 200 working days; the bound only guards against a broken calendar.
        var guardDays = amount * 3 + 400
        while counted < amount && guardDays > 0 {
            day = day.adding(days: 1)
            if isWorkingDay(day) { counted += 1 }
            guardDays -= 1
        }
        return day
    }

    /// Years between the two days (inclusive) that have no calendar file.
    public func missingYears(from start: Day, through end: Day) -> [Int] {
        guard end >= start else { return [] }
        return (start.year...end.year).filter { !years.contains($0) }
    }
}
