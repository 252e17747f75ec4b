/// Version 2: responses. A permit's list of materials (材料清单) and how far a filing has got with
/// it: each item's state (a required item the filing does not mention is `pending`), and the
/// required items done (`waived` counts as done) against the required items in all.
public struct FilingChecklist: Sendable {
    public struct Item: Sendable {
        public var id: String
        public var title: String
        public var required: Bool
        public var state: ResponseSchema.ItemState
    }

    public var items: [Item]
    public var requiredDone: Int { items.filter { $0.required && $0.state != .pending }.count }
    public var requiredCount: Int { items.filter(\.required).count }
    public var pendingRequired: [Item] { items.filter { $0.required && $0.state == .pending } }

    /// The permit's checklist, each id once (the first), items without an id or title left out
    /// (already errors).
    public static func items(of permit: Permit) -> [Item] {
        var seen: Set<String> = []
        var items: [Item] = []
        for values in permit.values[PermitSchema.checklist] ?? [] {
            guard let id = values[ResponseSchema.checklistID], let title = values[ResponseSchema.checklistTitle],
                  seen.insert(id).inserted else { continue }
            items.append(Item(id: id, title: title, required: values[ResponseSchema.checklistRequired] ?? true, state: .pending))
        }
        return items
    }

    /// The filing's checklist; nil when its permit has none.
    public init?(filing: Filing, permit: Permit?) {
        guard let permit, permit.values.has(PermitSchema.checklist) else { return nil }
        var states: [String: ResponseSchema.ItemState] = [:]
        for pair in filing.values[FilingSchema.checklist] ?? [] where states[pair.id.value] == nil {
            states[pair.id.value] = ResponseSchema.ItemState(rawValue: pair.word)
        }
        items = Self.items(of: permit).map { item in
            var item = item
            item.state = states[item.id] ?? .pending
            return item
        }
        if items.isEmpty { return nil }
    }
}
