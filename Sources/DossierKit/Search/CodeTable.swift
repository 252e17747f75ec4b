/// Numbers 64-bit codes densely (0, 1, 2, ... in the order they are first seen): an
/// open-addressing table with a multiplicative hash. The search index keys its Chinese terms, and
/// millions of additions, by it; a `Dictionary` hashes every key with SipHash, which made counting
/// terms the index's main cost.
struct CodeTable {
    private var slots: [Int32]
    private var mask: Int
    /// The codes, by number.
    private(set) var codes: [UInt64] = []

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { codes.count }

    /// The number of `code`, given it now if it is new.
    @inline(__always)
    mutating func number(_ code: UInt64) -> Int {
        var index = Int(truncatingIfNeeded: (code &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while true {
            let slot = slots[index]
            if slot < 0 { break }
            if codes[Int(slot)] == code { return Int(slot) }
            index = (index + 1) & mask
        }
        let number = codes.count
        slots[index] = Int32(number)
        codes.append(code)
        if codes.count * 2 > slots.count { grow() }
        return number
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for (number, code) in codes.enumerated() {
            var index = Int(truncatingIfNeeded: (code &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
            while slots[index] >= 0 { index = (index + 1) & mask }
            slots[index] = Int32(number)
        }
    }
}
