/// Generates Markdown documents that hide unique markers (`LEAK` and ten hex digits) inside
/// internal sections, in every context the syntax allows: lists (tight, loose, ordered, nested,
/// task lists), block quotes and callouts, tables, ATX and setext headings, links and images
/// (text, URL, title), link reference definitions and footnote definitions used from public text,
/// code spans and code blocks, raw HTML, wiki links, autolinks, emphasis; with the section markers
/// written in every spelling the rules accept and placed on their own lines, inside list items
/// and block quotes, at the end of a paragraph or in its middle. Deterministic for a seed.
///
/// `LeakHuntRun` builds the documents for every audience and checks that no marker leaves the
/// internal wiki (and that the internal wiki shows each one, so the check is not vacuous).
public struct LeakHunt: Sendable {
    /// One internal section with the public text around it (or, when not `wellFormed`, a use of
    /// the markers the rules may refuse: unclosed, stray, nested, across containers...).
    public struct Case: Sendable {
        /// What the case exercises, e.g. "own line in list item > block quote; table; <!--- internal --->".
        public var kind: String
        public var lines: [String]
        /// Every marker inside the section.
        public var markers: [String]
        /// Markers the internal wiki must show.
        public var shown: [String]
        /// Markers the internal wiki shows only when raw HTML is let through (`unsafe_html`).
        public var shownWithRawHTML: [String]
        /// Public references to definitions inside the section (`[see][r1]`, `[^f2]`).
        public var uses: [String]
        public var wellFormed: Bool
    }

    public struct Document: Sendable {
        /// The page id (`kb/<id>.md`, `filings/<id>.md`, `filings/<id>-note.md`).
        public var id: String
        public var cases: [Case]
        /// How the files are written: `"\n"`, `"\r\n"` or a lone `"\r"` (all accepted).
        public var lineEnding = "\n"

        public var markdown: String {
            var lines = ["Hunt document \(id): a public introduction.", ""]
            for item in cases {
                lines += item.lines
                lines.append("")
            }
            let uses = cases.flatMap(\.uses)
            if !uses.isEmpty { lines.append("Public references: " + uses.joined(separator: ", ") + ".") }
            return lines.joined(separator: "\n") + "\n"
        }

        public var markers: [String] { cases.flatMap(\.markers) }
        public var wellFormed: Bool { cases.allSatisfy(\.wellFormed) }

        /// Markers the internal wiki must show.
        public func shown(rawHTML: Bool) -> [String] {
            cases.flatMap { $0.shown + (rawHTML ? $0.shownWithRawHTML : []) }
        }

        /// The document with one of its cases only (to report the smallest document that leaks).
        public func only(_ index: Int) -> Document {
            Document(id: id, cases: [cases[index]], lineEnding: lineEnding)
        }

        /// `text` (written with `\n`) with this document's line endings.
        public func withLineEndings(_ text: String) -> String {
            lineEnding == "\n" ? text : text.replacingOccurrences(of: "\n", with: lineEnding)
        }
    }

    /// Section marker spellings: opening, closing.
    public static let spellings: [(open: String, close: String)] = [
        ("<!-- internal -->", "<!-- /internal -->"),
        ("<!--internal-->", "<!--/internal-->"),
        ("<!--- internal --->", "<!--- /internal --->"),
        ("<!-- INTERNAL -->", "<!-- /INTERNAL -->"),
        ("<!-- internal: payment terms -->", "<!-- /internal -->"),
        ("<!-- Internal -->", "<!-- / internal -->"),
        ("<!--\ninternal\n-->", "<!--\n/internal\n-->"),
        ("<!--   internal   -->", "<!-- /internal: payment terms -->"),
        ("<!---- internal ---->", "<!---- / internal ---->"),
        ("<!-- internal (not for the client) -->", "<!-- / INTERNAL -->"),
        ("<!--\n  Internal: fees\n-->", "<!-- /internal -->"),
    ]

    public let seed: UInt64
    var random: SplitMix64
    var serial = 0

    public init(seed: UInt64) {
        self.seed = seed
        random = SplitMix64(seed: seed)
    }

    // MARK: - Randomness

    mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &random) < probability }

    mutating func next() -> Int {
        serial += 1
        return serial
    }

    /// A marker unique within this generator: `LEAK` and ten upper-case hex digits.
    mutating func marker() -> String {
        let value = (UInt64(random.next() & 0xFFFF) << 24) | UInt64(next() & 0xFF_FFFF)
        let hex = String(value, radix: 16, uppercase: true)
        return "LEAK" + String(repeating: "0", count: max(0, 10 - hex.count)) + hex
    }

    // MARK: - Documents

    /// A document of one to three well-formed cases, or (`wellFormed: false`) one misuse of the
    /// markers, sometimes with a well-formed case before it.
    public mutating func document(wellFormed: Bool = true) -> Document {
        let id = "hunt-\(next())"
        var cases: [Case] = []
        if wellFormed {
            for _ in 0..<int(1...3) { cases.append(placed()) }
        } else {
            if chance(0.3) { cases.append(placed()) }
            cases.append(misuse())
        }
        let ending = [String](repeating: "\n", count: 17) + ["\r\n", "\r\n", "\r"]
        return Document(id: id, cases: cases, lineEnding: ending[int(0..<ending.count)])
    }
}
