/// The text rules of iCalendar (RFC 5545): escaping TEXT values (3.3.11) and folding content
/// lines at 75 octets (3.1), without splitting a UTF-8 character.
enum ICalendarText {
    /// A TEXT value: backslashes, semicolons, commas and line breaks escaped.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var previousWasReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasReturn = scalar == "\r" }
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\r": result += "\\n"
            case "\n": if !previousWasReturn { result += "\\n" }
            default:
                // Other control characters are not allowed in TEXT: dropped.
                if scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// One content line, folded: no line longer than 75 octets, each continuation starting with a
    /// space, every line ending in CRLF; a multi-byte character is never split.
    static func fold(_ line: String) -> String {
        var result = ""
        var lineOctets = 0
        var limit = 75
        for character in line.unicodeScalars {
            let octets = String(character).utf8.count
            if lineOctets + octets > limit {
                result += "\r\n "
                lineOctets = 0
                limit = 74  // the leading space counts
            }
            result.unicodeScalars.append(character)
            lineOctets += octets
        }
        return result + "\r\n"
    }

    /// The undone folding: what a reader sees (for tests and the leak scan).
    static func unfold(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n\t", with: "")
    }

    /// The undone escaping of a TEXT value.
    static func unescape(_ text: String) -> String {
        var result = ""
        var escaped = false
        for character in text {
            if escaped {
                result += character == "n" || character == "N" ? "\n" : String(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
