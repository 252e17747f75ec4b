/// The ids of China's province-level regions by their Chinese names, so that a region written in
/// Chinese (`region: 广东`, `广东省`) gets the id to write instead.
enum RegionNames {
    static let ids: [String: String] = [
        "全国": "national", "北京": "beijing", "天津": "tianjin", "河北": "hebei", "山西": "shanxi", "内蒙古": "neimenggu",
        "辽宁": "liaoning", "吉林": "jilin", "黑龙江": "heilongjiang", "上海": "shanghai", "江苏": "jiangsu", "浙江": "zhejiang",
        "安徽": "anhui", "福建": "fujian", "江西": "jiangxi", "山东": "shandong", "河南": "henan", "湖北": "hubei",
        "湖南": "hunan", "广东": "guangdong", "广西": "guangxi", "海南": "hainan", "重庆": "chongqing", "四川": "sichuan",
        "贵州": "guizhou", "云南": "yunnan", "西藏": "xizang", "陕西": "shaanxi", "甘肃": "gansu", "青海": "qinghai",
        "宁夏": "ningxia", "新疆": "xinjiang", "香港": "hongkong", "澳门": "macau", "台湾": "taiwan",
    ]

    /// The id for a Chinese name, with or without 省, 市, 自治区 and the like.
    static func id(for name: String) -> String? {
        if let id = ids[name] { return id }
        for suffix in ["维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市"] where name.hasSuffix(suffix) {
            if let id = ids[String(name.dropLast(suffix.count))] { return id }
        }
        return nil
    }
}
