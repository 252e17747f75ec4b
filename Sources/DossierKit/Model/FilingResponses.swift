/// Version 2: responses. A filing's exchange with the reviewer, point by point: every timeline
/// entry that has `items` (a supplement request, a question) with its points, numbered as the
/// reviewer numbered them, and the changes that answer each (`changes` items whose `answers` name
/// it, in entries after it, up to the next entry that has items).
public struct FilingResponses: Sendable {
    /// A change as it answers a point (or, answering none, as it stands under its request).
    public struct Change: Sendable {
        public var text: String
        public var clauses: [String]
        public var pages: [String]
        /// The index in `Filing.timeline` of the entry that carries the change.
        public var entryIndex: Int
        public var date: Day
        /// Its position in date order (see `FilingResponses.order`).
        var rank: Int
    }

    /// One of the reviewer's points.
    public struct Point: Sendable {
        /// 1, 2, ... in the order written (an internal point keeps its number in a brief).
        public var number: Int
        public var text: String
        public var isInternal: Bool
        public var changes: [Change]
        public var isAnswered: Bool { !changes.isEmpty }
    }

    /// An entry that has `items`, with its points and the changes bound to it.
    public struct Request: Sendable {
        /// 1, 2, ...: counts the entries with items, in date order.
        public var number: Int
        /// The index in `Filing.timeline` of the entry.
        public var entryIndex: Int
        public var date: Day
        public var type: TimelineEntry.EntryType
        public var summary: String
        var rank: Int
        public var points: [Point]
        /// Its number in the wiki (in a brief, where internal entries are gone, `number` may be
        /// smaller): what a brief's changes are bound by.
        var wikiNumber: Int = 0
        /// Changes bound to this request that answer no point.
        public var otherChanges: [Change]
        public var openPoints: [Point] { points.filter { !$0.isAnswered } }
        /// The day of the last entry whose changes answer it, if any.
        public var lastAnswered: Day? { (points.flatMap(\.changes) + otherChanges).map(\.date).max() }
    }

    /// A change whose `answers` cannot be bound: no earlier entry has items, or no such point.
    public struct Unbound: Sendable {
        public var answer: Located<String>
        /// The request the change is bound to (nil: no earlier entry has items).
        public var request: Int?
    }

    public var requests: [Request]
    var unbound: [Unbound]
    /// Indices into `Filing.timeline`, in date order (equal dates keep the order written).
    public var order: [Int]

    public var openCount: Int { requests.reduce(0) { $0 + $1.openPoints.count } }

    public init(_ filing: Filing) {
        let timeline = filing.timeline
        order = timeline.indices.sorted { (timeline[$0].date, $0) < (timeline[$1].date, $1) }
        requests = []
        unbound = []
        for (rank, index) in order.enumerated() {
            let entry = timeline[index]
            // Its changes answer the nearest earlier entry with items (never the entry itself).
            for change in entry.values[TimelineEntrySchema.changes] ?? [] {
                guard let text = change[ResponseSchema.changeText] else { continue }
                let made = Change(text: text, clauses: change[ResponseSchema.changeClauses] ?? [],
                                  pages: change[ResponseSchema.changePages] ?? [], entryIndex: index, date: entry.date, rank: rank)
                let answers = change[ResponseSchema.answers] ?? []
                // In a brief: the request it was bound to in the wiki, or none if that one is gone.
                if let bound = change.stamp(Self.boundEntry) {
                    guard let current = requests.firstIndex(where: { $0.wikiNumber == bound }) else { continue }
                    bind(made, answers: answers, to: current, rank: rank)
                    continue
                }
                guard let current = requests.indices.last else {
                    unbound += answers.map { Unbound(answer: $0, request: nil) }
                    continue
                }
                for answer in answers {
                    guard let number = Int(answer.value),
                          let point = requests[current].points.firstIndex(where: { $0.number == number }) else {
                        unbound.append(Unbound(answer: answer, request: current))
                        continue
                    }
                    if !requests[current].points[point].changes.contains(where: { $0.rank == rank && $0.text == text }) {
                        requests[current].points[point].changes.append(made)
                    }
                }
                if answers.isEmpty { requests[current].otherChanges.append(made) }
            }
            let items = entry.values[TimelineEntrySchema.items] ?? []
            let points = items.enumerated().compactMap { offset, item -> Point? in
                guard let text = item[ResponseSchema.itemText] else { return nil }
                return Point(number: item.writtenNumber ?? offset + 1, text: text, isInternal: item.isInternalItem, changes: [])
            }
            if !points.isEmpty {
                requests.append(Request(number: requests.count + 1, entryIndex: index, date: entry.date, type: entry.type,
                                        summary: entry.summary, rank: rank, points: points,
                                        wikiNumber: entry.values.stamp(Self.requestEntry) ?? requests.count + 1, otherChanges: []))
            }
        }
    }

    /// Binds a change of a brief to the request it answered in the wiki (its `answers` already
    /// name only points the brief shows).
    private mutating func bind(_ change: Change, answers: [Located<String>], to current: Int, rank: Int) {
        for answer in answers {
            guard let number = Int(answer.value),
                  let point = requests[current].points.firstIndex(where: { $0.number == number }) else { continue }
            if !requests[current].points[point].changes.contains(where: { $0.rank == rank && $0.text == change.text }) {
                requests[current].points[point].changes.append(change)
            }
        }
        if answers.isEmpty { requests[current].otherChanges.append(change) }
    }

    /// The request whose points are still open last: what `dossier new reply` answers.
    public var latestOpen: Request? { requests.last { !$0.openPoints.isEmpty } }
}
