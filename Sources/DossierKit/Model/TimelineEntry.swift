/// One communication in a filing's life.
public struct TimelineEntry: Sendable {
    public enum EntryType: String, Sendable, CaseIterable {
        case submitted, accepted
        case supplementRequested = "supplement_requested"
        case supplementSent = "supplement_sent"
        case extended, question, reply, call, meeting, email, approved, rejected, withdrawn, note
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
}
