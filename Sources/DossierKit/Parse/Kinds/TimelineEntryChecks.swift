extension ContentParser {
    /// An `extended` entry says by how many days.
    static func checkTimelineEntry(_ values: inout DeclaredValues, _ e: inout YAMLFields) {
        if values[TimelineEntrySchema.type] == .extended && values[TimelineEntrySchema.days] == nil
            && !e.has(TimelineEntrySchema.days.name) {
            e.error(e.position, "an 'extended' entry needs 'days': how many days the authority added")
        }
        // Version 2: the clock
        checkClockKeys(values, &e)
    }
}

// Version 2: the clock
extension ContentParser {
    /// `clock` only on a supplement request; `until` and `received` not before the entry's own date.
    static func checkClockKeys(_ values: DeclaredValues, _ e: inout YAMLFields) {
        let type = values[TimelineEntrySchema.type]
        if values.has(TimelineEntrySchema.clock), let type, type != .supplementRequested {
            e.error(values.keyPosition(TimelineEntrySchema.clock) ?? e.position,
                    "'clock' belongs on a 'supplement_requested' entry (the rule of that round), not on '\(type.rawValue)'")
        }
        guard let date = values[TimelineEntrySchema.date] else { return }
        if let until = values[TimelineEntrySchema.until], until < date {
            e.error(values.valuePosition(TimelineEntrySchema.until) ?? e.position,
                    "'until' (\(until)) is before the entry's date (\(date)): the last day excluded cannot come before the first")
        }
        if let received = values[TimelineEntrySchema.received], received < date {
            e.error(values.valuePosition(TimelineEntrySchema.received) ?? e.position,
                    "'received' (\(received)) is before the 'forwarded' date (\(date)): the next stage cannot receive the file before it is sent")
        }
    }
}
