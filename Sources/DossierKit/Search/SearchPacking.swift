import CZlib
import Foundation

/// The index's page files and term shards are written packed: their JSON, compressed with raw
/// deflate (RFC 1951) and written as base64 in the script, `DossierSearch.page(12,"...");`.
/// `search.js` unpacks them with the browser's `DecompressionStream("deflate-raw")`, which needs
/// no `fetch`, so the index still loads from `file://` with `<script>` tags.
public enum SearchPacking {
    /// `json` deflated (zlib at level 6: the same bytes for the same input) in base64.
    public static func pack(_ json: [UInt8]) -> String {
        deflateRaw(json).base64EncodedString()
    }

    /// The JSON of a packed search file (`DossierSearch.name(n,"base64");`), or nil when `data` is
    /// not one.
    public static func unpacked(_ data: Data) -> Data? {
        guard data.starts(with: Array("DossierSearch.".utf8)), let open = data.firstIndex(of: UInt8(ascii: "\"")),
              let close = data.lastIndex(of: UInt8(ascii: "\"")), open < close,
              let packed = Data(base64Encoded: data[(open + 1)..<close]) else { return nil }
        return inflateRaw(packed)
    }

    /// zlib's level: 6, not 9. Measured on the index of a 1,000-page benchmark build (864 page
    /// files and shards, 5.2 MB of JSON): level 9 took 0.92 s of CPU for 0.945 MB, level 6 0.18 s
    /// for 0.961 MB (1.7% larger); at 9 deflate was 15% of a full build's CPU.
    static let level: Int32 = 6

    static func deflateRaw(_ input: [UInt8]) -> Data {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return Data()
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))) + 16)
        var input = input
        let written: Int = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                let status = deflate(&stream, Z_FINISH)
                return status == Z_STREAM_END ? Int(stream.total_out) : 0
            }
        }
        return Data(output.prefix(written))
    }

    /// Raw-inflated `input`, or nil when it is not a complete deflate stream.
    static func inflateRaw(_ input: Data) -> Data? {
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var source = [UInt8](input)
        var result = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status: Int32 = Z_OK
        source.withUnsafeMutableBufferPointer { buffer in
            stream.next_in = buffer.baseAddress
            stream.avail_in = UInt32(buffer.count)
            while status == Z_OK {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    return out.count - Int(stream.avail_out)
                }
                result.append(contentsOf: chunk.prefix(produced))
                if status == Z_OK && produced == 0 && stream.avail_in == 0 { break }
            }
        }
        return status == Z_STREAM_END ? result : nil
    }
}
