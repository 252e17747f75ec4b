/// GitHub-style slugs that keep Chinese (and any other) letters: lower-cased, punctuation dropped,
/// spaces turned into hyphens.
public enum Slug {
    public static func make(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            let properties = scalar.properties
            if scalar == " " || scalar == "-" {
                result.append("-")
            } else if scalar == "_" || properties.isAlphabetic || properties.numericType != nil
                        || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Hands out unique slugs within one page: the second `a` becomes `a-1`, the third `a-2`.
    public struct Uniquer: Sendable {
        private var used: Set<String> = []

        public init() {}

        public mutating func unique(_ base: String) -> String {
            let start = base.isEmpty ? "section" : base
            if used.insert(start).inserted { return start }
            var counter = 1
            while !used.insert("\(start)-\(counter)").inserted { counter += 1 }
            return "\(start)-\(counter)"
        }
    }
}
