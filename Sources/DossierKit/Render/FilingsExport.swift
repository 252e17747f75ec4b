import Foundation

/// `data/filings.json`: every filing with its computed figures, for spreadsheets and dashboards.
/// Internal audience only.
public enum FilingsExport {
    struct Record: Encodable {
        var id: String
        var title: String
        var url: String
        var client: String
        var clientName: String?
        var permit: String
        var permitName: String?
        var status: String
        var region: String?
        var owner: String?
        var reference: String?
        var opened: String?
        var memoComplete: Bool
        var entries: Int
        var lastEntry: String?
        var clock: Clock?
        var whoseMove: Move
        var rounds: [Round]
        var workingDaysToDecision: Int?
        // Version 2: the clock
        var application: String
        /// Whether the application counts as accepted on submission (art. 32).
        var deemed: Bool
        /// Every review stage's clock, stage 1 first (empty without a review period).
        var stages: [StageClock]
    }

    // Version 2: the clock
    struct StageClock: Encodable {
        var stage: Int
        var name: String?
        var state: String
        var unit: String
        var used: Int
        var limit: Int
        var remaining: Int
        var deadline: String?
        var overdue: Bool
        var start: String?
        var stopped: String?
        var decided: Bool
        var deemed: Bool
        var rounds: Int
        var restarts: Int
        var extensionDays: Int
        var excludedDays: Int
        var excluded: [Stretch]
        var paused: [Stretch]
    }

    struct Clock: Encodable {
        var state: String
        var unit: String
        var used: Int
        var limit: Int
        var remaining: Int
        var deadline: String?
        var overdue: Bool
        var start: String?
        var restarts: Int
        var paused: [Stretch]
    }

    struct Stretch: Encodable {
        var from: String
        var through: String
        var open: Bool
    }

    struct Move: Encodable {
        var party: String
        var since: String?
        var days: Int?
    }

    struct Round: Encodable {
        var number: Int
        var requested: String
        var sent: String?
        var ourWorkingDays: Int
        var authorityWorkingDays: Int?
    }

    public static func json(site: Site) -> Data {
        let records: [Record] = site.filings.compactMap { filing in
            guard let analysis = site.analyses[filing.id] else { return nil }
            let clock = analysis.clock.map { clock in
                Clock(state: clock.state.rawValue, unit: clock.unit.rawValue, used: clock.used, limit: clock.limit,
                      remaining: clock.remaining, deadline: clock.state == .running ? clock.deadline?.description : nil,
                      overdue: clock.isOverdue, start: clock.start?.description, restarts: clock.restarts,
                      paused: clock.paused.map { Stretch(from: $0.from.description, through: $0.through.description, open: $0.isOpen) })
            }
            return Record(
                id: filing.id, title: filing.title, url: PageRef(.filings, filing.id).outputPath,
                client: filing.client.value, clientName: site.client(filing.client.value)?.name,
                permit: filing.permit.value, permitName: site.permit(filing.permit.value)?.name,
                status: filing.status.rawValue, region: filing.region?.value, owner: filing.owner, reference: filing.reference,
                opened: filing.opened?.description, memoComplete: filing.memo?.isComplete ?? false,
                entries: filing.timeline.count, lastEntry: analysis.ordered.last?.date.description, clock: clock,
                whoseMove: Move(party: analysis.whoseMove.party.rawValue, since: analysis.whoseMove.since?.description,
                                days: analysis.whoseMove.days),
                rounds: analysis.rounds.map {
                    Round(number: $0.number, requested: $0.requested.description, sent: $0.sent?.description,
                          ourWorkingDays: $0.ourWorkingDays, authorityWorkingDays: $0.authorityWorkingDays)
                },
                workingDaysToDecision: analysis.workingDaysToDecision,
                application: (filing.values[FilingSchema.application] ?? .new).rawValue,
                deemed: analysis.review?.stages.first?.deemed ?? false,
                stages: (analysis.review?.stages ?? []).map(stageClock))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Export(generated: site.today.description, filings: records))) ?? Data("{}".utf8)
        var safe = htmlSafe(data)
        safe.append(0x0A)
        return safe
    }

    // Version 2: the clock
    static func stageClock(_ clock: StatutoryClock) -> StageClock {
        func stretches(_ list: [StatutoryClock.Stretch]) -> [Stretch] {
            list.map { Stretch(from: $0.from.description, through: $0.through.description, open: $0.isOpen) }
        }
        return StageClock(stage: clock.stage, name: clock.stageName, state: clock.state.rawValue, unit: clock.unit.rawValue,
                          used: clock.used, limit: clock.limit, remaining: clock.remaining,
                          deadline: clock.state == .running || clock.isExcluding ? clock.deadline?.description : nil,
                          overdue: clock.isOverdue, start: clock.start?.description, stopped: clock.stopped?.description,
                          decided: clock.decided, deemed: clock.deemed, rounds: clock.rounds, restarts: clock.restarts,
                          extensionDays: clock.extensionDays, excludedDays: clock.excludedDays,
                          excluded: stretches(clock.excluded), paused: stretches(clock.paused))
    }

    /// `<`, `>` and `&` only occur inside JSON strings; as `\u003c` ... the file is safe even where
    /// it is embedded in an HTML page. (On the bytes: a large site's export is megabytes.)
    static func htmlSafe(_ json: Data) -> Data {
        var result: [UInt8] = []
        result.reserveCapacity(json.count + 64)
        json.withUnsafeBytes { bytes in
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "&"): result.append(contentsOf: "\\u0026".utf8)
                case UInt8(ascii: "<"): result.append(contentsOf: "\\u003c".utf8)
                case UInt8(ascii: ">"): result.append(contentsOf: "\\u003e".utf8)
                default: result.append(byte)
                }
            }
        }
        return Data(result)
    }

    struct Export: Encodable {
        var generated: String
        var filings: [Record]
    }
}
