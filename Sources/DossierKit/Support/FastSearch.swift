extension StringProtocol {
    /// Whether the text contains `needle`, comparing UTF-8 bytes. Foundation's `contains` goes
    /// through locale-aware comparison and is many times slower in the Markdown passes.
    func has(_ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { pattern -> Bool in
            if let found = utf8.withContiguousStorageIfAvailable({ FastSearch.find(pattern, in: $0) }) { return found }
            let bytes = Array(utf8)
            return bytes.withUnsafeBufferPointer { FastSearch.find(pattern, in: $0) }
        }
    }
}

enum FastSearch {
    static func find(_ pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = pattern.count
        guard count > 0 else { return true }
        guard bytes.count >= count else { return false }
        let first = pattern[0]
        var index = 0
        let last = bytes.count - count
        while index <= last {
            if bytes[index] == first {
                var offset = 1
                while offset < count && bytes[index + offset] == pattern[offset] { offset += 1 }
                if offset == count { return true }
            }
            index += 1
        }
        return false
    }
}
