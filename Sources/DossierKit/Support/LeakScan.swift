import Foundation

/// Searches output bytes for markers in every form they could hide in: plain, HTML entities,
/// JSON `\uXXXX` escapes, percent-encoding and combinations, and in file names. Case is ignored.
/// (The same decoding as `AudienceLeakTests`, here so that `dossier-fuzz --leak-hunt` can use it.)
public enum LeakScan {
    static func htmlUnescaped(_ text: String) -> String {
        var result = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(12).firstIndex(of: ";") else {
                result += "&"
                rest = after
                continue
            }
            let name = after[..<semicolon]
            var scalar: Unicode.Scalar?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            } else if name.hasPrefix("#") {
                scalar = UInt32(name.dropFirst(1)).flatMap(Unicode.Scalar.init)
            } else {
                scalar = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " "][String(name)]
            }
            if let scalar {
                result.unicodeScalars.append(scalar)
                rest = after[after.index(after: semicolon)...]
            } else {
                result += "&"
                rest = after
            }
        }
        return result + rest
    }

    static func jsonUnescaped(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var units: [UInt16] = []
        let chars = Array(text.utf16)
        var index = 0
        while index < chars.count {
            if chars[index] == 92, index + 5 < chars.count, chars[index + 1] == 117,
               let value = UInt16(String(utf16CodeUnits: Array(chars[(index + 2)...(index + 5)]), count: 4), radix: 16) {
                units.append(value)
                index += 6
            } else if chars[index] == 92, index + 1 < chars.count, chars[index + 1] == 47 {
                units.append(47)
                index += 2
            } else {
                units.append(chars[index])
                index += 1
            }
        }
        return String(decoding: units, as: UTF16.self)
    }

    static func percentDecoded(_ text: String) -> String {
        text.removingPercentEncoding ?? text.replacingOccurrences(of: "%", with: "%25").removingPercentEncoding ?? text
    }

    /// The file's text in every form a marker could hide in, lower-cased.
    public static func readings(_ data: Data) -> [String] {
        // A packed search file (page text, term shard) is read unpacked.
        let raw = String(decoding: SearchPacking.unpacked(data) ?? data, as: UTF8.self)
        // Each decoding changes nothing in a text without its escape character: skip it there
        // (the same readings, computed once each).
        func html(_ text: String) -> String { text.contains("&") ? htmlUnescaped(text) : text }
        func json(_ text: String) -> String { text.contains("\\") ? jsonUnescaped(text) : text }
        func percent(_ text: String) -> String { text.contains("%") ? percentDecoded(text) : text }
        let htmlText = html(raw)
        let jsonText = json(raw)
        let both = html(jsonText)
        var seen: Set<[UInt8]> = []  // bytes, not String equality (which is canonical equivalence)
        var forms = [raw, htmlText, jsonText, percent(raw), both, percent(htmlText), percent(jsonText), percent(both)]
        // Version 2: deadlines. An iCalendar file folds its lines and escapes , ; \ and line
        // breaks: read it unfolded and unescaped too (and both, as a client would show it).
        if raw.contains("BEGIN:VCALENDAR") {
            let unfolded = ICalendarText.unfold(raw)
            forms += [unfolded, ICalendarText.unescape(unfolded), ICalendarText.unescape(raw)]
        }
        return forms
            .filter { seen.insert(Array($0.utf8)).inserted }.map { $0.lowercased() }
    }

    /// `"MARKER in path"` for each marker found in a file's bytes or its path. Many markers are
    /// looked for in one pass over each reading (by their first bytes), so a whole site can be
    /// searched for hundreds of markers quickly.
    public static func leaks(_ tree: [String: Data], _ markers: [String]) -> [String] {
        let wanted = markers.filter { !$0.isEmpty }
        guard !wanted.isEmpty else { return [] }
        var byLowered: [[UInt8]: [String]] = [:]
        for marker in wanted { byLowered[Array(marker.lowercased().utf8), default: []].append(marker) }
        let headLength = min(4, byLowered.keys.map(\.count).min() ?? 1)
        func key(_ bytes: some Collection<UInt8>) -> UInt32 { bytes.reduce(0) { $0 << 8 | UInt32($1) } }
        let heads = Set(byLowered.keys.map { key($0.prefix(headLength)) })
        var firstBytes = [Bool](repeating: false, count: 256)
        for marker in byLowered.keys { firstBytes[Int(marker[0])] = true }
        let lengths = Set(byLowered.keys.map(\.count)).sorted()
        var found: [String] = []
        for (path, data) in tree.sorted(by: { $0.key < $1.key }) {
            var hits: Set<[UInt8]> = []
            for text in readings(data) + [path.lowercased(), percentDecoded(path).lowercased()] {
                let bytes = Array(text.utf8)
                guard bytes.count >= headLength else { continue }
                for start in 0...(bytes.count - headLength)
                where firstBytes[Int(bytes[start])] && heads.contains(key(bytes[start..<(start + headLength)])) {
                    for length in lengths where start + length <= bytes.count {
                        let candidate = Array(bytes[start..<(start + length)])
                        if byLowered[candidate] != nil { hits.insert(candidate) }
                    }
                }
            }
            for marker in wanted where hits.contains(Array(marker.lowercased().utf8)) {
                found.append("\(marker) in \(path)")
            }
        }
        return found
    }

    /// Every regular file under `root` (hidden ones included), by path relative to it.
    public static func tree(_ root: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        let base = root.resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return result }
        for case let relative as String in enumerator {
            var isDirectory: ObjCBool = false
            let path = base + "/" + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[relative] = FileManager.default.contents(atPath: path) ?? Data()
            }
        }
        return result
    }
}
