import Yams

/// A theme's `i18n/<language>.yml`: a flat mapping of interface string keys to text.
public enum LanguageFile {
    public struct Problem: Error, Sendable {
        public var position: SourcePosition
        public var message: String
    }

    public static func parse(_ text: String) -> Result<[String: String], Problem> {
        let node: Yams.Node?
        do {
            node = try Yams.compose(yaml: text, Resolver.basic)
        } catch let error as YamlError {
            if case .scanner(_, _, let mark, _) = error {
                return .failure(Problem(position: SourcePosition(line: mark.line, column: mark.column), message: "YAML syntax error: \(error)"))
            }
            return .failure(Problem(position: .start, message: "YAML syntax error: \(error)"))
        } catch {
            return .failure(Problem(position: .start, message: "YAML syntax error: \(error)"))
        }
        guard let node else { return .success([:]) }
        guard let mapping = node.mapping else {
            return .failure(Problem(position: .start, message: "a language file is a mapping of keys to text"))
        }
        var table: [String: String] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string, let text = value.scalar?.string else {
                let mark = key.mark
                return .failure(Problem(position: SourcePosition(line: mark?.line ?? 1, column: mark?.column ?? 1),
                                        message: "each entry must be a key and a text"))
            }
            table[name] = text
        }
        return .success(table)
    }

    /// `2026-11-29` as the language writes it, from the `date.format` pattern and `month.N` names.
    public static func formatDate(_ day: Day, strings: [String: String]) -> String {
        let (year, month, date) = (day.year, day.month, day.day)
        let pattern = strings["date.format"] ?? "{year}-{month2}-{day2}"
        // One pass over the pattern: `{name}` is a field, anything else is copied.
        var result = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = rest[rest.index(after: open)..<close]
            switch name {
            case "year": result += String(year)
            case "monthName": result += strings["month.\(month)"] ?? String(month)
            case "month2": result += month < 10 ? "0\(month)" : String(month)
            case "day2": result += date < 10 ? "0\(date)" : String(date)
            case "month": result += String(month)
            case "day": result += String(date)
            default: result += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return result
    }
}
