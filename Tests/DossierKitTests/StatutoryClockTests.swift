@testable import DossierKit
import Testing

/// The clock against the official 2025 and 2026 calendars (国办发明电〔2024〕12号 and the notice of
/// 2025-11-04), typed here from the notices, not from the sample content.
@Suite("Statutory clock")
struct StatutoryClockTests {
    static func days(_ list: [String]) -> Set<Day> { Set(list.compactMap { Day($0) }) }

    static func range(_ from: String, _ through: String) -> [String] {
        guard let start = Day(from), let end = Day(through) else { return [] }
        return (0...start.days(to: end)).map { start.adding(days: $0).description }
    }

    static let calendar: WorkCalendar = {
        var calendar = WorkCalendar()
        calendar.years = [2025, 2026]
        calendar.holidays = days(["2025-01-01"] + range("2025-01-28", "2025-02-04") + range("2025-04-04", "2025-04-06")
            + range("2025-05-01", "2025-05-05") + range("2025-05-31", "2025-06-02") + range("2025-10-01", "2025-10-08")
            + range("2026-01-01", "2026-01-03") + range("2026-02-15", "2026-02-23") + range("2026-04-04", "2026-04-06")
            + range("2026-05-01", "2026-05-05") + range("2026-06-19", "2026-06-21") + range("2026-09-25", "2026-09-27")
            + range("2026-10-01", "2026-10-07"))
        calendar.workdays = days(["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
                                  "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"])
        return calendar
    }()

    func day(_ text: String) -> Day { Day(text) ?? Day(ordinal: 0) }

    func entry(_ date: String, _ type: TimelineEntry.EntryType, days: Int? = nil) -> TimelineEntry {
        TimelineEntry(date: day(date), type: type, days: days, from: nil, channel: nil, summary: "", changes: [], clauses: [],
                      pages: [], refs: [], note: nil, isInternal: false, position: .start)
    }

    func clock(_ entries: [TimelineEntry], days: Int = 20, unit: Permit.ReviewUnit = .working,
               rule: Permit.SupplementRule = .pause, today: String, calendar: WorkCalendar = calendar) -> StatutoryClock {
        StatutoryClock.compute(entries: entries, reviewDays: days, unit: unit, onSupplement: rule, calendar: calendar, today: day(today))
    }

    @Test("the working-day vectors of the domain notes (first day not counted, make-up days counted)",
          arguments: [("2025-09-26", 20, "2025-10-30"), ("2025-01-20", 20, "2025-02-21"), ("2025-04-25", 10, "2025-05-13"),
                      ("2026-02-10", 20, "2026-03-16"), ("2026-09-18", 30, "2026-11-05")])
    func vectors(start: String, amount: Int, expected: String) {
        #expect(Self.calendar.day(after: day(start), counting: amount, unit: .working) == day(expected))
    }

    @Test("2025 and 2026 each have 248 working days")
    func yearTotals() {
        #expect(Self.calendar.count(after: day("2024-12-31"), through: day("2025-12-31"), unit: .working) == 248)
        #expect(Self.calendar.count(after: day("2025-12-31"), through: day("2026-12-31"), unit: .working) == 248)
    }

    @Test("counting working days by arithmetic gives what walking day by day gives, over every start and length in 2024-2027")
    func countingMatchesAWalk() {
        let calendar = Self.calendar
        guard let first = Day("2024-12-20") else { return }
        // Every start in a window around both years' holidays, every length up to 400 days.
        for startOffset in stride(from: 0, through: 760, by: 3) {
            let start = first.adding(days: startOffset)
            for length in [0, 1, 2, 3, 5, 6, 7, 8, 13, 20, 31, 60, 99, 180, 365, 400] {
                let end = start.adding(days: length)
                var walked = 0
                var day = start.adding(days: 1)
                while day <= end {
                    if calendar.isWorkingDay(day) { walked += 1 }
                    day = day.adding(days: 1)
                }
                #expect(calendar.count(after: start, through: end, unit: .working) == walked, "\(start) + \(length)")
            }
        }
    }

    @Test("Spring Festival and National Day 2025: the days off are not counted, the make-up Sundays are")
    func holidays() {
        #expect(!Self.calendar.isWorkingDay(day("2025-01-28")))
        #expect(!Self.calendar.isWorkingDay(day("2025-02-04")))
        #expect(Self.calendar.isWorkingDay(day("2025-01-26")))
        #expect(Self.calendar.isWorkingDay(day("2025-02-08")))
        #expect(!Self.calendar.isWorkingDay(day("2025-10-08")))
        #expect(Self.calendar.isWorkingDay(day("2025-09-28")))
        #expect(Self.calendar.isWorkingDay(day("2025-10-11")))
        // After 2025-01-24 (Fri) through 2025-02-10 (Mon): 01-26 (make-up Sunday), 01-27, 02-05, 02-06, 02-07,
        // 02-08 (make-up Saturday) and 02-10 count; 01-28 to 02-04 are off.
        #expect(Self.calendar.count(after: day("2025-01-24"), through: day("2025-02-10"), unit: .working) == 7)
    }

    @Test("an open filing runs to today; overdue by a day after the 2025-09-26 + 20 deadline")
    func overdue() {
        let c = clock([entry("2025-09-20", .submitted), entry("2025-09-26", .accepted)], today: "2025-10-31")
        #expect(c.state == .running)
        #expect(c.start == day("2025-09-26"))
        #expect(c.used == 21)
        #expect(c.remaining == -1)
        #expect(c.isOverdue)
        #expect(c.deadline == day("2025-10-30"))
    }

    @Test("a supplement round pauses the clock; it runs on from the material sent")
    func paused() {
        let entries = [entry("2025-09-26", .accepted), entry("2025-10-09", .supplementRequested)]
        let waiting = clock(entries, today: "2025-10-15")
        #expect(waiting.state == .paused)
        #expect(waiting.used == 4)  // 09-28 (make-up Sunday), 09-29, 09-30, 10-09
        #expect(waiting.deadline == nil)
        #expect(waiting.paused.map(\.from) == [day("2025-10-09")])
        #expect(waiting.paused.first?.isOpen == true)

        let resumed = clock(entries + [entry("2025-10-20", .supplementSent)], today: "2025-10-31")
        #expect(resumed.state == .running)
        #expect(resumed.used == 13)  // 4 + 10-21..24 and 10-27..31
        #expect(resumed.remaining == 7)
        #expect(resumed.deadline == day("2025-11-11"))
        #expect(resumed.paused.map { [$0.from, $0.through] } == [[day("2025-10-09"), day("2025-10-20")]])
    }

    @Test("on_supplement: restart starts a new full period from the material sent; a decision stops it")
    func restart() {
        let c = clock([entry("2025-03-05", .accepted), entry("2025-03-24", .supplementRequested),
                       entry("2025-04-02", .supplementSent), entry("2025-05-14", .approved)],
                      days: 30, rule: .restart, today: "2025-11-29")
        #expect(c.state == .stopped)
        #expect(c.restarts == 1)
        // 04-03, 04-07..11, 04-14..18, 04-21..25, 04-27 (make-up), 04-28..30, 05-06..09, 05-12..14
        #expect(c.used == 27)
        #expect(c.remaining == 3)
        #expect(!c.isOverdue)
        #expect(c.deadline == nil)
    }

    @Test("an extension adds its days to the period")
    func extended() {
        let c = clock([entry("2025-04-25", .accepted), entry("2025-05-20", .extended, days: 10)], today: "2025-06-10")
        #expect(c.limit == 30)
        #expect(c.used == 29)
        #expect(c.remaining == 1)
        #expect(c.deadline == day("2025-06-11"))
    }

    @Test("calendar-day permits count every day")
    func calendarDays() {
        let c = clock([entry("2025-09-26", .accepted)], unit: .calendar, today: "2025-10-10")
        #expect(c.used == 14)
        #expect(c.deadline == day("2025-10-16"))
        #expect(c.missingCalendarYears.isEmpty)
    }

    @Test("without accepted the clock starts on submitted; with neither it has not started")
    func start() {
        #expect(clock([entry("2025-09-26", .submitted)], today: "2025-09-30").start == day("2025-09-26"))
        let none = clock([entry("2025-09-26", .note)], today: "2025-09-30")
        #expect(none.state == .notStarted)
        #expect(none.used == 0)
        #expect(none.remaining == 20)
        #expect(!none.isOverdue)
    }

    @Test("a year with no calendar file is reported and counted Monday to Friday")
    func missingYear() {
        var only2025 = Self.calendar
        only2025.years = [2025]
        only2025.holidays = only2025.holidays.filter { $0.year == 2025 }
        only2025.workdays = only2025.workdays.filter { $0.year == 2025 }
        let c = clock([entry("2025-12-29", .accepted)], today: "2026-01-09", calendar: only2025)
        #expect(c.missingCalendarYears == [2026])
        // 12-30, 12-31, then 2026-01-01, 02, 05..09 as plain weekdays
        #expect(c.used == 9)
    }
}

@Suite("Whose move and rounds")
struct WhoseMoveTests {
    func entry(_ date: String, _ type: TimelineEntry.EntryType, from: TimelineEntry.Sender? = nil, summary: String = "") -> TimelineEntry {
        TimelineEntry(date: Day(date) ?? Day(ordinal: 0), type: type, days: nil, from: from, channel: nil, summary: summary,
                      changes: [], clauses: [], pages: [], refs: [], note: nil, isInternal: false, position: .start)
    }

    @Test("the ball moves with submissions, requests, questions and answers")
    func moves() {
        let today = Day("2025-11-01") ?? Day(ordinal: 0)
        let submitted = [entry("2025-10-01", .submitted), entry("2025-10-10", .accepted)]
        #expect(WhoseMove.compute(status: .underReview, entries: submitted, opened: nil, today: today)
            == WhoseMove(party: .authority, since: Day("2025-10-01"), days: 31))
        let asked = submitted + [entry("2025-10-20", .question, from: .authority)]
        #expect(WhoseMove.compute(status: .underReview, entries: asked, opened: nil, today: today).party == .us)
        let answered = asked + [entry("2025-10-21", .reply, from: .us)]
        #expect(WhoseMove.compute(status: .underReview, entries: answered, opened: nil, today: today)
            == WhoseMove(party: .authority, since: Day("2025-10-21"), days: 11))
        let requested = answered + [entry("2025-10-25", .supplementRequested)]
        #expect(WhoseMove.compute(status: .supplementing, entries: requested, opened: nil, today: today)
            == WhoseMove(party: .us, since: Day("2025-10-25"), days: 7))
        #expect(WhoseMove.compute(status: .approved, entries: requested + [entry("2025-10-30", .approved)], opened: nil, today: today).party == .closed)
        #expect(WhoseMove.compute(status: .preparing, entries: [], opened: Day("2025-09-01"), today: today)
            == WhoseMove(party: .us, since: Day("2025-09-01"), days: 61))
    }
}
