extension ContentParser {
    /// `calendar/<year>.yml`: its days go into `calendar`; a day of another year, or a "workday"
    /// that is a weekday anyway, is warned about.
    func parseCalendar(_ file: SourceFile, year: String, into calendar: inout WorkCalendar, diagnostics: inout [Diagnostic]) {
        guard let yearNumber = Int(year), (1900...2999).contains(yearNumber) else {
            diagnostics.append(.error(file.displayPath, .start, "calendar files are named after their year, e.g. calendar/2025.yml"))
            return
        }
        guard var f = yamlFile(file, what: "a calendar", diagnostics: &diagnostics) else { return }
        calendar.years.insert(yearNumber)
        let values = SchemaReader(includeInternal: includeInternal).read(CalendarSchema.declaration, from: &f, diagnostics: &diagnostics)
        for key in [CalendarSchema.holidays, CalendarSchema.workdays] {
            for day in values[key] ?? [] {
                if day.value.year != yearNumber {
                    f.warning(day.position, "\(day.value) is listed in the calendar for \(yearNumber)")
                }
                if key.name == CalendarSchema.holidays.name {
                    calendar.holidays.insert(day.value)
                } else {
                    if !day.value.isWeekend { f.warning(day.position, "\(day.value) is a weekday; 'workdays' lists weekend days that are worked") }
                    calendar.workdays.insert(day.value)
                }
            }
        }
        diagnostics.append(contentsOf: f.diagnostics)
    }
}
