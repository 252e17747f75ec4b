import Crypto

/// A digest that is the same on every run and machine (Swift's `Hasher` is seeded per process),
/// for the build cache. Values are length-prefixed, so `"ab","c"` and `"a","bc"` differ.
struct StableHasher {
    private var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(4096)
    }

    mutating func add(_ text: String) {
        add(count: text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    mutating func add(bytes data: some Sequence<UInt8>) {
        let start = bytes.count
        add(count: 0)
        bytes.append(contentsOf: data)
        let length = UInt64(bytes.count - start - 8)
        for index in 0..<8 { bytes[start + index] = UInt8(truncatingIfNeeded: length >> (8 * UInt64(index))) }
    }

    mutating func add(count: Int) {
        var value = UInt64(count)
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: value))
            value >>= 8
        }
    }

    mutating func add(tag: UInt8) {
        bytes.append(tag)
    }

    /// SHA-256 of everything added, as 64 hex digits.
    func finalize() -> String {
        StableHasher.hex(SHA256.hash(data: bytes))
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var result: [UInt8] = []
        for byte in digest {
            result.append(digits[Int(byte >> 4)])
            result.append(digits[Int(byte & 15)])
        }
        return String(decoding: result, as: UTF8.self)
    }
}
