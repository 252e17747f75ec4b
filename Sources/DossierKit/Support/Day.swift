/// A calendar day (no time, no time zone), such as `2025-10-08`.
///
/// Dates in content are days in China; they never shift with a time zone, so they are
/// never `Foundation.Date`.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a day when the parts name a real one.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Why `text` is not a day, said so that the fix is plain: an impossible day names the part
    /// that is impossible ("February 2026 has 28 days"), a day written another way shows how to
    /// write it (`2026/11/20` → `2026-11-20`). Nil when `text` is a day.
    public static func problem(with text: String) -> String? {
        guard Day(text) == nil else { return nil }
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                     "November", "December"]
        // The numbers in it, in order: 2026/11/20, 2026.11.20, 2026年11月20日, 2026-1-5 ...
        let parts = text.split { !$0.isASCII || !$0.isNumber }.compactMap { Int($0) }
        let digitsOnly = text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-") }
        guard parts.count == 3, let year = parts.first, (1...9999).contains(year), text.prefix(4).allSatisfy(\.isNumber) else {
            return "it must be a date written YYYY-MM-DD, such as 2026-11-20"
        }
        let (month, day) = (parts[1], parts[2])
        guard (1...12).contains(month) else { return "there is no month \(month); write the date as YYYY-MM-DD" }
        let length = daysIn(month: month, year: year)
        guard (1...length).contains(day) else {
            return day == 0 ? "there is no day 0" : "\(names[month - 1]) \(year) has \(length) days"
        }
        let written = Day(year: year, month: month, day: day)?.description ?? text
        return digitsOnly ? "write the month and day with two digits each: \(written)"
            : "write it as YYYY-MM-DD: \(written)"
    }

    /// Days since 1970-01-01 (negative before).
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The day with the given ordinal (days since 1970-01-01).
    public init(ordinal: Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    public var weekday: Int {
        let w = (ordinal + 3) % 7  // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    public var isWeekend: Bool { weekday >= 6 }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// Calendar days from `self` to `other` (positive when `other` is later).
    public func days(to other: Day) -> Int { other.ordinal - ordinal }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The day in China Standard Time (UTC+8) at `secondsSinceEpoch`.
    public static func inChina(secondsSinceEpoch: Int) -> Day {
        let shifted = secondsSinceEpoch + 8 * 3600
        let days = shifted >= 0 ? shifted / 86400 : (shifted - 86399) / 86400
        return Day(ordinal: days)
    }
}
