/// The authority's statutory review clock for one filing, as the content format defines it:
/// it starts on `accepted` (or `submitted` when there is no `accepted`), stops while a
/// `supplement_requested` waits for its `supplement_sent` (then runs on, or starts a new full
/// period where the permit says `on_supplement: restart`), grows by `days` on each `extended`,
/// and ends on `approved`, `rejected` or `withdrawn`; an open filing's clock runs to today.
/// Each running stretch counts the days after the day it starts, up to and including the day it
/// stops.
public struct StatutoryClock: Sendable, Equatable {
    public enum State: String, Sendable {
        case notStarted = "not-started"
        case running, paused, stopped
    }

    /// A stretch of time: the clock running, or paused for a supplement.
    public struct Stretch: Sendable, Equatable {
        public var from: Day
        /// The day it stopped; for the current stretch of an open filing, today.
        public var through: Day
        /// Counting days in it (running stretches only).
        public var counted: Int
        /// Whether it is still going on (runs to today).
        public var isOpen: Bool
    }

    public var state: State
    public var unit: Permit.ReviewUnit
    /// The period: `review_days` plus extensions (since the last restart).
    public var limit: Int
    public var used: Int
    public var start: Day?
    /// Running stretches, in order (after the last restart only the later ones count).
    public var running: [Stretch]
    /// Paused stretches: from a supplement request to the material sent (or today).
    public var paused: [Stretch]
    /// How often a supplement restarted the period.
    public var restarts: Int
    /// The day the period runs out, for a running clock (in the past when overdue).
    public var deadline: Day?
    /// Years the count went through that have no calendar file (working days only).
    public var missingCalendarYears: [Int]

    public var remaining: Int { limit - used }
    public var isOverdue: Bool { state != .notStarted && used > limit }

    /// Computes the clock. `entries` must be in date order.
    public static func compute(entries: [TimelineEntry], reviewDays: Int, unit: Permit.ReviewUnit,
                               onSupplement: Permit.SupplementRule, calendar: WorkCalendar, today: Day) -> StatutoryClock {
        var clock = StatutoryClock(state: .notStarted, unit: unit, limit: reviewDays, used: 0, start: nil, running: [],
                                   paused: [], restarts: 0, deadline: nil, missingCalendarYears: [])
        let startIndex = entries.firstIndex { $0.type == .accepted } ?? entries.firstIndex { $0.type == .submitted }
        guard let startIndex else { return clock }
        let startDay = entries[startIndex].date
        clock.start = startDay
        clock.state = .running
        var runningFrom = startDay
        var pausedFrom: Day?
        // Running stretches from this index on belong to the current period (after any restart).
        var periodStart = 0
        var coveredUntil = startDay

        func closeRunning(at day: Day) {
            let counted = calendar.count(after: runningFrom, through: day, unit: unit)
            clock.running.append(Stretch(from: runningFrom, through: max(day, runningFrom), counted: counted, isOpen: false))
            clock.used += counted
            coveredUntil = max(coveredUntil, day)
        }

        for entry in entries[(startIndex + 1)...] {
            guard clock.state != .stopped else { break }
            switch entry.type {
            case .supplementRequested where clock.state == .running:
                closeRunning(at: entry.date)
                clock.state = .paused
                pausedFrom = entry.date
            case .supplementSent where clock.state == .paused:
                let from = pausedFrom ?? entry.date
                clock.paused.append(Stretch(from: from, through: max(entry.date, from), counted: 0, isOpen: false))
                pausedFrom = nil
                if onSupplement == .restart {
                    clock.used = 0
                    clock.limit = reviewDays
                    clock.restarts += 1
                    periodStart = clock.running.count
                }
                runningFrom = entry.date
                clock.state = .running
            case .extended:
                clock.limit += entry.days ?? 0
            case .approved, .rejected, .withdrawn:
                if clock.state == .running {
                    closeRunning(at: entry.date)
                } else if clock.state == .paused, let from = pausedFrom {
                    clock.paused.append(Stretch(from: from, through: max(entry.date, from), counted: 0, isOpen: false))
                }
                clock.state = .stopped
            default:
                break
            }
        }

        switch clock.state {
        case .running:
            let counted = calendar.count(after: runningFrom, through: today, unit: unit)
            clock.running.append(Stretch(from: runningFrom, through: max(today, runningFrom), counted: counted, isOpen: true))
            clock.used += counted
            coveredUntil = max(coveredUntil, today)
            // The day the count of the current period reaches the limit.
            var cumulative = 0
            for stretch in clock.running[periodStart...] {
                if stretch.isOpen || cumulative + stretch.counted >= clock.limit {
                    clock.deadline = calendar.day(after: stretch.from, counting: max(0, clock.limit - cumulative), unit: unit)
                    break
                }
                cumulative += stretch.counted
            }
            if let deadline = clock.deadline { coveredUntil = max(coveredUntil, deadline) }
        case .paused:
            if let from = pausedFrom {
                clock.paused.append(Stretch(from: from, through: max(today, from), counted: 0, isOpen: true))
            }
        case .notStarted, .stopped:
            break
        }
        if unit == .working {
            clock.missingCalendarYears = calendar.missingYears(from: startDay, through: coveredUntil)
        }
        return clock
    }
}
