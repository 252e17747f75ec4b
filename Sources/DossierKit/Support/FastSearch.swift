#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

/// Byte search for the Markdown passes. Looks for the pattern's first byte with `memchr` (which
/// the C library vectorizes), then compares the rest: most texts hold no `[[`, `[^`, `~` or `<!--`
/// at all, and are passed over many bytes at a time.
enum FastSearch {
    static func find(_ pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = pattern.count
        guard count > 0 else { return true }
        guard bytes.count >= count, let base = bytes.baseAddress, let patternBase = pattern.baseAddress else { return false }
        let first = Int32(pattern[0])
        let last = bytes.count - count
        var index = 0
        while index <= last {
            guard let hit = memchr(base + index, first, last - index + 1) else { return false }
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if count == 1 || memcmp(base + at + 1, patternBase + 1, count - 1) == 0 { return true }
            index = at + 1
        }
        return false
    }
}
