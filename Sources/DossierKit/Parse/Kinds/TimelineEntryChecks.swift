extension ContentParser {
    /// An `extended` entry says by how many days.
    static func checkTimelineEntry(_ values: inout DeclaredValues, _ e: inout YAMLFields) {
        if values[TimelineEntrySchema.type] == .extended && values[TimelineEntrySchema.days] == nil
            && !e.has(TimelineEntrySchema.days.name) {
            e.error(e.position, "an 'extended' entry needs 'days': how many days the authority added")
        }
    }
}
