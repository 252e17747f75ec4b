/// Text as the print document's stylesheet and the PDF's metadata need it.
enum PrintText {
    /// `text` as a CSS string, quotes included: safe inside a `<style>` element whatever it holds
    /// (no quote, backslash, line break or `<` is left as it is).
    static func cssString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">", "&", "\n", "\r", "\u{0C}", "\u{00}":
                result += "\\" + String(scalar.value, radix: 16, uppercase: true) + " "
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A `content` value for "page x of y" from the language's words, `{page}` and `{pages}`
    /// becoming the page counters (`"第 " counter(page) " 页，共 " counter(pages) " 页"`).
    static func cssCounters(_ words: String) -> String {
        var parts: [String] = []
        var rest = Substring(words)
        while let open = rest.firstIndex(of: "{") {
            let tail = rest[open...]
            let counter = tail.hasPrefix("{pages}") ? "pages" : tail.hasPrefix("{page}") ? "page" : nil
            guard let counter else {
                parts.append(cssString(String(rest[...open])))
                rest = rest[rest.index(after: open)...]
                continue
            }
            if open > rest.startIndex { parts.append(cssString(String(rest[..<open]))) }
            parts.append("counter(\(counter))")
            rest = tail.dropFirst(counter.count + 2)
        }
        if !rest.isEmpty { parts.append(cssString(String(rest))) }
        return parts.isEmpty ? "none" : parts.joined(separator: " ")
    }

    /// `{name}` placeholders filled in.
    static func fill(_ text: String, _ values: [String: String]) -> String {
        var result = text
        for (name, value) in values.sorted(by: { $0.key < $1.key }) { result = result.replacingOccurrences(of: "{\(name)}", with: value) }
        return result
    }
}
