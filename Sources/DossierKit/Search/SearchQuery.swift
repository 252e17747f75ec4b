/// What a query asks for, as `search.js` reads it (the same rules, step for step):
///
/// - the query is cut into runs as `SearchTokenizer` cuts text;
/// - a Chinese run loses its stop words (的 了 吗 是否 怎么), and is cut where they were, so
///   `变更了股东` asks for 变更 and 股东;
/// - Chinese numerals from 10 to 999 written as `chineseNumber` writes them (十五, 二十, 一百零五;
///   两 for 二) become a part of their own, met by the digits or by the numerals; a word of two or
///   three digits (15) likewise;
/// - each other run is one part: its bigrams (a lone character as itself), or the word.
///
/// A page meets a part when it holds every term of one of the part's alternatives; it is an exact
/// result when it meets every part and each part's phrase stands together on it.
public struct SearchQuery: Sendable, Equatable {
    public struct Alternative: Sendable, Equatable {
        public var terms: [String]
        /// The text that must stand together on a page.
        public var phrase: String
    }

    /// Each part, met by any one of its alternatives.
    public var parts: [[Alternative]]

    static let stopPairs: [[UInt32]] = [Array("是否".unicodeScalars.map(\.value)), Array("怎么".unicodeScalars.map(\.value))]
    static let stopSingles: Set<UInt32> = Set("的了吗".unicodeScalars.map(\.value))
    static let digits: [UInt32] = "零一二三四五六七八九".unicodeScalars.map(\.value)
    static let ten: UInt32 = 0x5341, hundred: UInt32 = 0x767E, two: UInt32 = 0x4E24, zeroCircle: UInt32 = 0x3007
    static let numerals: Set<UInt32> = Set("零〇一二三四五六七八九十百两".unicodeScalars.map(\.value))

    public init(_ query: String) {
        var parts: [[Alternative]] = []
        SearchTokenizer.runs(query) { isCJK, run, _ in
            guard run.count <= SearchTokenizer.maximumLength else { return }
            if isCJK {
                Self.cjkParts(run, into: &parts)
                return
            }
            let word = SearchTokenizer.string(run[...])
            var part = [Alternative(terms: [word], phrase: word)]
            if let value = Self.digitValue(run) {
                part.append(Self.alternative(Self.chineseNumber(value).unicodeScalars.map(\.value)[...]))
            }
            parts.append(part)
        }
        self.parts = parts
    }

    /// Every term the query looks up, each once, in order.
    public var terms: [String] {
        var seen = Set<String>()
        return parts.flatMap { $0.flatMap(\.terms) }.filter { seen.insert($0).inserted }
    }

    /// 10...999 in Chinese numerals: 15 → 十五, 20 → 二十, 105 → 一百零五, 110 → 一百一十.
    public static func chineseNumber(_ value: Int) -> String {
        let hundreds = value / 100, tens = value / 10 % 10, ones = value % 10
        var scalars: [UInt32] = []
        if hundreds > 0 {
            scalars += [digits[hundreds], hundred]
            if tens > 0 { scalars += [digits[tens], ten] } else if ones > 0 { scalars.append(digits[0]) }
        } else {
            scalars += tens == 1 ? [ten] : [digits[tens], ten]
        }
        if ones > 0 { scalars.append(digits[ones]) }
        return SearchTokenizer.string(scalars[...])
    }

    /// The value of numerals written as `chineseNumber` writes them (两 for 二, 〇 for 零), else nil.
    static func numberValue(_ scalars: ArraySlice<UInt32>) -> Int? {
        guard scalars.contains(ten) || scalars.contains(hundred) else { return nil }
        var value = 0, current = 0
        var plain: [UInt32] = []
        for scalar in scalars {
            let character = scalar == two ? digits[2] : scalar == zeroCircle ? digits[0] : scalar
            plain.append(character)
            if let digit = digits.firstIndex(of: character) {
                current = digit
            } else if character == ten {
                value += (current == 0 ? 1 : current) * 10
                current = 0
            } else if character == hundred {
                value += current * 100
                current = 0
            }
        }
        value += current
        guard (10...999).contains(value), chineseNumber(value) == SearchTokenizer.string(plain[...]) else { return nil }
        return value
    }

    /// The value of a word of two or three digits not starting with 0.
    static func digitValue(_ run: [UInt32]) -> Int? {
        guard (2...3).contains(run.count), run.allSatisfy({ (0x30...0x39).contains($0) }), run[0] != 0x30 else { return nil }
        return run.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    static func alternative(_ scalars: ArraySlice<UInt32>) -> Alternative {
        var terms: [String] = []
        if scalars.count == 1 { terms.append(SearchTokenizer.string(scalars)) }
        var index = scalars.startIndex
        while index + 1 < scalars.endIndex {
            terms.append(SearchTokenizer.string(scalars[index...(index + 1)]))
            index += 1
        }
        return Alternative(terms: terms, phrase: SearchTokenizer.string(scalars))
    }

    static func cjkParts(_ run: [UInt32], into parts: inout [[Alternative]]) {
        var pieces: [[UInt32]] = []
        var piece: [UInt32] = []
        var index = 0
        while index < run.count {
            let pair = index + 1 < run.count ? [run[index], run[index + 1]] : []
            let skip = stopPairs.contains(pair) ? 2 : stopSingles.contains(run[index]) ? 1 : 0
            if skip > 0 {
                if !piece.isEmpty { pieces.append(piece) }
                piece = []
                index += skip
                continue
            }
            piece.append(run[index])
            index += 1
        }
        if !piece.isEmpty { pieces.append(piece) }
        if pieces.isEmpty { pieces.append(run) }
        for points in pieces {
            var start = 0, position = 0
            while position < points.count {
                guard numerals.contains(points[position]) else { position += 1; continue }
                var end = position
                while end < points.count && numerals.contains(points[end]) { end += 1 }
                guard let value = numberValue(points[position..<end]) else { position = end; continue }
                if position > start { parts.append([alternative(points[start..<position])]) }
                parts.append([Alternative(terms: [String(value)], phrase: String(value)), alternative(points[position..<end])])
                start = end
                position = end
            }
            if start < points.count { parts.append([alternative(points[start...])]) }
        }
    }
}
