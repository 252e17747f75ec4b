/// An entry of a filing's timeline as its page shows it.
struct TimelineEntryView: TemplateView {
    var entry: TimelineEntry
    var dateText: String
    var typeLabel: String
    var fromLabel: String
    var channel: String
    /// `第 n 轮` on a supplement request (absent on other entries).
    var round: String?
    var refs: [TextLinkView]
    /// The entry's note as HTML (absent when it has none).
    var note: String?

    static let fields = ViewFields<TimelineEntryView>("timeline entry", [
        .text("date") { $0.entry.date.description },
        .text("dateText") { $0.dateText },
        .text("type") { $0.entry.type.rawValue },
        .text("typeLabel") { $0.typeLabel },
        .text("from") { $0.entry.from?.rawValue ?? "" },
        .text("fromLabel") { $0.fromLabel },
        .text("channel") { $0.channel },
        .text("summary") { $0.entry.summary },
        .texts("changes") { $0.entry.changes },
        .flag("hasChanges") { !$0.entry.changes.isEmpty },
        .texts("clauses") { $0.entry.clauses },
        .flag("hasClauses") { !$0.entry.clauses.isEmpty },
        .texts("pages") { $0.entry.pages },
        .flag("hasPages") { !$0.entry.pages.isEmpty },
        .flag("internal") { $0.entry.isInternal },
        .text("days") { $0.entry.days.map(String.init) ?? "" },
        .text("round") { $0.round },
        .views("refs") { $0.refs },
        .flag("hasRefs") { !$0.refs.isEmpty },
        .html("note") { $0.note ?? "" },
        // Version 2: the clock
        .text("until") { $0.entry.values[TimelineEntrySchema.until]?.description ?? "" },
        .text("reason") { $0.entry.values[TimelineEntrySchema.reason]?.rawValue ?? "" },
        .text("received") { $0.entry.values[TimelineEntrySchema.received]?.description ?? "" },
        .text("stageName") { $0.entry.values[TimelineEntrySchema.stage] ?? "" },
        .text("clockRule") { $0.entry.values[TimelineEntrySchema.clock]?.rawValue ?? "" },
    ])
}
