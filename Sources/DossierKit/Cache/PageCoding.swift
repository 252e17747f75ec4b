/// How parsed pages are stored in the page cache (see `PageCache`). Each type writes its fields in
/// declaration order; reading them back gives the value that was parsed.

extension SourcePosition: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.int(line)
        writer.int(column)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(line: try reader.int(), column: try reader.int())
    }
}

extension Day: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.int(ordinal)
    }

    init(from reader: inout BinaryReader) throws {
        let ordinal = try reader.int()
        // Years 1 to 9999, as `Day` allows.
        guard (-719_162...2_932_896).contains(ordinal) else { throw BinaryReader.Malformed() }
        self.init(ordinal: ordinal)
    }
}

extension Located: BinaryCodable where Value == String {
    func write(to writer: inout BinaryWriter) {
        writer.string(value)
        writer.write(position)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(try reader.string(), try reader.read())
    }
}

extension Diagnostic: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.string(severity.rawValue)
        writer.string(path)
        writer.write(position)
        writer.string(message)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(try reader.named(), try reader.string(), try reader.read(), try reader.string())
    }
}

extension Heading: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.int(level)
        writer.string(text)
        writer.string(id)
        writer.write(position)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(level: try reader.int(), text: try reader.string(), id: try reader.string(), position: try reader.read())
    }
}

extension LinkReference: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.string(destination)
        switch form {
        case .markdown(let isImage): writer.byte(isImage ? 1 : 0)
        case .wiki: writer.byte(2)
        }
        writer.write(position)
    }

    init(from reader: inout BinaryReader) throws {
        let destination = try reader.string()
        let form: Form
        switch try reader.byte() {
        case 0: form = .markdown(isImage: false)
        case 1: form = .markdown(isImage: true)
        case 2: form = .wiki
        default: throw BinaryReader.Malformed()
        }
        self.init(destination: destination, form: form, position: try reader.read())
    }
}

extension MarkdownNode: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        switch kind {
        case .document: writer.byte(0)
        case .blockQuote: writer.byte(1)
        case .list(let ordered, let start, let tight):
            writer.byte(2); writer.bool(ordered); writer.int(start); writer.bool(tight)
        case .item: writer.byte(3)
        case .codeBlock(let info, let literal): writer.byte(4); writer.string(info); writer.string(literal)
        case .htmlBlock(let html): writer.byte(5); writer.string(html)
        case .paragraph: writer.byte(6)
        case .heading(let level, let id): writer.byte(7); writer.int(level); writer.string(id)
        case .thematicBreak: writer.byte(8)
        case .text(let text): writer.byte(9); writer.string(text)
        case .softBreak: writer.byte(10)
        case .lineBreak: writer.byte(11)
        case .code(let code): writer.byte(12); writer.string(code)
        case .htmlInline(let html): writer.byte(13); writer.string(html)
        case .emphasis: writer.byte(14)
        case .strong: writer.byte(15)
        case .link(let url, let title): writer.byte(16); writer.string(url); writer.string(title)
        case .image(let url, let title): writer.byte(17); writer.string(url); writer.string(title)
        case .wikiLink(let target, let label):
            writer.byte(18); writer.string(target); writer.optional(label) { $0.string($1) }
        case .table: writer.byte(19)
        case .tableHead: writer.byte(20)
        case .tableBody: writer.byte(21)
        case .tableRow: writer.byte(22)
        case .tableCell(let header, let alignment): writer.byte(23); writer.bool(header); writer.string(alignment.rawValue)
        case .taskCheckbox(let checked): writer.byte(24); writer.bool(checked)
        case .strikethrough: writer.byte(25)
        case .callout(let kind, let folding): writer.byte(26); writer.string(kind); writer.string(folding.rawValue)
        case .footnoteReference(let number, let occurrence): writer.byte(27); writer.int(number); writer.int(occurrence)
        case .footnoteSection: writer.byte(28)
        case .footnote(let number, let references): writer.byte(29); writer.int(number); writer.int(references)
        case .footnoteDefinition(let label): writer.byte(30); writer.string(label)
        case .calloutTitle: writer.byte(31)
        }
        writer.write(position)
        writer.array(children) { $0.write($1) }
    }

    init(from reader: inout BinaryReader) throws {
        let kind: Kind
        switch try reader.byte() {
        case 0: kind = .document
        case 1: kind = .blockQuote
        case 2: kind = .list(ordered: try reader.bool(), start: try reader.int(), tight: try reader.bool())
        case 3: kind = .item
        case 4: kind = .codeBlock(info: try reader.string(), literal: try reader.string())
        case 5: kind = .htmlBlock(try reader.string())
        case 6: kind = .paragraph
        case 7: kind = .heading(level: try reader.int(), id: try reader.string())
        case 8: kind = .thematicBreak
        case 9: kind = .text(try reader.string())
        case 10: kind = .softBreak
        case 11: kind = .lineBreak
        case 12: kind = .code(try reader.string())
        case 13: kind = .htmlInline(try reader.string())
        case 14: kind = .emphasis
        case 15: kind = .strong
        case 16: kind = .link(url: try reader.string(), title: try reader.string())
        case 17: kind = .image(url: try reader.string(), title: try reader.string())
        case 18: kind = .wikiLink(target: try reader.string(), label: try reader.optional { try $0.string() })
        case 19: kind = .table
        case 20: kind = .tableHead
        case 21: kind = .tableBody
        case 22: kind = .tableRow
        case 23: kind = .tableCell(header: try reader.bool(), alignment: try reader.named())
        case 24: kind = .taskCheckbox(checked: try reader.bool())
        case 25: kind = .strikethrough
        case 26: kind = .callout(kind: try reader.string(), folding: try reader.named())
        case 27: kind = .footnoteReference(number: try reader.int(), occurrence: try reader.int())
        case 28: kind = .footnoteSection
        case 29: kind = .footnote(number: try reader.int(), references: try reader.int())
        case 30: kind = .footnoteDefinition(label: try reader.string())
        case 31: kind = .calloutTitle
        default: throw BinaryReader.Malformed()
        }
        let position: SourcePosition = try reader.read()
        self.init(kind, children: try reader.array { try $0.read(MarkdownNode.self) }, position: position)
    }
}

extension MarkdownDocument: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        // The tree comes first, with its length, so a reader can leave it encoded.
        writer.lengthPrefixed { $0.write(root) }
        writer.array(headings) { $0.write($1) }
        writer.array(links) { $0.write($1) }
        writer.strings(hiddenHeadingIDs.sorted())
    }

    init(from reader: inout BinaryReader) throws {
        let range = try reader.lengthPrefixedRange()
        let headings: [Heading] = try reader.array { try $0.read() }
        let links: [LinkReference] = try reader.array { try $0.read() }
        if let storage = reader.storage {
            var tree = BinaryReader(reader.bytes, range: range)
            try MarkdownNode.skip(in: &tree)
            guard tree.isAtEnd else { throw BinaryReader.Malformed() }
            self.init(lazyRoot: LazyNode(bytes: storage, range: range), headings: headings, links: links)
        } else {
            var tree = BinaryReader(reader.bytes, range: range)
            let root: MarkdownNode = try tree.read()
            guard tree.isAtEnd else { throw BinaryReader.Malformed() }
            self.init(root: root, headings: headings, links: links)
        }
        hiddenHeadingIDs = Set(try reader.strings())
    }
}

extension MarkdownNode {
    /// Reads over an encoded tree without making it, checking that it reads back: a tree left
    /// encoded (`LazyNode`) is checked this way when its page is read from the cache, so that
    /// reading it later cannot fail. Mirrors `init(from:)` field by field.
    static func skip(in reader: inout BinaryReader) throws {
        reader.depth += 1
        defer { reader.depth -= 1 }
        guard reader.depth < BinaryReader.maximumDepth else { throw BinaryReader.Malformed() }
        switch try reader.byte() {
        case 0, 1, 3, 6, 8, 10, 11, 14, 15, 19, 20, 21, 22, 25, 28, 31: break
        case 2: _ = try reader.bool(); _ = try reader.int(); _ = try reader.bool()
        case 4, 16, 17: _ = try reader.rawRange(); _ = try reader.rawRange()
        case 5, 9, 12, 13, 30: _ = try reader.rawRange()
        case 26: _ = try reader.rawRange(); _ = try reader.named(CalloutFolding.self)
        case 7: _ = try reader.int(); _ = try reader.rawRange()
        case 18: _ = try reader.rawRange(); if try reader.bool() { _ = try reader.rawRange() }
        case 23: _ = try reader.bool(); _ = try reader.named(TableAlignment.self)
        case 24: _ = try reader.bool()
        case 27, 29: _ = try reader.int(); _ = try reader.int()
        default: throw BinaryReader.Malformed()
        }
        _ = try reader.int()
        _ = try reader.int()
        let children = try reader.count()
        for _ in 0..<children { try skip(in: &reader) }
    }
}

/// A Markdown tree still encoded in the page cache's bytes, read when a page that shows it is
/// rendered. The bytes were checked (SHA-256 of the shard, then `MarkdownNode.skip`) and written
/// by this very program.
struct LazyNode: Sendable {
    let bytes: [UInt8]
    let range: Range<Int>

    /// The tree, or nil if the bytes do not read back as one (which a verified shard never does).
    func node() -> MarkdownNode? {
        bytes.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer, range: range)
            guard let node = try? reader.read(MarkdownNode.self), reader.isAtEnd else { return nil }
            return node
        }
    }
}

extension PageSource: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.string(relativePath)
        writer.string(displayPath)
        writer.write(document)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(relativePath: try reader.string(), displayPath: try reader.string(), document: try reader.read())
    }
}

// A page is its id, its declared values (`DeclaredValuesCoding`) and its file; its properties are
// filled from the values on reading, as after parsing.

extension Permit: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.write(values)
        writer.write(page)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(id: try reader.string(), values: try reader.read(), page: try reader.read())
    }
}

extension Client: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.write(values)
        writer.write(page)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(id: try reader.string(), values: try reader.read(), page: try reader.read())
    }
}

extension Article: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.write(values)
        writer.write(page)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(id: try reader.string(), values: try reader.read(), page: try reader.read())
    }
}

extension Filing: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.write(values)
        writer.array(timeline) { $0.write($1) }
        writer.strings(attachments)
        writer.write(page)
    }

    init(from reader: inout BinaryReader) throws {
        let id = try reader.string()
        let values: DeclaredValues = try reader.read()
        let timeline: [TimelineEntry] = try reader.array { try $0.read() }
        let attachments = try reader.strings()
        self.init(id: id, values: values, timeline: timeline, page: try reader.read(), attachments: attachments)
    }
}

// Timeline entries are many (100,000 on a large site): the keys they hold as properties are
// written field by field, the others (`values`) as declared values.
extension TimelineEntry: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(date)
        writer.string(type.rawValue)
        writer.optional(days) { $0.int($1) }
        writer.optional(from) { $0.string($1.rawValue) }
        writer.optional(channel) { $0.string($1.rawValue) }
        writer.string(summary)
        writer.strings(changes)
        writer.strings(clauses)
        writer.strings(pages)
        writer.array(refs) { $0.write($1) }
        writer.optional(note) { $0.write($1) }
        writer.bool(isInternal)
        writer.write(position)
        writer.write(values)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(date: try reader.read(), type: try reader.named(), days: try reader.optional { try $0.int() },
                  from: try reader.optional { try $0.named() }, channel: try reader.optional { try $0.named() },
                  summary: try reader.string(), changes: try reader.strings(), clauses: try reader.strings(),
                  pages: try reader.strings(), refs: try reader.array { try $0.read() },
                  note: try reader.optional { try $0.read() }, isInternal: try reader.bool(), position: try reader.read(),
                  values: try reader.read())
    }
}

/// A model a page kind is parsed into and the page cache stores: made from its declared values
/// and written in the compact form (see `PageKind.storedType`).
protocol StoredPage: ContentPage, BinaryCodable {
    init(id: String, values: DeclaredValues, page: PageSource)
}

extension Permit: StoredPage {}
extension Client: StoredPage {}
extension Article: StoredPage {}
extension Filing: StoredPage {}

extension ContentParser.ParsedPage: BinaryCodable {
    /// The kind's position in `PageKind.allCases`, then the page; 255 for a file that is no page.
    func write(to writer: inout BinaryWriter) {
        switch self {
        case .page(let kind, let page):
            writer.byte(UInt8(PageKind.allCases.firstIndex(of: kind) ?? 0))
            writer.optional(page) { $1.write(to: &$0) }
        case .other: writer.byte(255)
        }
    }

    init(from reader: inout BinaryReader) throws {
        let tag = Int(try reader.byte())
        if tag == 255 { self = .other; return }
        guard PageKind.allCases.indices.contains(tag) else { throw BinaryReader.Malformed() }
        let kind = PageKind.allCases[tag]
        self = .page(kind, try reader.optional { try kind.storedType.init(from: &$0) })
    }
}
