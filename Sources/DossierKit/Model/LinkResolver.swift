import Foundation

/// Resolves relative `.md` links, `[[wiki links]]` and `refs` to pages, headings and files, and
/// reports the ones that point nowhere.
public struct LinkResolver: Sendable {
    /// Source path (relative to the content folder) of every page, included or not.
    var bySource: [String: PageRef] = [:]
    var byID: [String: [PageRef]] = [:]
    var headings: [PageRef: [String: String]] = [:]  // id -> heading text
    var titles: [PageRef: String] = [:]
    /// Heading slugs that exist only in internal sections this build leaves out.
    var hiddenHeadings: [PageRef: Set<String>] = [:]
    var included: Set<PageRef> = []
    /// Source paths of files that are copied to the output, mapped to their output paths.
    var files: [String: String] = [:]

    public init() {}

    mutating func add(_ ref: PageRef, source: String, title: String, headings: [Heading], hidden: Set<String> = [],
                      included isIncluded: Bool) {
        if !hidden.isEmpty { hiddenHeadings[ref] = hidden }
        bySource[source] = ref
        byID[ref.id, default: []].append(ref)
        var map: [String: String] = [:]
        for heading in headings { map[heading.id] = heading.text }
        self.headings[ref] = map
        titles[ref] = title
        if isIncluded { included.insert(ref) }
    }

    mutating func addFile(source: String, output: String) {
        files[source] = output
    }

    public func title(of ref: PageRef) -> String? { titles[ref] }

    public func headingText(_ ref: PageRef, _ id: String) -> String? { headings[ref]?[id] }

    /// Resolves a link written in the file at `from` (relative to the content folder).
    /// Problems go to `diagnostics` with the link's position.
    public func resolve(_ link: LinkReference, from source: String, page: PageRef?, displayPath: String,
                        diagnostics: inout [Diagnostic]) -> ResolvedLink {
        switch link.form {
        case .wiki:
            return resolveWiki(link.destination, at: link.position, displayPath: displayPath, diagnostics: &diagnostics)
        case .markdown:
            return resolvePath(link.destination, at: link.position, from: source, page: page, displayPath: displayPath,
                               diagnostics: &diagnostics)
        }
    }

    /// A `refs` item: an id (`supplement-period`, `kb/supplement-period`) or a relative `.md` path,
    /// each optionally with `#heading`.
    public func resolveRef(_ text: String, at position: SourcePosition, from source: String, displayPath: String,
                           diagnostics: inout [Diagnostic]) -> ResolvedLink {
        let path = text.split(separator: "#", maxSplits: 1).first.map(String.init) ?? text
        if path.hasSuffix(".md") || path.hasPrefix(".") || hasScheme(text) {
            return resolvePath(text, at: position, from: source, page: nil, displayPath: displayPath, diagnostics: &diagnostics)
        }
        return resolveWiki(text, at: position, displayPath: displayPath, diagnostics: &diagnostics)
    }

    func resolveWiki(_ target: String, at position: SourcePosition, displayPath: String,
                     diagnostics: inout [Diagnostic]) -> ResolvedLink {
        var name = target
        var fragment: String?
        if let hash = target.firstIndex(of: "#") {
            name = String(target[..<hash])
            fragment = String(target[target.index(after: hash)...])
        }
        var candidates: [PageRef]
        if let slash = name.firstIndex(of: "/") {
            let prefix = String(name[..<slash])
            let id = String(name[name.index(after: slash)...])
            guard let kind = PageRef.Kind(rawValue: prefix) else {
                diagnostics.append(.error(displayPath, position,
                    "wiki link '[[\(target)]]': '\(prefix)/' is not a kind of page; use kb/, permits/, filings/ or clients/"))
                return .broken
            }
            candidates = (byID[id] ?? []).filter { $0.kind == kind }
            name = id
        } else {
            candidates = byID[name] ?? []
        }
        if name.isEmpty && fragment != nil {
            diagnostics.append(.error(displayPath, position, "wiki link '[[\(target)]]' names no page; use [text](#heading) for this page"))
            return .broken
        }
        guard !candidates.isEmpty else {
            diagnostics.append(.error(displayPath, position,
                "broken wiki link '[[\(target)]]': no page has the id '\(name)'\(Suggestion.hint(for: name, in: byID.keys))"))
            return .broken
        }
        guard candidates.count == 1, let ref = candidates.first else {
            let options = candidates.sorted().map { "[[\($0)]]" }.joined(separator: " or ")
            diagnostics.append(.error(displayPath, position,
                "ambiguous wiki link '[[\(target)]]': the id '\(name)' names \(candidates.count) pages; write \(options)"))
            return .broken
        }
        return checkPage(ref, fragment: fragment, linkText: "[[\(target)]]", at: position, displayPath: displayPath,
                         diagnostics: &diagnostics)
    }

    func checkPage(_ ref: PageRef, fragment: String?, linkText: String, at position: SourcePosition, displayPath: String,
                   diagnostics: inout [Diagnostic]) -> ResolvedLink {
        if let fragment, !fragment.isEmpty {
            let ids = headings[ref] ?? [:]
            if ids[fragment] == nil, hiddenHeadings[ref]?.contains(Self.baseSlug(fragment)) == true {
                diagnostics.append(.warning(displayPath, position,
                    "link \(linkText) points at a heading in an internal section of \(ref), which this build leaves out; it is shown as plain text"))
                return .unavailable
            }
            if ids[fragment] == nil {
                diagnostics.append(.error(displayPath, position,
                    "link \(linkText): \(ref) has no heading '#\(fragment)'\(Suggestion.hint(for: fragment, in: ids.keys))"))
                return .broken
            }
        }
        guard included.contains(ref) else {
            diagnostics.append(.warning(displayPath, position,
                "link \(linkText) points at \(ref), which this build leaves out; it is shown as plain text"))
            return .unavailable
        }
        return .page(ref, fragment: fragment.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// `abc-2` → `abc`: the slug before a repeat counter.
    static func baseSlug(_ slug: String) -> String {
        guard let dash = slug.lastIndex(of: "-"), !slug[slug.index(after: dash)...].isEmpty,
              slug[slug.index(after: dash)...].allSatisfy(\.isNumber) else { return slug }
        return String(slug[..<dash])
    }

    func hasScheme(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    func resolvePath(_ destination: String, at position: SourcePosition, from source: String, page: PageRef?,
                     displayPath: String, diagnostics: inout [Diagnostic]) -> ResolvedLink {
        if destination.isEmpty { return .external("") }
        if hasScheme(destination) {
            let lower = destination.lowercased()
            if lower.hasPrefix("javascript:") || lower.hasPrefix("vbscript:") || lower.hasPrefix("file:")
                || (lower.hasPrefix("data:") && !lower.hasPrefix("data:image/")) {
                diagnostics.append(.warning(displayPath, position, "link '\(destination)' uses an unsafe scheme; it is dropped"))
                return .broken
            }
            return .external(destination)
        }
        if destination.hasPrefix("//") { return .external(destination) }
        var pathPart = destination
        var fragment: String?
        if let hash = destination.firstIndex(of: "#") {
            pathPart = String(destination[..<hash])
            fragment = String(destination[destination.index(after: hash)...]).removingPercentEncoding
        }
        if let question = pathPart.firstIndex(of: "?") { pathPart = String(pathPart[..<question]) }
        if pathPart.isEmpty {
            // `#heading` on the same page.
            guard let fragment else { return .external(destination) }
            if let page {
                if headings[page]?[fragment] == nil, hiddenHeadings[page]?.contains(Self.baseSlug(fragment)) == true {
                    return .unavailable
                }
                if headings[page]?[fragment] == nil {
                    diagnostics.append(.error(displayPath, position,
                        "link '#\(fragment)': this page has no such heading\(Suggestion.hint(for: fragment, in: (headings[page] ?? [:]).keys))"))
                    return .broken
                }
            }
            return .anchor(fragment)
        }
        if pathPart.hasPrefix("/") {
            diagnostics.append(.error(displayPath, position,
                "link '\(destination)' is an absolute path; write it relative to this file so the site works from any folder"))
            return .broken
        }
        let decoded = pathPart.removingPercentEncoding ?? pathPart
        guard let target = Self.normalize(decoded, relativeTo: source) else {
            diagnostics.append(.error(displayPath, position, "link '\(destination)' climbs out of the content folder"))
            return .broken
        }
        if let ref = bySource[target] ?? bySource[target + "/index.md"] {
            return checkPage(ref, fragment: fragment, linkText: "'\(destination)'", at: position, displayPath: displayPath,
                             diagnostics: &diagnostics)
        }
        if let output = files[target] {
            return .file(output, fragment: fragment)
        }
        diagnostics.append(.error(displayPath, position,
            "broken link '\(destination)': there is no \(target.hasSuffix(".md") ? "page" : "file") at \(target)"))
        return .broken
    }

    /// Joins a relative path to the folder of `source`; nil when it climbs above the content folder.
    static func normalize(_ path: String, relativeTo source: String) -> String? {
        var parts = source.split(separator: "/").map(String.init)
        if !parts.isEmpty { parts.removeLast() }
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(component))
            }
        }
        return parts.joined(separator: "/")
    }
}
