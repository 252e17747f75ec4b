@testable import DossierKit
import Testing

/// Months and the move off a day off (民法典 art. 203), hand-counted on the official 2025 and 2026
/// calendars typed in `StatutoryClockTests`.
@Suite("Day shifts")
struct DayShiftsTests {
    func day(_ text: String) -> Day { Day(text) ?? Day(ordinal: 0) }

    @Test("N months later is the same day number, or the month's last day")
    func months() {
        #expect(day("2025-01-31").adding(months: 1) == day("2025-02-28"))
        #expect(day("2024-01-31").adding(months: 1) == day("2024-02-29"))
        #expect(day("2025-03-31").adding(months: 6) == day("2025-09-30"))
        #expect(day("2025-11-15").adding(months: 3) == day("2026-02-15"))
        #expect(day("2025-12-15").adding(months: 1) == day("2026-01-15"))
        #expect(day("2025-08-31").adding(months: -6) == day("2025-02-28"))
        #expect(day("2025-05-20").adding(months: 0) == day("2025-05-20"))
    }

    @Test("a last day off moves to the next working day; a day counted backwards to the one before")
    func workingDays() {
        let calendar = StatutoryClockTests.calendar
        // National Day 2025: 1 to 8 October off, 9 October a Thursday.
        #expect(calendar.workingDay(onOrAfter: day("2025-10-01")) == day("2025-10-09"))
        // Dragon Boat 2025: Saturday 31 May to Monday 2 June off.
        #expect(calendar.workingDay(onOrAfter: day("2025-05-31")) == day("2025-06-03"))
        // Make-up working days on a weekend stay.
        #expect(calendar.workingDay(onOrAfter: day("2025-01-26")) == day("2025-01-26"))
        #expect(calendar.workingDay(onOrAfter: day("2026-02-14")) == day("2026-02-14"))
        // An ordinary Saturday moves to Monday.
        #expect(calendar.workingDay(onOrAfter: day("2025-11-29")) == day("2025-12-01"))
        // Backwards: 28 September 2025 (Sunday) was worked, so 5 October goes back to Tuesday 30 September.
        #expect(calendar.workingDay(onOrBefore: day("2025-10-05")) == day("2025-09-30"))
        // Spring Festival 2026: 15 to 23 February off, Saturday 14 February worked.
        #expect(calendar.workingDay(onOrBefore: day("2026-02-22")) == day("2026-02-14"))
        #expect(calendar.workingDay(onOrBefore: day("2025-12-03")) == day("2025-12-03"))
    }
}
