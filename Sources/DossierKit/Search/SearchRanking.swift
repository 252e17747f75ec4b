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
        guard let open = data.firstIndex(of: UInt8(ascii: "{")), let close = data.lastIndex(of: UInt8(ascii: "}")), open < close,
              let object = try? JSONSerialization.jsonObject(with: data[open...close]) as? [String: [Int]] else { return [:] }
        return object
    }
}
