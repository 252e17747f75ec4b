/// Related articles: those sharing the most permits and tags, top five per article.
///
/// Candidates come from an inverted index (feature -> articles). A feature shared by very many
/// articles (a permit with thousands of articles) contributes only the `window` articles nearest in
/// publication order, so the work per article is bounded and the whole computation grows linearly
/// with the site instead of comparing every pair.
public enum RelatedArticles {
    public struct Input: Sendable {
        public var id: String
        public var date: Day
        public var permits: [String]
        public var tags: [String]

        public init(id: String, date: Day, permits: [String], tags: [String]) {
            self.id = id
            self.date = date
            self.permits = permits
            self.tags = tags
        }
    }

    public static func compute(_ articles: [Input], limit: Int = 5, window: Int = 40) -> [String: [String]] {
        // Articles in a fixed order: newest first, then by id.
        let order = articles.indices.sorted {
            (articles[$0].date, articles[$1].id) > (articles[$1].date, articles[$0].id)
        }
        var rank = [Int](repeating: 0, count: articles.count)
        for (position, index) in order.enumerated() { rank[index] = position }
        enum Feature: Hashable, Sendable { case permit(String), tag(String) }
        var postings: [Feature: [Int]] = [:]
        for index in order {
            for permit in Set(articles[index].permits) { postings[.permit(permit), default: []].append(index) }
            for tag in Set(articles[index].tags) { postings[.tag(tag), default: []].append(index) }
        }
        // Where each article sits in each posting list.
        var slot: [Feature: [Int: Int]] = [:]
        for (feature, list) in postings where list.count > window {
            var positions: [Int: Int] = [:]
            for (position, index) in list.enumerated() { positions[index] = position }
            slot[feature] = positions
        }
        // Each article's list on its own, on every core.
        let postingsByFeature = postings
        let slots = slot
        let ranks = rank
        let lists = Parallel.map(Array(articles.indices)) { index -> [String] in
            var scores: [Int: Int] = [:]
            let features = Set(articles[index].permits).map { Feature.permit($0) } + Set(articles[index].tags).map { Feature.tag($0) }
            for feature in features {
                guard let list = postingsByFeature[feature] else { continue }
                var candidates = list[...]
                if list.count > window, let position = slots[feature]?[index] {
                    let low = max(0, min(position - window / 2, list.count - window))
                    candidates = list[low..<(low + window)]
                }
                for other in candidates where other != index {
                    scores[other, default: 0] += 1
                }
            }
            let best = scores.sorted { lhs, rhs in
                if lhs.value != rhs.value { return lhs.value > rhs.value }
                return ranks[lhs.key] < ranks[rhs.key]
            }.prefix(limit)
            return best.map { articles[$0.key].id }
        }
        var result: [String: [String]] = [:]
        for (index, list) in zip(articles.indices, lists) { result[articles[index].id] = list }
        return result
    }
}
