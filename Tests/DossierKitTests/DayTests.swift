import DossierKit
import Testing

@Suite("Calendar days")
struct DayTests {
    @Test("parses only real YYYY-MM-DD days")
    func parsing() {
        #expect(Day("2025-02-28")?.description == "2025-02-28")
        #expect(Day("2024-02-29") != nil)
        #expect(Day("2025-02-29") == nil)
        #expect(Day("2025-13-01") == nil)
        #expect(Day("2025-1-01") == nil)
        #expect(Day("２０２５-01-01") == nil)
        #expect(Day("2025-01-01T00:00") == nil)
    }

    @Test("weekdays of known dates")
    func weekdays() {
        // 2025-01-26 was a Sunday worked as a make-up day; 2025-10-01 a Wednesday.
        #expect(Day("2025-01-26")?.weekday == 7)
        #expect(Day("2025-10-01")?.weekday == 3)
        #expect(Day("1970-01-01")?.weekday == 4)
        #expect(Day("2000-02-29")?.weekday == 2)
    }

    @Test("ordinal arithmetic round-trips across years and leap days")
    func arithmetic() throws {
        let start = try #require(Day("2024-02-28"))
        #expect(start.adding(days: 1).description == "2024-02-29")
        #expect(start.adding(days: 2).description == "2024-03-01")
        #expect(start.adding(days: 366).description == "2025-02-28")
        #expect(try #require(Day("2025-01-01")).days(to: try #require(Day("2026-01-01"))) == 365)
        for ordinal in stride(from: -1000, through: 30000, by: 37) {
            #expect(Day(ordinal: ordinal).ordinal == ordinal)
        }
    }

    @Test("a moment becomes its day in China Standard Time")
    func china() {
        // 2025-01-01T16:00:00Z is 2025-01-02 00:00 in Beijing.
        #expect(Day.inChina(secondsSinceEpoch: 1_735_747_200).description == "2025-01-02")
        #expect(Day.inChina(secondsSinceEpoch: 1_735_747_199).description == "2025-01-01")
    }

    @Test("today comes from --today, then SOURCE_DATE_EPOCH, then the clock")
    func today() throws {
        let now = Date(timeIntervalSince1970: 1_735_747_200)
        #expect(try Today.resolve(argument: "2024-05-06", environment: ["SOURCE_DATE_EPOCH": "0"], now: now).description == "2024-05-06")
        #expect(try Today.resolve(argument: nil, environment: ["SOURCE_DATE_EPOCH": "0"], now: now).description == "1970-01-01")
        #expect(try Today.resolve(argument: nil, environment: [:], now: now).description == "2025-01-02")
        #expect(throws: UsageError.self) { try Today.resolve(argument: "tomorrow", environment: [:], now: now) }
    }
}

import Foundation
