import Foundation

/// Makes a page the site renders on its own into a part of the one printed document: its ids get
/// the part's prefix (so two parts' `memo-title` do not clash), a link to a page the document
/// holds points at that part (and heading) inside the document, a link to a page it does not hold
/// loses its `href` (plain text, as the site shows material the audience does not get), links to
/// other sites stay, and images become `data:` URLs.
enum PrintLinks {
    /// The attributes rewritten, each with how.
    private static let attributes: [(pattern: String, kind: Kind)] = [
        (" href=\"", .href), (" src=\"", .source), (" id=\"", .id),
        (" aria-labelledby=\"", .idList), (" aria-describedby=\"", .idList),
    ]

    private enum Kind { case href, source, id, idList }

    /// `html` rendered for the page at `path`, as the part whose ids start with `prefix`.
    /// `anchors` maps the path of every page the document holds to its part's prefix; `images`
    /// holds the bytes of the files pictures may show.
    static func rewrite(_ html: String, path: String, prefix: String, anchors: [String: String],
                        images: [String: Data]) -> String {
        var output = ""
        output.reserveCapacity(html.utf8.count)
        var rest = html[...]
        while let (range, kind) = nextAttribute(in: rest),
              let end = rest[range.upperBound...].firstIndex(of: "\"") {
            let value = String(rest[range.upperBound..<end])
            output += rest[..<range.lowerBound]
            switch kind {
            case .id:
                output += " id=\"\(localID(value, prefix: prefix))\""
            case .idList:
                let ids = value.split(separator: " ").map { localID(String($0), prefix: prefix) }.joined(separator: " ")
                output += rest[range] + ids + "\""
            case .href:
                if let target = href(value, path: path, prefix: prefix, anchors: anchors) {
                    output += " href=\"\(target)\""
                }
            case .source:
                if let target = source(value, path: path, images: images) {
                    output += " src=\"\(target)\""
                }
            }
            rest = rest[rest.index(after: end)...]
        }
        output += rest
        return output
    }

    private static func nextAttribute(in text: Substring) -> (Range<String.Index>, Kind)? {
        var best: (Range<String.Index>, Kind)?
        for (pattern, kind) in attributes {
            guard let range = text.range(of: pattern) else { continue }
            if best == nil || range.lowerBound < best!.0.lowerBound { best = (range, kind) }
        }
        return best
    }

    /// Where a link goes in the document: nil drops the `href` (its target is not in the document).
    static func href(_ value: String, path: String, prefix: String, anchors: [String: String]) -> String? {
        if value.isEmpty { return value }
        if value.hasPrefix("#") { return "#" + localID(fragment: String(value.dropFirst()), prefix: prefix) }
        let unescaped = value.replacingOccurrences(of: "&amp;", with: "&")
        if unescaped.hasPrefix("//") || unescaped.contains(":") {
            // Another site (or mail): a link in the PDF too.
            return value
        }
        var target = unescaped
        var fragment = ""
        if let hash = target.firstIndex(of: "#") {
            fragment = String(target[target.index(after: hash)...])
            target = String(target[..<hash])
        }
        let decoded = target.removingPercentEncoding ?? target
        guard let resolved = LinkResolver.normalize(decoded, relativeTo: path),
              let anchor = anchors[resolved] ?? anchors[joinPath(resolved, "index.html")] else {
            return nil
        }
        return fragment.isEmpty ? "#\(anchor)" : "#" + localID(fragment: fragment, prefix: anchor)
    }

    /// The id an element of the part gets: the part's prefix and the id itself when it is short
    /// and plain ASCII, else a digest of it. Chromium names a PDF destination after the id a link
    /// points at, and a heading's id made from Chinese text would be a name longer than the 127
    /// bytes PDF allows (poppler warns about it).
    static func localID(_ attribute: String, prefix: String) -> String {
        let id = unescape(attribute)
        let plain = id.utf8.count <= 48 && id.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_"
        }
        if plain { return "\(prefix)-\(id)" }
        var hasher = StableHasher()
        hasher.add(id)
        return "\(prefix)-h" + hasher.finalize().prefix(16)
    }

    /// The same for the fragment of a link (percent-encoded, in an HTML attribute).
    static func localID(fragment: String, prefix: String) -> String {
        let text = unescape(fragment)
        return HTML.escape(localID(HTML.escape(text.removingPercentEncoding ?? text), prefix: prefix))
    }

    /// An attribute's text as written by `HTML.escape`, unescaped.
    static func unescape(_ value: String) -> String {
        value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The pages (paths relative to the site) that the links of `html`, rendered for `path`, point at.
    static func targets(_ html: String, path: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        while let range = rest.range(of: " href=\""), let end = rest[range.upperBound...].firstIndex(of: "\"") {
            let value = rest[range.upperBound..<end].replacingOccurrences(of: "&amp;", with: "&")
            rest = rest[end...]
            guard !value.isEmpty, !value.hasPrefix("#"), !value.hasPrefix("//"), !value.contains(":") else { continue }
            let page = String(value.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            if let resolved = LinkResolver.normalize(page.removingPercentEncoding ?? page, relativeTo: path) {
                found.append(resolved.hasSuffix(".html") ? resolved : joinPath(resolved, "index.html"))
            }
        }
        return found
    }

    /// A picture's bytes inlined, or nil (dropped) when the document has nothing at that address.
    static func source(_ value: String, path: String, images: [String: Data]) -> String? {
        let unescaped = value.replacingOccurrences(of: "&amp;", with: "&")
        if unescaped.hasPrefix("data:") { return value }
        let decoded = unescaped.removingPercentEncoding ?? unescaped
        guard !decoded.contains(":"), let resolved = LinkResolver.normalize(decoded, relativeTo: path),
              let data = images[resolved] else { return nil }
        return "data:\(LinkRewriter.mediaType(resolved));base64,\(data.base64EncodedString())"
    }
}
