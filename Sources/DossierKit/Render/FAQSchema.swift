/// schema.org `FAQPage` JSON-LD for an article: each `##` question with the text of its answer,
/// taken from the rendered body's sections (so it holds exactly what the page shows this audience).
public enum FAQSchema {
    /// nil when the article has no question.
    /// `citations` (the article's `sources`, each `《title》article` and its address) become the page's `citation`.
    public static func jsonLD(title: String, sections: [SearchDocument.Section], questionIDs: Set<String>,
                              citations: [(name: String, url: String?)] = []) -> String? {
        var questions: [(name: String, answer: String)] = []
        for section in sections {
            if questionIDs.contains(section.anchor) {
                questions.append((section.heading, section.text))
            } else if !section.anchor.isEmpty, !questions.isEmpty {
                // An `###` inside an answer belongs to that answer.
                questions[questions.count - 1].answer += "\n" + section.heading + "\n" + section.text
            }
        }
        guard !questions.isEmpty else { return nil }
        let entities = questions.map { question in
            "{\"@type\":\"Question\",\"name\":\(JSONText.string(question.name)),"
                + "\"acceptedAnswer\":{\"@type\":\"Answer\",\"text\":\(JSONText.string(question.answer))}}"
        }
        let works = citations.map { citation in
            "{\"@type\":\"CreativeWork\",\"name\":\(JSONText.string(citation.name))"
                + (citation.url.map { ",\"url\":\(JSONText.string($0))" } ?? "") + "}"
        }
        return "{\"@context\":\"https://schema.org\",\"@type\":\"FAQPage\",\"name\":\(JSONText.string(title)),"
            + "\"mainEntity\":[\(entities.joined(separator: ","))]"
            + (works.isEmpty ? "" : ",\"citation\":[\(works.joined(separator: ","))]") + "}"
    }
}
