/// Version 2: responses. What a client brief keeps of a filing's exchange with the reviewer: no
/// internal point (`{text, internal: true}`), no point of an internal entry, and no change that
/// answers only such points; the other points keep the reviewer's numbers.
extension FilingResponses {
    /// Name of the entry that keeps a point's number once the internal points before it are gone.
    static let numberEntry = "#number"
    /// Name of the entry that keeps, on an entry with items, its number k in the wiki.
    static let requestEntry = "#request"
    /// Name of the entry that keeps, on a change, the number k of the request it was bound to (0: none).
    static let boundEntry = "#bound"

    /// The filing as a brief may show it, before its internal entries and items are dropped
    /// (`SiteBuilder`): changes answering only internal points are removed, the internal numbers
    /// left out of the others' `answers`, and every point keeps its number.
    static func withoutInternalAnswers(_ filing: Filing) -> Filing {
        var filing = filing
        let full = FilingResponses(filing)
        var hidden: [Int: Set<Int>] = [:]  // request number → point numbers a brief must not show
        for request in full.requests {
            let internalEntry = filing.timeline[request.entryIndex].isInternal
            hidden[request.number] = Set(request.points.filter { internalEntry || $0.isInternal }.map(\.number))
        }
        var current: Int?
        let numbers = Dictionary(full.requests.map { ($0.entryIndex, $0.number) }, uniquingKeysWith: { first, _ in first })
        for index in full.order {
            var entry = filing.timeline[index]
            // Each change keeps the request it is bound to in the wiki (its k there; 0: none), and
            // each entry with items its k, so that dropping an internal entry with items does not
            // move the changes that answer it under the request before it (the brief's own k
            // counts the entries with items it shows).
            if var changes = entry.values[TimelineEntrySchema.changes] {
                for change in changes.indices {
                    changes[change].entries.append(DeclaredValues.Entry(
                        name: boundEntry, keyPosition: changes[change].position, valuePosition: nil,
                        value: .number(current ?? 0), hadProblems: false))
                }
                entry.values.set(TimelineEntrySchema.changes.name, .mappings(changes))
            }
            if var changes = entry.values[TimelineEntrySchema.changes], let request = current {
                let secret = hidden[request] ?? []
                changes = changes.compactMap { change in
                    guard let answers = change[ResponseSchema.answers], !answers.isEmpty else { return change }
                    let kept = answers.filter { Int($0.value).map { !secret.contains($0) } ?? true }
                    if kept.isEmpty { return nil }
                    var change = change
                    change.set(ResponseSchema.answers.name, .texts(kept))
                    return change
                }
                entry.values.set(TimelineEntrySchema.changes.name, .mappings(changes))
                entry.changes = changes.compactMap { $0[ResponseSchema.changeText] }
            }
            if var items = entry.values[TimelineEntrySchema.items], let number = numbers[index] {
                current = number
                entry.values.entries.append(DeclaredValues.Entry(
                    name: requestEntry, keyPosition: entry.values.position, valuePosition: nil,
                    value: .number(number), hadProblems: false))
                for number in items.indices {
                    items[number].entries.append(DeclaredValues.Entry(
                        name: numberEntry, keyPosition: items[number].position, valuePosition: nil,
                        value: .number(number + 1), hadProblems: false))
                }
                entry.values.set(TimelineEntrySchema.items.name, .mappings(items))
            }
            filing.timeline[index] = entry
        }
        return filing
    }
}

extension DeclaredValues {
    /// A point's number as the reviewer gave it, kept when internal points before it are dropped.
    var writtenNumber: Int? { stamp(FilingResponses.numberEntry) }

    /// A number `withoutInternalAnswers` kept under `name`.
    func stamp(_ name: String) -> Int? {
        entries.first { $0.name == name }.flatMap { entry in
            if case .number(let number)? = entry.value { return number }
            return nil
        }
    }
}
