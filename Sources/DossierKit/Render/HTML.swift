/// Escaping for HTML text, attributes and URLs.
public enum HTML {
    /// Escapes `&`, `<`, `>` and `"` as cmark does (safe in text and in double-quoted attributes).
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Appends `text` escaped the way Mustache's `{{name}}` does: `&`, `<`, `>`, `"` and `'`.
    /// Works on UTF-8 bytes and copies untouched runs whole.
    static func appendEscaped(_ text: String, to output: inout String) {
        let original = text
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in 0..<bytes.count {
                let replacement: String
                switch bytes[index] {
                case 38: replacement = "&amp;"
                case 60: replacement = "&lt;"
                case 62: replacement = "&gt;"
                case 34: replacement = "&quot;"
                case 39: replacement = "&#39;"
                default: continue
                }
                if runStart < index {
                    output += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self)
                }
                output += replacement
                runStart = index + 1
            }
            if runStart == 0 {
                output += original
            } else if runStart < bytes.count {
                output += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]), as: UTF8.self)
            }
        }
    }

    /// Percent-encodes a URL the way cmark does for `href`: bytes outside a safe set are encoded,
    /// existing `%XX` escapes are kept. The result still needs `escape` inside an attribute.
    public static func encodeURL(_ url: String) -> String {
        let safe: Set<UInt8> = Set("-_.+!*(),%#@?=;:/,+$~&'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
        var result = ""
        result.reserveCapacity(url.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in url.utf8 {
            if safe.contains(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result.unicodeScalars.append("%")
                result.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
                result.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 15)]))
            }
        }
        return result
    }

    /// A URL ready for a double-quoted `href` or `src`, as cmark writes it.
    public static func attributeURL(_ url: String) -> String {
        var result = ""
        for scalar in encodeURL(url).unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "'": result += "&#x27;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Percent-encodes one path of our own (tag folders may hold Chinese or spaces).
    public static func encodePath(_ path: String) -> String {
        // On bytes: Chinese heading ids become nine bytes a character, for every link of every page.
        var result: [UInt8] = []
        result.reserveCapacity(path.utf8.count * 3)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in path.utf8 {
            let isSafe = (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57)
                || byte == 45 || byte == 46 || byte == 95 || byte == 126 || byte == 47
            if isSafe {
                result.append(byte)
            } else {
                result.append(37)
                result.append(hex[Int(byte >> 4)])
                result.append(hex[Int(byte & 15)])
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
