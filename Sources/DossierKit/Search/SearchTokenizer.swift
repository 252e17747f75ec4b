/// How text is cut into search terms. The browser's `search.js` runs the same rules on a query, so
/// a query finds exactly the terms the build indexed (README, "Search", gives the rules in prose).
///
/// 1. Each Unicode scalar is folded: full-width ASCII (U+FF01–FF5E) to ASCII, the ideographic
///    space to a space, and capital letters of ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic
///    to small ones. Plain arithmetic on code points, so Swift and JavaScript agree by construction.
/// 2. CJK scalars (Han, kana, Hangul) form runs. A run gives every character (a unigram) and every
///    pair of neighbours (a bigram): `经营异常` gives 经 营 异 常 经营 营异 异常.
/// 3. Letters and digits of the Latin, Greek and Cyrillic ranges form words; `-` `_` `.` `/`
///    between two of them join them into one code (`icp-2024-001`, `v1.2`). A word is a term
///    whole; a joined code is a term whole and each of its parts is one too.
/// 4. Everything else separates runs. Terms longer than `maximumLength` scalars are dropped.
public enum SearchTokenizer {
    public static let maximumLength = 64

    public enum Kind: Sendable, Equatable {
        case unigram, bigram, word, part
    }

    public struct Token: Sendable, Equatable {
        public var text: String
        public var kind: Kind
    }

    enum Class { case cjk, word, joiner, separator }

    @inline(__always)
    static func fold(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x41...0x5A: return value + 0x20
        case 0xFF01...0xFF5E:
            let ascii = value - 0xFEE0
            return (0x41...0x5A).contains(ascii) ? ascii + 0x20 : ascii
        case 0x3000: return 0x20
        case 0xC0...0xDE where value != 0xD7: return value + 0x20
        case 0x100...0x137, 0x14A...0x177: return value | 1
        case 0x139...0x148, 0x179...0x17E: return value % 2 == 1 ? value + 1 : value
        case 0x391...0x3A9 where value != 0x3A2: return value + 0x20
        case 0x400...0x40F: return value + 0x50
        case 0x410...0x42F: return value + 0x20
        default: return value
        }
    }

    @inline(__always)
    static func classify(_ value: UInt32) -> Class {
        switch value {
        case 0x30...0x39, 0x61...0x7A: return .word
        case 0x2D, 0x2E, 0x2F, 0x5F: return .joiner
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x3134F: return .cjk
        case 0xC0...0x24F where value != 0xD7 && value != 0xF7: return .word
        case 0x386...0x3CE, 0x400...0x4FF: return .word
        default: return .separator
        }
    }

    /// Every term of `text`, once per occurrence, in order.
    public static func tokens(_ text: String) -> [Token] {
        var result: [Token] = []
        each(text) { result.append(Token(text: $0, kind: $1)) }
        return result
    }

    /// Calls `body` with every term of `text` and its kind, in order.
    public static func each(_ text: String, _ body: (String, Kind) -> Void) {
        eachTerm(text, cjk: { first, second in
            if let second {
                body(string([first, second][...]), .bigram)
            } else {
                body(string([first][...]), .unigram)
            }
        }, word: { scalars, kind in body(string(scalars), kind) })
    }

    /// The terms of `text` as scalars, without making strings: `cjk` gets a unigram (one scalar)
    /// or a bigram (two), `word` a word or a part of a joined code. The index builds on this.
    static func eachTerm(_ text: String, cjk: (UInt32, UInt32?) -> Void, word: (ArraySlice<UInt32>, Kind) -> Void) {
        runs(text) { isCJK, run, joined in
            if isCJK {
                for index in run.indices {
                    cjk(run[index], nil)
                    if index + 1 < run.count { cjk(run[index], run[index + 1]) }
                }
                return
            }
            if run.count <= maximumLength { word(run[...], .word) }
            guard joined else { return }
            var start = 0
            for index in 0...run.count where index == run.count || classify(run[index]) == .joiner {
                if index > start && index - start <= maximumLength { word(run[start..<index], .part) }
                start = index + 1
            }
        }
    }

    /// The terms a query looks up (`SearchQuery` gives the rules): words and codes whole, a lone
    /// CJK character as itself, a longer CJK run as its bigrams (without stop words), and numbers
    /// both ways (15 and 十五). The browser then checks that each run stands together.
    public static func queryTerms(_ query: String) -> [String] {
        SearchQuery(query).terms
    }

    static func string(_ scalars: ArraySlice<UInt32>) -> String {
        var view = String.UnicodeScalarView()
        for value in scalars { if let scalar = Unicode.Scalar(value) { view.append(scalar) } }
        return String(view)
    }

    /// Calls `body` with each run of folded scalars: a CJK run, or a word run (`joined` when it
    /// holds joiners).
    static func runs(_ text: String, _ body: (_ isCJK: Bool, _ run: [UInt32], _ joined: Bool) -> Void) {
        var run: [UInt32] = []
        var runClass = Class.separator
        var pendingJoiner: UInt32?
        var joined = false
        func flush() {
            if !run.isEmpty { body(runClass == .cjk, run, joined) }
            run.removeAll(keepingCapacity: true)
            runClass = .separator
            pendingJoiner = nil
            joined = false
        }
        for scalar in text.unicodeScalars {
            let value = fold(scalar.value)
            switch classify(value) {
            case .cjk:
                if runClass != .cjk { flush(); runClass = .cjk }
                run.append(value)
            case .word:
                if runClass != .word { flush(); runClass = .word }
                if let joiner = pendingJoiner { run.append(joiner); pendingJoiner = nil; joined = true }
                run.append(value)
            case .joiner:
                if runClass == .word && pendingJoiner == nil { pendingJoiner = value } else { flush() }
            case .separator:
                flush()
            }
        }
        flush()
    }
}
