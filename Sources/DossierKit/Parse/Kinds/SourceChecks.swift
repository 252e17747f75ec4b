extension ContentParser {
    /// A `sources` item: a title written in 《》 is kept without them (with a warning), a `url`
    /// that is not a web address is dropped (with an error).
    static func checkSource(_ values: inout DeclaredValues, _ s: inout YAMLFields) {
        if let written = values[SourceSchema.title], written.hasPrefix("《"), written.hasSuffix("》"), written.count > 2 {
            s.warning(values.valuePosition(SourceSchema.title) ?? s.position, "write the 'title' of a source without 《》: the page adds them")
            values.set(SourceSchema.title.name, .text(String(written.dropFirst().dropLast()).trimmedSpaces()))
        }
        if let address = values[SourceSchema.url], !address.isEmpty, !isWebAddress(address) {
            s.error(values.valuePosition(SourceSchema.url) ?? s.position,
                    "'url' of a source must be an http:// or https:// address, found '\(address)'")
            values.set(SourceSchema.url.name, nil)
        }
    }

    /// An absolute http(s) address with a host and no spaces.
    static func isWebAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") { rest = lower.dropFirst(8) } else if lower.hasPrefix("http://") { rest = lower.dropFirst(7) } else { return false }
        guard let first = rest.first, first != "/" else { return false }
        return !text.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 || $0 == "\"" || $0 == "<" || $0 == ">" }
    }
}
