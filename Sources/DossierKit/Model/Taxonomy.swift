/// A tag or region and the pages filed under it.
public struct TaxonomyTerm: Sendable {
    public var name: String
    /// Folder name under `tags/` or `regions/`.
    public var slug: String
    public var articles: [String]
    public var filings: [String]
}

public enum Taxonomy {
    /// Groups by term; slugs keep Chinese characters and are made unique.
    public static func group(_ items: [(term: String, article: String?, filing: String?)]) -> [TaxonomyTerm] {
        var byName: [String: (articles: [String], filings: [String])] = [:]
        for item in items {
            var entry = byName[item.term] ?? ([], [])
            if let article = item.article { entry.articles.append(article) }
            if let filing = item.filing { entry.filings.append(filing) }
            byName[item.term] = entry
        }
        var uniquer = Slug.Uniquer()
        return byName.keys.sorted().compactMap { name in
            guard let entry = byName[name] else { return nil }
            var base = Slug.make(name)
            if base.isEmpty { base = "term" }
            return TaxonomyTerm(name: name, slug: uniquer.unique(base),
                                articles: Array(Set(entry.articles)).sorted(),
                                filings: Array(Set(entry.filings)).sorted())
        }
    }

    /// Chinese names of province-level regions, by the ids content uses.
    public static let regionNames: [String: (zh: String, en: String)] = [
        "national": ("全国", "National"), "beijing": ("北京", "Beijing"), "tianjin": ("天津", "Tianjin"),
        "hebei": ("河北", "Hebei"), "shanxi": ("山西", "Shanxi"), "neimenggu": ("内蒙古", "Inner Mongolia"),
        "inner-mongolia": ("内蒙古", "Inner Mongolia"), "liaoning": ("辽宁", "Liaoning"), "jilin": ("吉林", "Jilin"),
        "heilongjiang": ("黑龙江", "Heilongjiang"), "shanghai": ("上海", "Shanghai"), "jiangsu": ("江苏", "Jiangsu"),
        "zhejiang": ("浙江", "Zhejiang"), "anhui": ("安徽", "Anhui"), "fujian": ("福建", "Fujian"),
        "jiangxi": ("江西", "Jiangxi"), "shandong": ("山东", "Shandong"), "henan": ("河南", "Henan"),
        "hubei": ("湖北", "Hubei"), "hunan": ("湖南", "Hunan"), "guangdong": ("广东", "Guangdong"),
        "guangxi": ("广西", "Guangxi"), "hainan": ("海南", "Hainan"), "chongqing": ("重庆", "Chongqing"),
        "sichuan": ("四川", "Sichuan"), "guizhou": ("贵州", "Guizhou"), "yunnan": ("云南", "Yunnan"),
        "xizang": ("西藏", "Tibet"), "tibet": ("西藏", "Tibet"), "shaanxi": ("陕西", "Shaanxi"),
        "gansu": ("甘肃", "Gansu"), "qinghai": ("青海", "Qinghai"), "ningxia": ("宁夏", "Ningxia"),
        "xinjiang": ("新疆", "Xinjiang"), "hongkong": ("香港", "Hong Kong"), "macau": ("澳门", "Macau"),
        "taiwan": ("台湾", "Taiwan"),
    ]
}
