/// The date arithmetic of periods that are not counted day by day on the working calendar:
/// months (version 2, "Months") and the last day of a period that falls on a day off
/// (民法典 art. 203). Shared by the statutory clock and the applicant's deadlines.
extension Day {
    /// The same day number `months` months later (earlier when negative), or that month's last
    /// day where it has no such day (31 January plus one month is 28 or 29 February).
    public func adding(months: Int) -> Day {
        let index = year * 12 + (month - 1) + months
        let newYear = index / 12
        let newMonth = index % 12 + 1
        let clampedYear = min(max(newYear, 1), 9999)
        let last = Day.daysIn(month: newMonth, year: clampedYear)
        return Day(year: clampedYear, month: newMonth, day: min(day, last)) ?? self
    }
}

extension WorkCalendar {
    /// `day` when it is a working day, else the next working day: the last day of a period that
    /// falls on a day off moves to the next working day (民法典 art. 203).
    public func workingDay(onOrAfter day: Day) -> Day {
        var candidate = day
        // Chinese public holidays run at most nine days in a row; the bound guards a broken calendar.
        var steps = 0
        while !isWorkingDay(candidate) && steps < 60 {
            candidate = candidate.adding(days: 1)
            steps += 1
        }
        return candidate
    }

    /// `day` when it is a working day, else the working day before: a day counted backwards
    /// (a renewal's last day) never moves later than the rule allows.
    public func workingDay(onOrBefore day: Day) -> Day {
        var candidate = day
        var steps = 0
        while !isWorkingDay(candidate) && steps < 60 {
            candidate = candidate.adding(days: -1)
            steps += 1
        }
        return candidate
    }
}
