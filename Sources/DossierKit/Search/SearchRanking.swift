import Foundation

/// Ranks pages for a query the way `search.js` does, so the build's figures (and tests) can say
/// what a browser will show: a page must hold every query term; its score is the sum over terms
/// of `idf × (1 + ln weight)`, with `idf = ln(1 + pages / pages holding the term)`; ties go to the
/// earlier page.
public enum SearchRanking {
    /// `postings[term]` is the list written to the shard: pairs of (page number delta, weight).
    public static func rank(terms: [String], postings: (String) -> [Int]?, pageCount: Int) -> [(page: Int, score: Double)] {
        guard !terms.isEmpty else { return [] }
        var scores: [Int: Double]? = nil
        for term in terms {
            let list = postings(term) ?? []
            let idf = log(1 + Double(pageCount) / Double(max(1, list.count / 2)))
            var next: [Int: Double] = [:]
            var page = 0
            var index = 0
            while index + 1 < list.count {
                page += list[index]
                if scores == nil || scores?[page] != nil {
                    next[page] = (scores?[page] ?? 0) + idf * (1 + log(Double(list[index + 1])))
                }
                index += 2
            }
            scores = next
        }
        return (scores ?? [:]).map { (page: $0.key, score: $0.value) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.page < $1.page }
    }

    /// Reads a shard file back (`DossierSearch.shard(n,{...});`) into its postings.
    public static func readShard(_ data: Data) -> [String: [Int]] {
        guard let open = data.firstIndex(of: UInt8(ascii: "{")), let close = data.lastIndex(of: UInt8(ascii: "}")), open < close,
              let object = try? JSONSerialization.jsonObject(with: data[open...close]) as? [String: [Int]] else { return [:] }
        return object
    }
}
