/// Official holidays and make-up working days, from `calendar/<year>.yml`.
public struct WorkCalendar: Sendable {
    public var holidays: Set<Day> = [] { didSet { sortExceptions() } }
    public var workdays: Set<Day> = [] { didSet { sortExceptions() } }
    /// Ordinals of the holidays that fall Monday to Friday (and are not also working days), and
    /// of the working days that fall on a weekend, in order: counting a long stretch of working
    /// days is then arithmetic and two binary searches, not a walk over every day.
    private var weekdayHolidays: [Int] = []
    private var weekendWorkdays: [Int] = []
    /// Years that have a calendar file.
    public var years: Set<Int> = []

    public init() {}

    /// Monday to Friday, minus holidays, plus make-up working days.
    public func isWorkingDay(_ day: Day) -> Bool {
        if workdays.contains(day) { return true }
        if holidays.contains(day) { return false }
        return !day.isWeekend
    }

    private mutating func sortExceptions() {
        weekdayHolidays = holidays.filter { !$0.isWeekend && !workdays.contains($0) }.map(\.ordinal).sorted()
        weekendWorkdays = workdays.filter(\.isWeekend).map(\.ordinal).sorted()
    }

    /// How many of `ordinals` (sorted) lie in `range`.
    private static func count(_ ordinals: [Int], in range: ClosedRange<Int>) -> Int {
        func firstIndex(notBelow value: Int) -> Int {
            var low = 0, high = ordinals.count
            while low < high {
                let middle = (low + high) / 2
                if ordinals[middle] < value { low = middle + 1 } else { high = middle }
            }
            return low
        }
        return firstIndex(notBelow: range.upperBound + 1) - firstIndex(notBelow: range.lowerBound)
    }

    /// Monday-to-Friday days among the ordinals in `range`.
    static func weekdays(in range: ClosedRange<Int>) -> Int {
        let days = range.count
        var total = days / 7 * 5
        // The days left over after whole weeks, from the start.
        var ordinal = range.lowerBound + days / 7 * 7
        while ordinal <= range.upperBound {
            if !Day(ordinal: ordinal).isWeekend { total += 1 }
            ordinal += 1
        }
        return total
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
        let range = (start.ordinal + 1)...end.ordinal
        return WorkCalendar.weekdays(in: range) - WorkCalendar.count(weekdayHolidays, in: range)
            + WorkCalendar.count(weekendWorkdays, in: range)
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
