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
        DateFormat(strings: strings).format(day)
    }

    /// A language's `date.format`, read once: the pattern cut into literal text and fields, and
    /// the month names. Formatting a date is then a walk over a few pieces.
    public struct DateFormat: Sendable {
        enum Piece: Sendable {
            case text(String)
            case year, monthName, month2, day2, month, day
        }

        let pieces: [Piece]
        let monthNames: [String]

        public init(strings: [String: String]) {
            let pattern = strings["date.format"] ?? "{year}-{month2}-{day2}"
            var pieces: [Piece] = []
            // `{name}` is a field; anything else, unknown names included, is copied.
            var rest = Substring(pattern)
            while let open = rest.firstIndex(of: "{") {
                if open > rest.startIndex { pieces.append(.text(String(rest[..<open]))) }
                guard let close = rest[open...].firstIndex(of: "}") else { break }
                switch rest[rest.index(after: open)..<close] {
                case "year": pieces.append(.year)
                case "monthName": pieces.append(.monthName)
                case "month2": pieces.append(.month2)
                case "day2": pieces.append(.day2)
                case "month": pieces.append(.month)
                case "day": pieces.append(.day)
                default: pieces.append(.text(String(rest[open...close])))
                }
                rest = rest[rest.index(after: close)...]
            }
            if !rest.isEmpty { pieces.append(.text(String(rest))) }
            self.pieces = pieces
            monthNames = (1...12).map { strings["month.\($0)"] ?? String($0) }
        }

        public func format(_ day: Day) -> String {
            let (year, month, date) = (day.year, day.month, day.day)
            var result = ""
            for piece in pieces {
                switch piece {
                case .text(let text): result += text
                case .year: result += String(year)
                case .monthName: result += (1...12).contains(month) ? monthNames[month - 1] : String(month)
                case .month2: result += month < 10 ? "0\(month)" : String(month)
                case .day2: result += date < 10 ? "0\(date)" : String(date)
                case .month: result += String(month)
                case .day: result += String(date)
                }
            }
            return result
        }
    }
}
