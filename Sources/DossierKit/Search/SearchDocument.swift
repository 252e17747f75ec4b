/// What the search index knows of one page: the words a reader sees on it, cut into sections at
/// its headings so that a result can link to the heading where the match is.
public struct SearchDocument: Sendable {
    public struct Section: Sendable, Equatable {
        /// The heading's id, or "" for the text before the first heading.
        public var anchor: String
        public var heading: String
        public var text: String

        public init(anchor: String, heading: String, text: String) {
            self.anchor = anchor
            self.heading = heading
            self.text = text
        }
    }

    /// Output path of the page (`kb/x/index.html`).
    public var path: String
    public var title: String
    /// What kind of page it is, in the interface language ("知识库").
    public var kind: String
    /// Permit names the page belongs to, for the result line.
    public var permit: String
    /// Tags, permit names and references: weighted above body text.
    public var keywords: [String]
    public var sections: [Section]

    public init(path: String, title: String, kind: String, permit: String, keywords: [String], sections: [Section]) {
        self.path = path
        self.title = title
        self.kind = kind
        self.permit = permit
        self.keywords = keywords
        self.sections = sections
    }

    /// Sections from a rendered body: text is cut at each `<h2 id>` and `<h3 id>`, block elements
    /// become line breaks, tags are dropped and entities decoded. Indexing the rendered HTML means
    /// the index holds exactly what the page shows this audience, no more.
    public static func sections(fromHTML html: String) -> [Section] {
        var sections: [Section] = [Section(anchor: "", heading: "", text: "")]
        var bytes = Array(html.utf8)
        bytes.append(0)
        var text: [UInt8] = []
        var heading: [UInt8]? = nil
        var skipDepth = 0
        var index = 0
        func finish() {
            sections[sections.count - 1].text = tidy(decode(text))
            text.removeAll(keepingCapacity: true)
        }
        while index < bytes.count - 1 {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "<") else {
                if skipDepth == 0 {
                    if heading != nil { heading?.append(byte) } else { text.append(byte) }
                }
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.count - 1 && bytes[end] != UInt8(ascii: ">") { end += 1 }
            let tag = bytes[(index + 1)..<end]
            index = end + 1
            let closing = tag.first == UInt8(ascii: "/")
            let name = tagName(closing ? tag.dropFirst() : tag[...])
            if name == "script" || name == "style" || name == "svg" {
                skipDepth += closing ? -1 : 1
                skipDepth = max(skipDepth, 0)
                continue
            }
            if (name == "h2" || name == "h3") && !closing, let id = attribute("id", in: tag) {
                finish()
                sections.append(Section(anchor: decode(Array(id.utf8)), heading: "", text: ""))
                heading = []
                continue
            }
            if (name == "h2" || name == "h3") && closing, let collected = heading {
                sections[sections.count - 1].heading = tidy(decode(collected))
                heading = nil
                continue
            }
            if blockTags.contains(name) {
                if heading != nil { heading?.append(32) } else { text.append(10) }
            }
        }
        if let collected = heading { sections[sections.count - 1].heading = tidy(decode(collected)) }
        finish()
        return sections.filter { !$0.text.isEmpty || !$0.heading.isEmpty }
    }

    static let blockTags: Set<String> = [
        "p", "li", "ul", "ol", "br", "div", "blockquote", "pre", "table", "tr", "td", "th", "thead", "tbody",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "dl", "dt", "dd", "section", "figure", "figcaption", "aside",
    ]

    static func tagName(_ tag: ArraySlice<UInt8>) -> String {
        var name = ""
        for byte in tag {
            guard (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) else { break }
            name.unicodeScalars.append(Unicode.Scalar(byte | 0x20))
        }
        return name
    }

    /// The value of a double-quoted attribute, as written (entities not decoded).
    static func attribute(_ name: String, in tag: ArraySlice<UInt8>) -> String? {
        let needle = Array(" \(name)=\"".utf8)
        let tagBytes = Array(tag)
        guard tagBytes.count > needle.count else { return nil }
        for start in 0...(tagBytes.count - needle.count) where tagBytes[start..<(start + needle.count)].elementsEqual(needle) {
            let valueStart = start + needle.count
            guard let valueEnd = tagBytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
            return String(decoding: tagBytes[valueStart..<valueEnd], as: UTF8.self)
        }
        return nil
    }

    /// Decodes the entities our renderer and cmark write: named `&amp; &lt; &gt; &quot; &#39;`-style
    /// and numeric ones. Anything else stays as written.
    static func decode(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        guard bytes.contains(UInt8(ascii: "&")) else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[amp...]
            guard let semicolon = after.prefix(12).firstIndex(of: ";") else {
                result += "&"; rest = rest[rest.index(after: amp)...]; continue
            }
            let entity = after[after.index(after: amp)..<semicolon]
            var replacement: String?
            switch entity {
            case "amp": replacement = "&"
            case "lt": replacement = "<"
            case "gt": replacement = ">"
            case "quot": replacement = "\""
            case "apos": replacement = "'"
            case "nbsp": replacement = " "
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let value = UInt32(entity.dropFirst(2), radix: 16),
                   let scalar = Unicode.Scalar(value) {
                    replacement = String(Character(scalar))
                } else if entity.hasPrefix("#"), let value = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(value) {
                    replacement = String(Character(scalar))
                }
            }
            if let replacement {
                result += replacement
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result += "&"
                rest = rest[rest.index(after: amp)...]
            }
        }
        result += rest
        return result
    }

    /// Runs of white space become one space, except that a line break is kept as one line break.
    static func tidy(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var pendingBreak = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" { pendingBreak = true; continue }
            if scalar == " " || scalar == "\t" || scalar == "\r" { pendingSpace = true; continue }
            if !result.isEmpty {
                if pendingBreak { result += "\n" } else if pendingSpace { result += " " }
            }
            pendingBreak = false
            pendingSpace = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
