import Foundation

/// "Today" for a build: `--today`, then `SOURCE_DATE_EPOCH`, then the clock in China Standard Time.
public enum Today {
    public static func resolve(argument: String?, environment: [String: String], now: Date) throws -> Day {
        if let argument {
            guard let day = Day(argument) else { throw UsageError("--today must be a date written YYYY-MM-DD, found '\(argument)'") }
            return day
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty {
            guard let seconds = Int(epoch) else { throw UsageError("SOURCE_DATE_EPOCH must be a whole number of seconds, found '\(epoch)'") }
            return Day.inChina(secondsSinceEpoch: seconds)
        }
        return Day.inChina(secondsSinceEpoch: Int(now.timeIntervalSince1970.rounded(.down)))
    }
}
