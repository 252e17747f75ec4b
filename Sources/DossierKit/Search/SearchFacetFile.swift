/// `search/facets.js`: for each facet, its values in order of their labels, each with its label
/// and the pages that have it (page-number differences; `-r` for a run of r pages in a row):
///
///     DossierSearch.facets({"kind":[["kb","知识库",[12,1,1]], ...], "permit":[...], ...});
///
/// It names only what the indexed pages show, so a client brief's file names nothing outside it.
struct SearchFacetFile: Sendable {
    /// Pages of each value, by facet name and key; the label of each key.
    private var pages: [String: [String: [Int]]] = [:]
    private var labels: [String: [String: String]] = [:]

    /// Records the facets of page `number`; pages must be added in increasing order.
    mutating func add(_ facets: SearchFacets, page number: Int) {
        for name in SearchFacets.names {
            for value in facets.values(name) where !value.key.isEmpty {
                if pages[name, default: [:]][value.key]?.last == number { continue }
                pages[name, default: [:]][value.key, default: []].append(number)
                labels[name, default: [:]][value.key] = value.label
            }
        }
    }

    static let path = "search/facets.js"

    /// Page numbers as differences from the one before, a run of `r` (2 or more) pages each
    /// following the one before written `-r`: a kind's pages are mostly one run.
    static func encode(_ pages: [Int]) -> String {
        var out: [String] = []
        var previous = 0, run = 0
        func flush() {
            if run == 1 { out.append("1") } else if run > 1 { out.append(String(-run)) }
            run = 0
        }
        for page in pages {
            let delta = page - previous
            previous = page
            if delta == 1 { run += 1; continue }
            flush()
            out.append(String(delta))
        }
        flush()
        return out.joined(separator: ",")
    }

    var file: OutputFile {
        var text = "DossierSearch.facets({"
        for (position, name) in SearchFacets.names.enumerated() {
            if position > 0 { text += "," }
            text += "\"\(name)\":["
            let keys = (pages[name] ?? [:]).keys.sorted {
                let (a, b) = (labels[name]?[$0] ?? $0, labels[name]?[$1] ?? $1)
                return a != b ? a < b : $0 < $1
            }
            text += keys.map { key -> String in
                return "[\(JSONText.string(key)),\(JSONText.string(labels[name]?[key] ?? key)),[\(Self.encode(pages[name]?[key] ?? []))]]"
            }.joined(separator: ",")
            text += "]"
        }
        text += "});\n"
        return OutputFile(path: Self.path, text: text)
    }
}
