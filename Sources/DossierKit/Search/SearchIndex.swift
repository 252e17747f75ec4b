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
    /// Shards are sized for about this many bytes of postings each (before packing, about half):
    /// a query loads one shard a term, so small shards keep a query light.
    public static let targetShardBytes = 48_000

    /// The terms seen so far, split in two by term (`Part.of`) so that each half is filled on
    /// its own core. Which half a term is in changes nothing in the files.
    let parts = [Part(), Part()]

    /// One half of the index's terms, with their postings. A class so that two threads can each
    /// fill their own: `add` is the only writer, one thread per part.
    final class Part: @unchecked Sendable {
        /// Every term of this part, numbered: Chinese terms through a `CodeTable`, words by name.
        var codeNumbers = CodeTable(capacity: 1 << 15)
        /// Term numbers of the Chinese terms, by their number in `codeNumbers`.
        var cjkNumbers: [Int] = []
        var wordNumbers: [String: Int] = [:]
        var terms: [Term] = []
        /// Postings so far, by term number: page number deltas (and weights).
        var postings: [[Int32]] = []
        /// The last page each term was seen on, by term number.
        var previous: [Int32] = []
        /// About how many bytes this part's shard entries will take.
        var estimate = 0

        /// Which part holds `term`.
        @inline(__always)
        static func of(_ term: Term) -> Int {
            switch term {
            case .cjk(let code): return Int(code & 1)
            case .word(let word): return Int((word.utf8.first ?? 0) & 1)
            }
        }

        /// Adds the terms of this part from each page, pages numbered from `first`. The tables are
        /// moved into locals for the loop: the class's own properties would be checked for
        /// exclusive access on every one of millions of updates.
        func add(_ tables: [[(Term, Int)]], first: Int, part: Int) {
            var codeNumbers = self.codeNumbers, cjkNumbers = self.cjkNumbers, wordNumbers = self.wordNumbers
            var terms = self.terms, postings = self.postings, previous = self.previous, estimate = self.estimate
            self.codeNumbers = CodeTable(capacity: 1)
            (self.cjkNumbers, self.wordNumbers, self.terms, self.postings, self.previous) = ([], [:], [], [], [])
            defer {
                (self.codeNumbers, self.cjkNumbers, self.wordNumbers) = (codeNumbers, cjkNumbers, wordNumbers)
                (self.terms, self.postings, self.previous, self.estimate) = (terms, postings, previous, estimate)
            }
            for (offset, table) in tables.enumerated() {
                let page = Int32(first + offset)
                for (term, weight) in table where Part.of(term) == part {
                    // The term's number, given now (with an empty posting list) if it is new.
                    var number: Int
                    switch term {
                    case .cjk(let code):
                        let local = codeNumbers.number(code)
                        if local == cjkNumbers.count {
                            cjkNumbers.append(terms.count)
                            terms.append(term)
                            postings.append([])
                            previous.append(0)
                        }
                        number = cjkNumbers[local]
                    case .word(let word):
                        if let known = wordNumbers[word] {
                            number = known
                        } else {
                            number = terms.count
                            wordNumbers[word] = number
                            terms.append(term)
                            postings.append([])
                            previous.append(0)
                        }
                    }
                    let delta = page - previous[number]
                    previous[number] = page
                    // A weight of 1 (most postings) is written as the delta alone; otherwise the
                    // delta is negated and the weight follows.
                    if weight == 1 {
                        postings[number].append(delta)
                    } else {
                        postings[number].append(-delta - 1)
                        postings[number].append(Int32(clamping: weight))
                    }
                    estimate += weight == 1 ? 4 : 7
                }
            }
        }
    }

    /// Pages added so far.
    public private(set) var pageCount = 0

    public init() {}

    /// An index of `documents`, all at once (`files()` then writes it).
    public init(documents: [SearchDocument]) {
        self.init()
        pendingPages = add(documents)
    }

    /// Page files of documents given to `init(documents:)`, handed out by `files()`.
    private var pendingPages: [OutputFile] = []

    /// Every file of the index.
    public func files() -> [OutputFile] {
        finish() + pendingPages
    }

    /// A term as a dictionary key. Chinese terms (most of them) are their one or two code points
    /// packed in an integer: `String` hashes non-ASCII text through Unicode normalisation, which
    /// made making and hashing those strings the index's main cost. Words stay text.
    enum Term: Hashable {
        case cjk(UInt64)
        case word(String)

        init(_ first: UInt32, _ second: UInt32?) {
            self = .cjk(Term.code(first, second))
        }

        /// One or two code points packed: a bigram is marked by bit 42.
        @inline(__always)
        static func code(_ first: UInt32, _ second: UInt32?) -> UInt64 {
            second.map { 1 << 42 | UInt64(first) << 21 | UInt64($0) } ?? UInt64(first)
        }

        var text: String {
            switch self {
            case .word(let word): return word
            case .cjk(let code):
                if code >> 42 == 1 {
                    return SearchTokenizer.string([UInt32((code >> 21) & 0x1F_FFFF), UInt32(code & 0x1F_FFFF)][...])
                }
                return SearchTokenizer.string([UInt32(code)][...])
            }
        }
    }

    /// Weighted term counts of one page.
    public static func weights(of document: SearchDocument) -> [String: Int] {
        var result: [String: Int] = [:]
        for (term, weight) in termWeights(of: document) { result[term.text] = weight }
        return result
    }

    static func termWeights(of document: SearchDocument) -> [Term: Int] {
        var result: [Term: Int] = [:]
        termWeights(of: document) { term, weight in result[term] = weight }
        return result
    }

    /// Calls `body` once with every term of the page and its summed weight.
    static func termWeights(of document: SearchDocument, _ body: (Term, Int) -> Void) {
        var codes = CodeTable()
        var codeWeights: [Int] = []
        var words: [String: Int] = [:]
        func add(_ text: String, _ weight: Int) {
            SearchTokenizer.eachTerm(text, cjk: { first, second in
                let number = codes.number(Term.code(first, second))
                if number == codeWeights.count { codeWeights.append(0) }
                codeWeights[number] += weight
            }, word: { scalars, _ in
                words[SearchTokenizer.string(scalars), default: 0] += weight
            })
        }
        add(document.title, titleWeight)
        for keyword in document.keywords { add(keyword, keywordWeight) }
        for section in document.sections {
            add(section.heading, headingWeight)
            add(section.text, bodyWeight)
        }
        for (number, code) in codes.codes.enumerated() { body(.cjk(code), codeWeights[number]) }
        for (word, weight) in words { body(.word(word), weight) }
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

    /// Adds pages (numbered in the order they are added) and returns their page files. Pages
    /// are tokenised on every core and merged in page order, so postings come out sorted; a
    /// page's text is not kept once its file is made.
    public mutating func add(_ documents: [SearchDocument]) -> [OutputFile] {
        let first = pageCount
        let weights = Parallel.map(documents) { document -> [(Term, Int)] in
            var terms: [(Term, Int)] = []
            SearchIndex.termWeights(of: document) { terms.append(($0, $1)) }
            return terms
        }
        add(terms: weights)
        return Parallel.map(Array(documents.enumerated())) { offset, document in
            SearchIndex.pageFile(document, number: first + offset)
        }
    }

    /// Adds pages by their terms and weights, numbered in order from `pageCount`.
    mutating func add(terms tables: [[(Term, Int)]]) {
        let first = pageCount
        let parts = self.parts
        DispatchQueue.concurrentPerform(iterations: parts.count) { part in
            parts[part].add(tables, first: first, part: part)
        }
        pageCount += tables.count
    }

    /// A page's terms and weights.
    static func terms(of document: SearchDocument) -> [(Term, Int)] {
        var terms: [(Term, Int)] = []
        termWeights(of: document) { terms.append(($0, $1)) }
        return terms
    }

    /// The file a page of the index is shown from: `search/p/<number>.js`.
    static func pageFile(_ document: SearchDocument, number: Int) -> OutputFile {
        var text = "{\"t\":\(JSONText.string(document.title)),\"u\":\(JSONText.string(document.path))"
        text += ",\"k\":\(JSONText.string(document.kind)),\"p\":\(JSONText.string(document.permit))"
        text += ",\"w\":\(JSONText.string(document.keywords.joined(separator: "\n"))),\"s\":["
        text += document.sections.map {
            "[\(JSONText.string($0.anchor)),\(JSONText.string($0.heading)),\(JSONText.string($0.text))]"
        }.joined(separator: ",")
        text += "]}"
        return OutputFile(path: pageFilePath(number), text: "DossierSearch.page(\(number),\"\(SearchPacking.pack(Array(text.utf8)))\");\n")
    }

    static func pageFilePath(_ number: Int) -> String { "search/p/\(number).js" }

    /// Terms and weights as bytes, for the search cache: Chinese terms in order of their codes,
    /// each as the difference from the one before (most are a few bytes), then words.
    static func encode(_ terms: [(Term, Int)]) -> [UInt8] {
        var codes: [(UInt64, Int)] = []
        var words: [(String, Int)] = []
        for (term, weight) in terms {
            switch term {
            case .cjk(let code): codes.append((code, weight))
            case .word(let word): words.append((word, weight))
            }
        }
        codes.sort { $0.0 < $1.0 }
        var writer = BinaryWriter(capacity: codes.count * 4 + words.count * 8 + 16)
        writer.unsigned(UInt64(codes.count))
        var previous: UInt64 = 0
        for (code, weight) in codes {
            writer.unsigned(code - previous)
            writer.unsigned(UInt64(max(0, weight)))
            previous = code
        }
        writer.unsigned(UInt64(words.count))
        for (word, weight) in words {
            writer.string(word)
            writer.unsigned(UInt64(max(0, weight)))
        }
        return writer.bytes
    }

    /// What `encode` wrote, or nil when the bytes are not that.
    static func decode(_ bytes: ArraySlice<UInt8>) -> [(Term, Int)]? {
        bytes.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            var terms: [(Term, Int)] = []
            guard let codeCount = try? reader.count() else { return nil }
            terms.reserveCapacity(codeCount)
            var code: UInt64 = 0
            for _ in 0..<codeCount {
                guard let delta = try? reader.unsigned(), let weight = try? reader.unsigned(), weight <= UInt64(Int32.max) else {
                    return nil
                }
                code &+= delta
                terms.append((.cjk(code), Int(weight)))
            }
            guard let wordCount = try? reader.count() else { return nil }
            for _ in 0..<wordCount {
                guard let word = try? reader.string(), let weight = try? reader.unsigned(), weight <= UInt64(Int32.max) else {
                    return nil
                }
                terms.append((.word(word), Int(weight)))
            }
            return reader.isAtEnd ? terms : nil
        }
    }

    /// `value` in decimal, as `String(value)` writes it.
    @inline(__always)
    static func appendDecimal(_ value: Int32, to text: inout [UInt8]) {
        var magnitude = value.magnitude
        if value < 0 { text.append(UInt8(ascii: "-")) }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(truncatingIfNeeded: magnitude % 10) + UInt8(ascii: "0")
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { text.append(buffer[index]) }
        }
    }

    /// The meta file and the term shards, once every page is added.
    public func finish() -> [OutputFile] {
        var shardCount = 1
        let estimate = parts.reduce(0) { $0 + $1.estimate }
        while shardCount < 4096 && estimate / shardCount > Self.targetShardBytes { shardCount *= 2 }
        var shards = [[(text: String, postings: [Int32])]](repeating: [], count: shardCount)
        for part in parts {
            for (number, term) in part.terms.enumerated() {
                let text = term.text
                shards[Int(Self.hash(text) % UInt32(shardCount))].append((text, part.postings[number]))
            }
        }
        var files: [OutputFile] = []
        files.append(OutputFile(path: "search/meta.js",
                                text: "DossierSearch.meta({\"version\":\(Self.version),\"pages\":\(pageCount),\"shards\":\(shardCount)});\n"))
        // Shards are written on every core.
        files += Parallel.map(Array(shards.enumerated())) { number, terms -> OutputFile in
            // Made as bytes: a large site's shards hold millions of numbers.
            var text: [UInt8] = []
            text.reserveCapacity(Self.targetShardBytes + Self.targetShardBytes / 4)
            text.append(UInt8(ascii: "{"))
            for (index, (termText, postings)) in terms.sorted(by: { $0.text < $1.text }).enumerated() {
                if index > 0 { text.append(UInt8(ascii: ",")) }
                text.append(contentsOf: JSONText.string(termText).utf8)
                text.append(contentsOf: ":[".utf8)
                for (position, value) in postings.enumerated() {
                    if position > 0 { text.append(UInt8(ascii: ",")) }
                    Self.appendDecimal(value, to: &text)
                }
                text.append(UInt8(ascii: "]"))
            }
            text.append(UInt8(ascii: "}"))
            return OutputFile(path: "search/t/\(number).js", text: "DossierSearch.shard(\(number),\"\(SearchPacking.pack(text))\");\n")
        }
        return files
    }
}

/// JSON string literals, safe inside a script (`<`, U+2028 and U+2029 escaped).
enum JSONText {
    static func string(_ value: String) -> String {
        // Most text needs no escape: check the bytes and copy it whole.
        let plain = !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x3C })
            && !value.has("\u{2028}") && !value.has("\u{2029}")
        if plain { return "\"" + value + "\"" }
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
