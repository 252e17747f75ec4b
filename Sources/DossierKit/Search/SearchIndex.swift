import Foundation

/// The search index, written as small JavaScript files so that it loads with `<script>` tags, which
/// browsers allow from `file://` where they block `fetch`:
///
/// - `search/meta.js`: page count, shard count and the format version;
/// - `search/t/<n>.js`: one shard of terms. A term lives in shard `fnv1a(term) mod shards`, so a query
///   loads only the shards of its own terms. Each term maps to pairs (page number delta, weight);
/// - `search/p/<n>.js`: one page: title, address, kind, permit and its sections' text, loaded only
///   for the results shown (to check that a phrase stands together and to cut a snippet).
public struct SearchIndex: Sendable {
    public static let version = 1
    /// Term weights: a title word counts like ten body words.
    public static let titleWeight = 10, keywordWeight = 6, headingWeight = 4, bodyWeight = 1
    /// Shards are sized for about this many bytes each.
    public static let targetShardBytes = 48_000

    public var documents: [SearchDocument]

    public init(documents: [SearchDocument]) {
        self.documents = documents
    }

    /// A term as a dictionary key, hashed and compared by its UTF-8 bytes. `String` hashes
    /// non-ASCII text through Unicode normalisation, which made Chinese terms the index's main cost;
    /// the tokenizer's output is already in one form, so bytes suffice.
    struct Term: Hashable, Comparable {
        var text: String

        func hash(into hasher: inout Hasher) {
            var copy = text
            copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }

        static func == (left: Term, right: Term) -> Bool {
            left.text.utf8.elementsEqual(right.text.utf8)
        }

        static func < (left: Term, right: Term) -> Bool { left.text < right.text }
    }

    /// Weighted term counts of one page.
    public static func weights(of document: SearchDocument) -> [String: Int] {
        var result: [String: Int] = [:]
        for (term, weight) in termWeights(of: document) { result[term.text] = weight }
        return result
    }

    static func termWeights(of document: SearchDocument) -> [Term: Int] {
        var weights: [Term: Int] = [:]
        func add(_ text: String, _ weight: Int) {
            SearchTokenizer.each(text) { term, _ in weights[Term(text: term), default: 0] += weight }
        }
        add(document.title, titleWeight)
        for keyword in document.keywords { add(keyword, keywordWeight) }
        for section in document.sections {
            add(section.heading, headingWeight)
            add(section.text, bodyWeight)
        }
        return weights
    }

    /// 32-bit FNV-1a of the term's UTF-8 bytes (search.js computes the same).
    public static func hash(_ term: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in term.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return hash
    }

    public func files() -> [OutputFile] {
        // Pages are tokenised on every core, a chunk at a time, and merged in page order, so
        // postings come out sorted and only one chunk of per-page tables is alive at once.
        var postings: [Term: [Int32]] = [:]
        var previous: [Term: Int32] = [:]
        var estimate = 0
        let chunk = 512
        for start in stride(from: 0, to: documents.count, by: chunk) {
            let slice = Array(documents[start..<min(start + chunk, documents.count)])
            let weights = Parallel.map(slice) { SearchIndex.termWeights(of: $0) }
            for (offset, table) in weights.enumerated() {
                let page = Int32(start + offset)
                for (term, weight) in table {
                    let delta = page - (previous[term] ?? 0)
                    previous[term] = page
                    // A weight of 1 (most postings) is written as the delta alone; otherwise the
                    // delta is negated and the weight follows.
                    if weight == 1 {
                        postings[term, default: []].append(delta)
                    } else {
                        postings[term, default: []].append(contentsOf: [-delta - 1, Int32(clamping: weight)])
                    }
                    estimate += weight == 1 ? 4 : 7
                }
            }
        }
        var shardCount = 1
        while shardCount < 4096 && estimate / shardCount > Self.targetShardBytes { shardCount *= 2 }
        var shards = [[Term]](repeating: [], count: shardCount)
        for term in postings.keys { shards[Int(Self.hash(term.text) % UInt32(shardCount))].append(term) }

        var files: [OutputFile] = []
        files.append(OutputFile(path: "search/meta.js",
                                text: "DossierSearch.meta({\"version\":\(Self.version),\"pages\":\(documents.count),\"shards\":\(shardCount)});\n"))
        for (number, terms) in shards.enumerated() {
            var text = "DossierSearch.shard(\(number),{"
            for (index, term) in terms.sorted().enumerated() {
                if index > 0 { text += "," }
                text += JSONText.string(term.text) + ":["
                text += (postings[term] ?? []).map(String.init).joined(separator: ",")
                text += "]"
            }
            text += "});\n"
            files.append(OutputFile(path: "search/t/\(number).js", text: text))
        }
        for (number, document) in documents.enumerated() {
            var text = "DossierSearch.page(\(number),{\"t\":\(JSONText.string(document.title)),\"u\":\(JSONText.string(document.path))"
            text += ",\"k\":\(JSONText.string(document.kind)),\"p\":\(JSONText.string(document.permit))"
            text += ",\"w\":\(JSONText.string(document.keywords.joined(separator: "\n"))),\"s\":["
            text += document.sections.map {
                "[\(JSONText.string($0.anchor)),\(JSONText.string($0.heading)),\(JSONText.string($0.text))]"
            }.joined(separator: ",")
            text += "]});\n"
            files.append(OutputFile(path: "search/p/\(number).js", text: text))
        }
        return files
    }
}

/// JSON string literals, safe inside a script (`<`, U+2028 and U+2029 escaped).
enum JSONText {
    static func string(_ value: String) -> String {
        var result = "\""
        result.reserveCapacity(value.utf8.count + 2)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "<": result += "\\u003c"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
