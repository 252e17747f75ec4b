extension ContentParser {
    /// The entry types a duty's `after` may name: version 1's, and the two version 2 adds.
    static let dutyEntryTypes = Set(TimelineEntry.EntryType.allCases.map(\.rawValue)).union(["excluded", "forwarded"])

    /// A permit's duty: `after` names a timeline entry type, and the duty says how long it runs
    /// (`days` or `months`). A duty that cannot be counted is dropped from the values, with an error.
    static func checkDuty(_ values: inout DeclaredValues, _ d: inout YAMLFields) {
        if let after = values[DutySchema.after], !dutyEntryTypes.contains(after) {
            d.error(values.valuePosition(DutySchema.after) ?? d.position,
                    "'after' of a duty must be a timeline entry type, found '\(after)'"
                    + Suggestion.hint(for: after, in: dutyEntryTypes))
            values.set(DutySchema.after.name, nil)
        }
        if values[DutySchema.days] == nil && values[DutySchema.months] == nil
            && !d.has(DutySchema.days.name) && !d.has(DutySchema.months.name) {
            d.error(d.position, "a duty needs 'days' or 'months': how long after the entry it is due")
        }
        if d.has(DutySchema.days.name) && d.has(DutySchema.months.name) {
            d.error(d.keyPosition(DutySchema.months.name), "a duty has 'days' or 'months', not both")
        }
    }
}
