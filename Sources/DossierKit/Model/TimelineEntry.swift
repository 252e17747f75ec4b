/// One communication in a filing's life.
public struct TimelineEntry: Sendable {
    public enum EntryType: String, Sendable, CaseIterable {
        case submitted, accepted
        case supplementRequested = "supplement_requested"
        case supplementSent = "supplement_sent"
        case extended, question, reply, call, meeting, email, approved, rejected, withdrawn, note
        // Version 2: the clock
        case excluded, forwarded
    }

    public enum Sender: String, Sendable, CaseIterable { case us, authority, client }
    public enum Channel: String, Sendable, CaseIterable { case portal, email, phone, meeting, letter, other }

    public var date: Day
    public var type: EntryType
    public var days: Int?
    public var from: Sender?
    public var channel: Channel?
    public var summary: String
    public var changes: [String]
    public var clauses: [String]
    public var pages: [String]
    public var refs: [Located<String>]
    public var note: MarkdownDocument?
    public var isInternal: Bool
    public var position: SourcePosition
    /// The declared keys this type has no property for (see `TimelineEntrySchema`): a view shows a
    /// new key from here. The others are left out: a large site has 100,000 entries.
    public var values = DeclaredValues()
}

extension TimelineEntry {
    /// The one place an entry's properties are filled from its declared values; nil without a
    /// valid date, type or summary (already errors).
    init?(values: DeclaredValues) {
        guard let date = values[TimelineEntrySchema.date], let type = values[TimelineEntrySchema.type],
              let summary = values[TimelineEntrySchema.summary] else { return nil }
        self.init(
            date: date, type: type, days: values[TimelineEntrySchema.days], from: values[TimelineEntrySchema.from],
            channel: values[TimelineEntrySchema.channel], summary: summary,
            changes: (values[TimelineEntrySchema.changes] ?? []).compactMap { $0[ResponseSchema.changeText] },
            clauses: values[TimelineEntrySchema.clauses] ?? [], pages: values[TimelineEntrySchema.pages] ?? [],
            refs: values[TimelineEntrySchema.refs] ?? [], note: values[TimelineEntrySchema.note],
            isInternal: values[TimelineEntrySchema.isInternal] ?? false, position: values.position,
            values: values.removing(Self.properties))
    }

    /// The keys held as properties above.
    static let properties = [
        TimelineEntrySchema.date.name, TimelineEntrySchema.type.name, TimelineEntrySchema.days.name, TimelineEntrySchema.from.name,
        TimelineEntrySchema.channel.name, TimelineEntrySchema.summary.name,
        // Version 2: responses. `changes` stays in `values` too: its mappings (answers, clauses,
        // pages) are read from there; the property holds each change's text.
        TimelineEntrySchema.clauses.name, TimelineEntrySchema.pages.name, TimelineEntrySchema.refs.name,
        TimelineEntrySchema.note.name, TimelineEntrySchema.isInternal.name,
    ]
}
