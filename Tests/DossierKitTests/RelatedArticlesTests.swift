import DossierKit
import Testing

@Suite("Related articles")
struct RelatedArticlesTests {
    func day(_ n: Int) -> Day { Day(ordinal: 20000 + n) }

    @Test("ranked by shared permits and tags, top five, never itself")
    func ranking() {
        let articles = [
            RelatedArticles.Input(id: "a", date: day(1), permits: ["p1"], tags: ["t1", "t2"]),
            RelatedArticles.Input(id: "b", date: day(2), permits: ["p1"], tags: ["t1", "t2"]),  // shares 3 with a
            RelatedArticles.Input(id: "c", date: day(3), permits: ["p1"], tags: ["t1"]),        // shares 2
            RelatedArticles.Input(id: "d", date: day(4), permits: ["p2"], tags: ["t2"]),        // shares 1
            RelatedArticles.Input(id: "e", date: day(5), permits: ["p3"], tags: []),            // shares 0
        ]
        let related = RelatedArticles.compute(articles)
        #expect(related["a"] == ["b", "c", "d"])
        #expect(related["e"] == [])
        #expect(related.values.allSatisfy { $0.count <= 5 })
        #expect(related.allSatisfy { !$0.value.contains($0.key) })
    }

    @Test("ties go to the newer article")
    func ties() {
        let articles = (0..<8).map { RelatedArticles.Input(id: "a\($0)", date: day($0), permits: ["p"], tags: []) }
        let related = RelatedArticles.compute(articles)
        #expect(related["a0"] == ["a7", "a6", "a5", "a4", "a3"])
    }

    @Test("a permit shared by thousands of articles still gives five each, and a rare tag wins")
    func large() {
        var articles = (0..<5000).map { RelatedArticles.Input(id: "x\($0)", date: day($0 % 700), permits: ["big"], tags: []) }
        articles[10].tags = ["rare"]
        articles[4000].tags = ["rare"]
        let related = RelatedArticles.compute(articles)
        #expect(related.count == 5000)
        #expect(related.values.allSatisfy { $0.count == 5 })
        #expect(related["x10"]?.first == "x4000")
    }
}
