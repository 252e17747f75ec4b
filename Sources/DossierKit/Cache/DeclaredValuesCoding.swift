/// How declared values are stored in the page cache: every kind's front matter through this one
/// coding, so a new key is stored without code of its own.

extension DeclaredValues: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(position)
        writer.array(entries) { writer, entry in
            writer.string(entry.name)
            writer.write(entry.keyPosition)
            writer.optional(entry.valuePosition) { $0.write($1) }
            writer.optional(entry.value) { $0.write($1) }
            writer.bool(entry.hadProblems)
        }
    }

    init(from reader: inout BinaryReader) throws {
        let position: SourcePosition = try reader.read()
        let entries = try reader.array { reader in
            Entry(name: try reader.string(), keyPosition: try reader.read(), valuePosition: try reader.optional { try $0.read() },
                  value: try reader.optional { try $0.read() }, hadProblems: try reader.bool())
        }
        self.init(position: position, entries: entries)
    }
}

extension SchemaValue: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        switch self {
        case .text(let text): writer.byte(0); writer.string(text)
        case .texts(let texts): writer.byte(1); writer.array(texts) { $0.write($1) }
        case .day(let day): writer.byte(2); writer.write(day)
        case .days(let days): writer.byte(3); writer.array(days) { $0.write($1.value); $0.write($1.position) }
        case .bool(let value): writer.byte(4); writer.bool(value)
        case .number(let value): writer.byte(5); writer.int(value)
        case .markdown(let document): writer.byte(6); writer.write(document)
        case .mapping(let values): writer.byte(7); writer.write(values)
        case .mappings(let list): writer.byte(8); writer.array(list) { $0.write($1) }
        case .wordMapping(let pairs):
            writer.byte(9)
            writer.array(pairs) { $0.write($1.id); $0.string($1.word); $0.write($1.wordPosition) }
        }
    }

    init(from reader: inout BinaryReader) throws {
        switch try reader.byte() {
        case 0: self = .text(try reader.string())
        case 1: self = .texts(try reader.array { try $0.read() })
        case 2: self = .day(try reader.read())
        case 3: self = .days(try reader.array { Located(try $0.read(), try $0.read()) })
        case 4: self = .bool(try reader.bool())
        case 5: self = .number(try reader.int())
        case 6: self = .markdown(try reader.read())
        case 7: self = .mapping(try reader.read())
        case 8: self = .mappings(try reader.array { try $0.read() })
        case 9:
            self = .wordMapping(try reader.array { reader in
                WordPair(id: try reader.read(), word: try reader.string(), wordPosition: try reader.read())
            })
        default: throw BinaryReader.Malformed()
        }
    }
}
