import Foundation

/// Ranks pages for a query the way `search.js` does, so the build's figures (and tests) can say
/// what a browser will show: a page must hold every query term; its score is the sum over terms
/// of `idf × (1 + ln weight)`, with `idf = ln(1 + pages / pages holding the term)`; ties go to the
/// earlier page.
public enum SearchRanking {
    /// `postings[term]` is the list written to the shard: for each page holding the term, the
    /// difference from the previous page number, alone when the weight is 1, or as
    /// `-(difference + 1)` followed by the weight.
    public static func rank(terms: [String], postings: (String) -> [Int]?, pageCount: Int) -> [(page: Int, score: Double)] {
        guard !terms.isEmpty else { return [] }
        var scores: [Int: Double]? = nil
        for term in terms {
            let list = postings(term) ?? []
            let pages = decode(list)
            let idf = log(1 + Double(pageCount) / Double(max(1, pages.count)))
            var next: [Int: Double] = [:]
            for (page, weight) in pages where scores == nil || scores?[page] != nil {
                next[page] = (scores?[page] ?? 0) + idf * (1 + log(Double(weight)))
            }
            scores = next
        }
        return (scores ?? [:]).map { (page: $0.key, score: $0.value) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.page < $1.page }
    }

    /// A page found for a query, before its text is loaded.
    public struct Candidate: Sendable, Equatable {
        public var page: Int
        public var score: Double
        /// Whether the page meets every part of the query (holds one alternative's every term).
        public var all: Bool
        /// The rarity-weighted share of the query's terms the page holds (0...1).
        public var coverage: Double
    }

    /// A page that does not meet every part is still a close result when its coverage is this.
    public static let closeCoverage = 0.5
    /// ... or when it has this share of the best coverage of any page, so that a query always
    /// finds the pages that match most of it.
    public static let nearShare = 0.7

    /// Pages for a query, best first, as `search.js` ranks them before it loads their text: pages
    /// meeting every part first, by score; then pages covering at least `closeCoverage` of the
    /// query (or `nearShare` of the best coverage), by score. The score sums, over the page's terms, `ln(1 + pages / pages with the
    /// term) × (1 + ln weight)`, each part counting its best alternative; coverage weighs each
    /// term by that rarity alone, leaving out terms no page holds. Ties go to the earlier page.
    public static func candidates(_ query: SearchQuery, postings: (String) -> [Int]?, pageCount: Int) -> [Candidate] {
        var weightOf: [String: [Int: Int]] = [:]
        var idf: [String: Double] = [:]
        var any = Set<Int>()
        for term in query.terms {
            let pairs = decode(postings(term) ?? [])
            var map: [Int: Int] = [:]
            for (page, weight) in pairs {
                map[page] = weight
                any.insert(page)
            }
            weightOf[term] = map
            idf[term] = pairs.isEmpty ? 0 : log(1 + Double(pageCount) / Double(pairs.count))
        }
        let masses = query.parts.map { part in
            part.map { $0.terms.reduce(0.0) { $0 + (idf[$1] ?? 0) } }.max() ?? 0
        }
        let total = masses.reduce(0, +)
        var result: [Candidate] = []
        var best = 0.0
        for page in any {
            var score = 0.0, covered = 0.0, complete = true
            for (number, part) in query.parts.enumerated() {
                var value = 0.0, cover = 0.0, done = false
                for alternative in part {
                    var sum = 0.0, held = 0.0, mass = 0.0, all = true
                    for term in alternative.terms {
                        let rarity = idf[term] ?? 0
                        mass += rarity
                        if let weight = weightOf[term]?[page] {
                            sum += rarity * (1 + log(Double(weight)))
                            held += rarity
                        } else {
                            all = false
                        }
                    }
                    if sum > value { value = sum }
                    if mass > 0 && held / mass > cover { cover = held / mass }
                    if all { done = true }
                }
                score += value
                covered += cover * masses[number]
                if !done { complete = false }
            }
            let coverage = total > 0 ? covered / total : 0
            best = max(best, coverage)
            result.append(Candidate(page: page, score: score, all: complete, coverage: coverage))
        }
        let floor = min(closeCoverage, nearShare * best)
        return result.filter { $0.all || $0.coverage >= floor }.sorted {
            $0.all != $1.all ? $0.all : $0.score != $1.score ? $0.score > $1.score : $0.page < $1.page
        }
    }

    /// (page, weight) pairs from a posting list.
    public static func decode(_ list: [Int]) -> [(page: Int, weight: Int)] {
        var result: [(page: Int, weight: Int)] = []
        var page = 0
        var index = 0
        while index < list.count {
            if list[index] >= 0 {
                page += list[index]
                result.append((page, 1))
                index += 1
            } else {
                page += -list[index] - 1
                result.append((page, index + 1 < list.count ? list[index + 1] : 1))
                index += 2
            }
        }
        return result
    }

    /// Reads a shard file back (`DossierSearch.shard(n,{...});`) into its postings.
    public static func readShard(_ data: Data) -> [String: [Int]] {
        let data = SearchPacking.unpacked(data) ?? data
        guard let open = data.firstIndex(of: UInt8(ascii: "{")), let close = data.lastIndex(of: UInt8(ascii: "}")), open < close,
              let object = try? JSONSerialization.jsonObject(with: data[open...close]) as? [String: [Int]] else { return [:] }
        return object
    }
}
