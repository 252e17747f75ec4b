@testable import DossierKit
import Testing

/// Version 2's clock rules, each against dates counted by hand on the official 2025 and 2026
/// calendars (`StatutoryClockTests.calendar`, typed from the State Council notices).
@Suite("Review clock, version 2")
struct ReviewClockTests {
    func day(_ text: String) -> Day { Day(text) ?? Day(ordinal: 0) }

    func entry(_ date: String, _ type: TimelineEntry.EntryType, days: Int? = nil, values: [(String, SchemaValue)] = []) -> TimelineEntry {
        var declared = DeclaredValues(position: .start)
        for (name, value) in values {
            declared.entries.append(DeclaredValues.Entry(name: name, keyPosition: .start, valuePosition: nil, value: value,
                                                         hadProblems: false))
        }
        return TimelineEntry(date: day(date), type: type, days: days, from: nil, channel: nil, summary: "", changes: [], clauses: [],
                             pages: [], refs: [], note: nil, isInternal: false, position: .start, values: declared)
    }

    func review(_ entries: [TimelineEntry], days: Int = 20, unit: Permit.ReviewUnit = .working,
                rule: Permit.SupplementRule = .pause, starts: Permit.ClockStart = .accepted, acceptance: Int? = nil,
                maxExtension: Int? = nil, later: [ReviewRules.Stage] = [], today: String) -> ReviewClock {
        let rules = ReviewRules(stages: [ReviewRules.Stage(days: days, unit: unit)] + later, onSupplement: rule,
                                clockStarts: starts, acceptanceDays: acceptance, maxExtensionDays: maxExtension)
        return ReviewClock.compute(entries: entries, rules: rules, calendar: StatutoryClockTests.calendar, today: day(today))
    }

    // MARK: Start

    @Test("deemed acceptance around National Day 2025: submitted 09-26, nothing within 5 working days, the late notice of 10-13 does not move the start")
    func deemedAroundHoliday() {
        // 5 working days after Fri 2025-09-26: 09-28 (make-up Sunday), 09-29, 09-30, then 10-01..08 off,
        // 10-09, 10-10: W = 2025-10-10.
        let late = review([entry("2025-09-26", .submitted), entry("2025-10-13", .accepted)], acceptance: 5, today: "2025-10-31")
        #expect(late.acceptanceDeadline == day("2025-10-10"))
        #expect(late.current.deemed)
        #expect(late.current.start == day("2025-09-26"))
        // 09-28, 09-29, 09-30, 10-09, 10-10, 10-11 (make-up Saturday), 10-13..17, 10-20..24, 10-27..31 = 21
        #expect(late.current.used == 21)
        #expect(late.current.deadline == day("2025-10-30"))
        #expect(late.current.isOverdue)
        // Accepted on W itself is in time: the clock starts on the notice. 10-11, 10-13..17, 20..24, 27..31 = 16.
        let inTime = review([entry("2025-09-26", .submitted), entry("2025-10-10", .accepted)], acceptance: 5, today: "2025-10-31")
        #expect(!inTime.current.deemed)
        #expect(inTime.current.start == day("2025-10-10"))
        #expect(inTime.current.used == 16)
        // Without acceptance rules (a 备案 that does not set acceptance_days) the late notice starts the clock:
        // 10-14..17, 10-20..24, 10-27..31 = 14.
        let noRules = review([entry("2025-09-26", .submitted), entry("2025-10-13", .accepted)], today: "2025-10-31")
        #expect(!noRules.current.deemed)
        #expect(noRules.current.used == 14)
    }

    @Test("a supplement notice on the day of submission is in time: no deemed acceptance, the clock starts on the acceptance")
    func noticeOnSubmissionDay() {
        let entries = [entry("2025-09-26", .submitted), entry("2025-09-26", .supplementRequested),
                       entry("2025-10-15", .supplementSent), entry("2025-10-20", .accepted)]
        let c = review(entries, acceptance: 5, today: "2025-10-31")
        #expect(!c.current.deemed)
        #expect(c.current.start == day("2025-10-20"))
        // 10-21..24, 10-27..31 = 9; the pre-acceptance request is no round of the clock.
        #expect(c.current.used == 9)
        #expect(c.current.paused.isEmpty)
        #expect(c.roundRules.isEmpty)
    }

    @Test("material completed before acceptance: with no accepted entry the clock starts on the material sent, not on the submission")
    func materialCompletedBeforeAcceptance() {
        let asked = [entry("2025-09-26", .submitted), entry("2025-09-29", .supplementRequested)]
        let waiting = review(asked, acceptance: 5, today: "2025-10-14")
        #expect(waiting.current.state == .notStarted)
        #expect(waiting.current.used == 0)
        let completed = review(asked + [entry("2025-10-15", .supplementSent)], acceptance: 5, today: "2025-10-31")
        #expect(completed.startedOnCompletedMaterial)
        #expect(completed.current.start == day("2025-10-15"))
        // 10-16, 10-17, 10-20..24, 10-27..31 = 12
        #expect(completed.current.used == 12)
        // A second request before acceptance is warned about (art. 32: one complete notice).
        let twice = review(asked + [entry("2025-10-09", .supplementRequested), entry("2025-10-20", .accepted)],
                           acceptance: 5, today: "2025-10-31")
        #expect(twice.problems.map(\.entry) == [2])
        #expect(twice.problems.first?.message.contains("second 'supplement_requested' before acceptance") == true)
    }

    @Test("clock_starts: submitted counts from receipt even when an acceptance follows")
    func startsOnReceipt() {
        // MLPS-style: 10 working days from receipt on Mon 2026-05-11; accepted 05-12.
        let c = review([entry("2026-05-11", .submitted), entry("2026-05-12", .accepted)], days: 10, starts: .submitted,
                       today: "2026-05-22")
        #expect(c.current.start == day("2026-05-11"))
        // 05-12..15, 05-18..22 = 9
        #expect(c.current.used == 9)
        #expect(c.current.deadline == day("2026-05-25"))
    }

    // MARK: Rounds

    @Test("a continue round is a round but the days go on counting; a round's own clock overrides the permit's rule")
    func roundRules() {
        let continued = review([entry("2025-09-26", .accepted),
                                entry("2025-10-09", .supplementRequested, values: [("clock", .text("continue"))]),
                                entry("2025-10-20", .supplementSent)], today: "2025-10-31")
        // As if there were no round: 21 (see the deemed case).
        #expect(continued.current.used == 21)
        #expect(continued.current.paused.isEmpty)
        #expect(continued.roundRules == [1: .continue])
        // The permit restarts, but this round says pause: 4 before (09-28..30, 10-09) + 10-21..24, 10-27..31 = 13.
        let paused = review([entry("2025-09-26", .accepted),
                             entry("2025-10-09", .supplementRequested, values: [("clock", .text("pause"))]),
                             entry("2025-10-20", .supplementSent)], rule: .restart, today: "2025-10-31")
        #expect(paused.current.used == 13)
        #expect(paused.current.restarts == 0)
        // And the other way round: the permit pauses, this round restarts: 10-21..24, 10-27..31 = 9.
        let restarted = review([entry("2025-09-26", .accepted),
                                entry("2025-10-09", .supplementRequested, values: [("clock", .text("restart"))]),
                                entry("2025-10-20", .supplementSent)], today: "2025-10-31")
        #expect(restarted.current.used == 9)
        #expect(restarted.current.restarts == 1)
    }

    // MARK: Excluded time

    @Test("an expert review across Spring Festival 2026 leaves out both ends of the notice; the clock runs again the day after")
    func exclusionAcrossSpringFestival() {
        let c = review([entry("2026-02-02", .accepted),
                        entry("2026-02-12", .excluded, values: [("until", .day(day("2026-02-26"))), ("reason", .text("专家评审")),
                                                                 ("notified", .bool(true))])], today: "2026-03-13")
        // Before: 02-03..06, 02-09..11 = 7. Left out, both ends included: 02-12, 02-13, 02-14 (make-up
        // Saturday), 02-24, 02-25, 02-26 = 6 working days (02-15..23 are off anyway). After: 02-27,
        // 02-28 (make-up Saturday), 03-02..06, 03-09..13 = 12. Used 19 of 20.
        #expect(c.current.used == 19)
        #expect(c.current.excludedDays == 6)
        #expect(c.current.excluded.map { [$0.from, $0.through] } == [[day("2026-02-12"), day("2026-02-26")]])
        #expect(c.current.state == .running)
        #expect(c.current.deadline == day("2026-03-16"))
        #expect(c.problems.isEmpty)
        // Without notified: true the page warns; while the material is awaited, an exclusion is ignored and warned about.
        let unnotified = review([entry("2026-02-02", .accepted), entry("2026-02-12", .excluded, values: [("until", .day(day("2026-02-26")))])],
                                today: "2026-03-13")
        #expect(unnotified.current.used == 19)
        #expect(unnotified.problems.map(\.message).first?.contains("notified: true") == true)
        let whilePaused = review([entry("2026-02-02", .accepted), entry("2026-02-05", .supplementRequested),
                                  entry("2026-02-12", .excluded, values: [("until", .day(day("2026-02-26"))), ("notified", .bool(true))])],
                                 today: "2026-03-13")
        #expect(whilePaused.current.excludedDays == 0)
        #expect(whilePaused.problems.map(\.entry) == [2])
    }

    @Test("an exclusion without until runs to today: the clock is paused and counts nothing")
    func openExclusion() {
        let c = review([entry("2026-02-02", .accepted), entry("2026-03-02", .excluded, values: [("notified", .bool(true))])],
                       today: "2026-03-13")
        // 02-03..06, 02-09..13, 02-14 (make-up), 02-24..27, 02-28 (make-up) = 4 + 5 + 1 + 4 + 1 = 15.
        #expect(c.current.used == 15)
        #expect(c.current.state == .paused)
        #expect(c.current.isExcluding)
        // 03-02..06, 03-09..13 = 10 left out so far.
        #expect(c.current.excludedDays == 10)
        #expect(c.current.excluded.first?.isOpen == true)
    }

    // MARK: Stages

    @Test("a forwarded file starts stage 2 on the day the upper authority received it, with that stage's period and unit")
    func stages() {
        let c = review([entry("2025-03-03", .accepted),
                        entry("2025-03-17", .forwarded, values: [("received", .day(day("2025-03-20")))])],
                       later: [ReviewRules.Stage(name: "national", days: 60, unit: .calendar)], today: "2025-04-10")
        #expect(c.stages.count == 2)
        #expect(c.currentIndex == 1)
        // Stage 1: 03-04..07, 03-10..14, 03-17 = 10, stopped by the forwarding without a decision.
        #expect(c.stages[0].used == 10)
        #expect(c.stages[0].state == .stopped)
        #expect(!c.stages[0].decided)
        // Stage 2 from 03-20: 11 days to 03-31, 10 to 04-10 = 21 calendar days; the 60th is 2025-05-19 (a Monday).
        #expect(c.stages[1].start == day("2025-03-20"))
        #expect(c.stages[1].used == 21)
        #expect(c.stages[1].unit == .calendar)
        #expect(c.stages[1].deadline == day("2025-05-19"))
        #expect(c.current.stage == 2)
        // A forwarded beyond the last stage is an error, and the stage runs on.
        let beyond = review([entry("2025-03-03", .accepted), entry("2025-03-17", .forwarded)], today: "2025-03-20")
        #expect(beyond.problems.map(\.isError) == [true])
        #expect(beyond.current.state == .running)
        #expect(beyond.current.used == 13)  // 03-04..07, 03-10..14, 03-17..20
    }

    // MARK: Extensions

    @Test("an extension after the period ran out is not counted; one beyond max_extension_days counts only up to it")
    func extensions() {
        // Accepted Fri 2025-04-25: 04-27 (make-up), 04-28..30, 05-06..09, 05-12..16, 05-19..23, 05-26, 05-27:
        // the 20th working day is 05-27. Dated 05-28 (21 used), the extension comes too late.
        let late = review([entry("2025-04-25", .accepted), entry("2025-05-28", .extended, days: 10)], today: "2025-06-10")
        #expect(late.current.limit == 20)
        // 20 + 05-28..30, 06-03..06 (05-31..06-02 off), 06-09, 06-10 = 29
        #expect(late.current.used == 29)
        #expect(late.current.isOverdue)
        #expect(late.current.deadline == day("2025-05-27"))
        #expect(late.problems.map(\.entry) == [1])
        // On the last day itself it is in time.
        let onTime = review([entry("2025-04-25", .accepted), entry("2025-05-27", .extended, days: 10)], today: "2025-06-10")
        #expect(onTime.current.limit == 30)
        #expect(!onTime.current.isOverdue)
        #expect(onTime.problems.isEmpty)
        // 15 asked, 10 allowed.
        let excess = review([entry("2025-04-25", .accepted), entry("2025-05-20", .extended, days: 15)], maxExtension: 10,
                            today: "2025-06-10")
        #expect(excess.current.limit == 30)
        #expect(excess.problems.first?.message.contains("max_extension_days") == true)
    }

    // MARK: Last day on a day off

    @Test("a calendar-day period ending on a day off ends on the next working day (民法典 art. 203)")
    func calendarDeadlineMoved() {
        // Wed 2025-03-05 + 10 calendar days = Sat 03-15: the deadline moves to Mon 03-17.
        let weekend = review([entry("2025-03-05", .accepted)], days: 10, unit: .calendar, today: "2025-03-16")
        #expect(weekend.current.deadline == day("2025-03-17"))
        #expect(weekend.current.used == 11)
        #expect(weekend.current.remaining == -1)
        #expect(!weekend.current.isOverdue)
        // Fri 2025-09-26 + 10 = Mon 10-06, inside National Day (10-01..08 off): the deadline is Thu 10-09.
        let holiday = review([entry("2025-09-26", .accepted)], days: 10, unit: .calendar, today: "2025-10-10")
        #expect(holiday.current.deadline == day("2025-10-09"))
        #expect(holiday.current.used == 14)
        #expect(holiday.current.isOverdue)
        // Working-day periods always end on a working day already: nothing moves.
        let working = review([entry("2025-09-26", .accepted)], today: "2025-10-10")
        #expect(working.current.deadline == day("2025-10-30"))
    }
}

@Suite("Authority deadline")
struct AuthorityDeadlineTests {
    @Test("the current stage's deadline: its day, unit, whether it has passed and whether it was decided")
    func current() {
        let tests = ReviewClockTests()
        let rules = ReviewRules(stages: [ReviewRules.Stage(days: 20, unit: .working), ReviewRules.Stage(name: "national", days: 10, unit: .calendar)])
        // Stage 2 from Thu 2025-03-20: 10 calendar days end on Sun 03-30, moved to Mon 03-31 (art. 203).
        let running = ReviewClock.compute(entries: [tests.entry("2025-03-03", .accepted), tests.entry("2025-03-20", .forwarded)],
                                          rules: rules, calendar: StatutoryClockTests.calendar, today: tests.day("2025-03-31"))
        #expect(running.authorityDeadline == AuthorityDeadline(stage: 2, stageName: "national", date: tests.day("2025-03-31"),
                                                               unit: .calendar, hasPassed: false, isDecided: false, state: .running))
        let late = ReviewClock.compute(entries: [tests.entry("2025-03-03", .accepted), tests.entry("2025-03-20", .forwarded)],
                                       rules: rules, calendar: StatutoryClockTests.calendar, today: tests.day("2025-04-01"))
        #expect(late.authorityDeadline.hasPassed)
        let decided = ReviewClock.compute(entries: [tests.entry("2025-03-03", .accepted), tests.entry("2025-03-20", .forwarded),
                                                    tests.entry("2025-03-25", .approved)],
                                          rules: rules, calendar: StatutoryClockTests.calendar, today: tests.day("2025-04-10"))
        #expect(decided.authorityDeadline.isDecided)
        #expect(!decided.authorityDeadline.hasPassed)
        #expect(decided.authorityDeadline.date == nil)
    }
}
