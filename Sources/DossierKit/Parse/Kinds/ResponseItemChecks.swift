extension ContentParser {
    /// Version 2: responses. Each number in a change's `answers` is a whole number from 1 (whether
    /// the point exists is checked once the whole timeline is known: `ResponseChecks`).
    static func checkChange(_ values: inout DeclaredValues, _ e: inout YAMLFields) {
        guard let answers = values[ResponseSchema.answers] else { return }
        var kept: [Located<String>] = []
        for answer in answers {
            if let number = Int(answer.value), number >= 1 {
                kept.append(answer)
            } else {
                e.error(answer.position, "'answers' lists the numbers of the reviewer's points (1, 2, ...); found '\(answer.value)'")
            }
        }
        if kept.count != answers.count { values.set(ResponseSchema.answers.name, .texts(kept)) }
    }

    /// A checklist item's id is in `[a-z0-9-]`, as page ids are.
    static func checkChecklistItem(_ values: inout DeclaredValues, _ e: inout YAMLFields) {
        guard let id = values.located(ResponseSchema.checklistID), !PageID.isValid(id.value) else { return }
        e.error(id.position, "checklist id '\(id.value)' must use only a-z, 0-9 and '-'")
        values.set(ResponseSchema.checklistID.name, nil)
    }
}
