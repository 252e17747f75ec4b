/// Reads what `BinaryWriter` wrote. Every read is checked against the end of the bytes and every
/// count against what is left, so damaged bytes are an error, never a crash or a huge allocation.
struct BinaryReader {
    struct Malformed: Error {}

    let bytes: UnsafeRawBufferPointer
    var offset: Int
    let end: Int
    /// How deeply nested the value being read is (Markdown trees are read recursively). The parser
    /// flattens trees deeper than `MarkdownParser.maximumDepth` (100), so a deeper value was not
    /// written by it; the limit also keeps the recursion well inside a worker thread's stack.
    var depth = 0
    static let maximumDepth = MarkdownParser.maximumDepth + 50

    /// The array `bytes` points into, when values may keep parts of it to read later (`LazyNode`).
    let storage: [UInt8]?

    init(_ bytes: UnsafeRawBufferPointer, range: Range<Int>? = nil, storage: [UInt8]? = nil) {
        self.bytes = bytes
        offset = range?.lowerBound ?? 0
        end = range?.upperBound ?? bytes.count
        self.storage = storage
    }

    /// The range of what `BinaryWriter.lengthPrefixed` wrote, skipped over.
    mutating func lengthPrefixedRange() throws -> Range<Int> {
        guard end - offset >= 4 else { throw Malformed() }
        var length = 0
        for index in 0..<4 { length |= Int(bytes[offset + index]) << (8 * index) }
        offset += 4
        guard length <= end - offset else { throw Malformed() }
        defer { offset += length }
        return offset..<(offset + length)
    }

    var isAtEnd: Bool { offset >= end }

    mutating func byte() throws -> UInt8 {
        guard offset < end else { throw Malformed() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func unsigned() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try byte()
            guard shift < 64 else { throw Malformed() }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int() throws -> Int {
        let raw = try unsigned()
        return Int(truncatingIfNeeded: Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    /// A count of things each at least one byte long: never more than the bytes left.
    mutating func count() throws -> Int {
        let value = try unsigned()
        guard value <= UInt64(end - offset) else { throw Malformed() }
        return Int(value)
    }

    mutating func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw Malformed()
        }
    }

    mutating func string() throws -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)]), as: UTF8.self)
    }

    /// The range of a length-prefixed run of bytes, skipped over.
    mutating func rawRange() throws -> Range<Int> {
        let length = try count()
        defer { offset += length }
        return offset..<(offset + length)
    }

    mutating func fixed64() throws -> UInt64 {
        guard end - offset >= 8 else { throw Malformed() }
        var value: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 8) { value |= UInt64(bytes[offset + shift / 8]) << UInt64(shift) }
        offset += 8
        return value
    }

    mutating func optional<T>(_ read: (inout BinaryReader) throws -> T) throws -> T? {
        try bool() ? read(&self) : nil
    }

    mutating func array<T>(_ read: (inout BinaryReader) throws -> T) throws -> [T] {
        let count = try count()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    mutating func read<T: BinaryCodable>(_: T.Type = T.self) throws -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth < Self.maximumDepth else { throw Malformed() }
        return try T(from: &self)
    }

    mutating func strings() throws -> [String] {
        try array { try $0.string() }
    }

    /// A value stored by its raw name (an enum case).
    mutating func named<T: RawRepresentable>(_: T.Type = T.self) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: try string()) else { throw Malformed() }
        return value
    }
}
