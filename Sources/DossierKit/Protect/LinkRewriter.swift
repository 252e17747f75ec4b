import Foundation

/// Rewrites the `href` and `src` attributes of a page we rendered so they point at the opaque
/// paths of an encrypted brief; images are inlined as `data:` URLs so they are encrypted with
/// the page. Absolute links into the site (`404.html` has them when `base_url` is set) become
/// relative ones: the brief's Content-Security-Policy loads nothing from another origin, and the
/// brief must work wherever it is put.
enum LinkRewriter {
    static func rewrite(_ html: String, from original: String, to target: String, mapping: [String: String],
                        inline: [String: Data], baseURL: String? = nil) -> String {
        var output = ""
        output.reserveCapacity(html.utf8.count)
        var rest = html[...]
        while let match = nextAttribute(in: rest) {
            output += rest[..<match.valueStart]
            let value = String(rest[match.valueStart..<match.valueEnd])
            output += rewritten(value, isSource: match.isSource, from: original, to: target, mapping: mapping, inline: inline,
                                baseURL: baseURL)
            rest = rest[match.valueEnd...]
        }
        output += rest
        return output
    }

    static func nextAttribute(in text: Substring) -> (valueStart: String.Index, valueEnd: String.Index, isSource: Bool)? {
        let href = text.range(of: " href=\"")
        let src = text.range(of: " src=\"")
        let first: (Range<String.Index>, Bool)?
        switch (href, src) {
        case let (h?, s?): first = h.lowerBound < s.lowerBound ? (h, false) : (s, true)
        case let (h?, nil): first = (h, false)
        case let (nil, s?): first = (s, true)
        default: first = nil
        }
        guard let (range, isSource) = first, let end = text[range.upperBound...].firstIndex(of: "\"") else { return nil }
        return (range.upperBound, end, isSource)
    }

    static func rewritten(_ value: String, isSource: Bool, from original: String, to target: String,
                          mapping: [String: String], inline: [String: Data], baseURL: String? = nil) -> String {
        var unescaped = value.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#x27;", with: "'")
        var original = original
        if let baseURL, !baseURL.isEmpty, unescaped.hasPrefix(baseURL) {
            // Relative to the root of the site.
            unescaped = String(unescaped.dropFirst(baseURL.count))
            original = "index.html"
            if unescaped.isEmpty { unescaped = "index.html" }
        }
        if unescaped.isEmpty || unescaped.hasPrefix("#") || unescaped.hasPrefix("//") || unescaped.contains(":") { return value }
        var path = unescaped
        var fragment = ""
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[hash...])
            path = String(path[..<hash])
        }
        let decoded = path.removingPercentEncoding ?? path
        guard let resolved = LinkResolver.normalize(decoded, relativeTo: original) else { return value }
        if isSource, let data = inline[resolved] {
            return "data:\(mediaType(resolved));base64,\(data.base64EncodedString())"
        }
        if let opaque = mapping[resolved] {
            return MarkdownHTML.relative(opaque, from: target) + (opaque.hasSuffix(".html") && !resolved.hasSuffix(".html") ? "" : fragment)
        }
        if resolved.hasPrefix("_theme/") { return MarkdownHTML.relative(resolved, from: target) }
        // A link to a file the brief does not contain (a feed): pointless once encrypted.
        return MarkdownHTML.relative("index.html", from: target)
    }

    static func mediaType(_ path: String) -> String {
        switch path.split(separator: ".").last?.lowercased() ?? "" {
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "svg": return "image/svg+xml"
        default: return "application/octet-stream"
        }
    }
}
