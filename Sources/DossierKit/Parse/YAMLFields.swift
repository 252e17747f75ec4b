import Foundation
import Yams

/// Reads typed values out of a YAML mapping and reports every problem with the file position of
/// the key or value concerned. Used for front matter, `site.yml`, calendars and timeline entries.
public struct YAMLFields {
    public let path: String
    /// Added to Yams' 1-based line numbers to get the file's lines.
    public let lineOffset: Int
    let node: YAMLNode
    /// Where problems about a missing key are reported.
    public let position: SourcePosition
    /// The mapping's keys, their nodes and their values, by position (kept apart so that looking a
    /// key up compares names without copying nodes).
    private var keys: [String] = []
    private var keyNodes: [YAMLNode] = []
    private var values: [YAMLNode] = []
    /// Which keys something read (keys are few: a flag per key beats hashing names).
    private var used: [Bool] = []
    /// Every key something asked for, present or not: the candidates when a key looks mistyped.
    private var asked: [String] = []
    public private(set) var diagnostics: [Diagnostic] = []

    /// Wraps a mapping node; returns nil (with a diagnostic) when `node` is not a mapping.
    public init?(node: Yams.Node, path: String, lineOffset: Int, fallback: SourcePosition, what: String,
                 diagnostics: inout [Diagnostic]) {
        self.init(node: YAMLNode(node), path: path, lineOffset: lineOffset, fallback: fallback, what: what,
                  diagnostics: &diagnostics)
    }

    /// Wraps a mapping node, read by Yams or by the fast path; nil (with a diagnostic) when it is not a mapping.
    init?(node: YAMLNode, path: String, lineOffset: Int, fallback: SourcePosition, what: String,
          diagnostics: inout [Diagnostic]) {
        self.path = path
        self.lineOffset = lineOffset
        self.node = node
        guard let mapping = node.pairs else {
            diagnostics.append(.error(path, YAMLFields.position(of: node, lineOffset: lineOffset) ?? fallback,
                                      "\(what) must be a mapping of keys to values"))
            return nil
        }
        self.position = YAMLFields.position(of: node, lineOffset: lineOffset) ?? fallback
        for (key, value) in mapping {
            let name = key.string ?? ""
            if keys.contains(name) {
                diagnostics.append(.error(path, YAMLFields.position(of: key, lineOffset: lineOffset) ?? fallback,
                                          "key '\(name)' appears twice"))
                continue
            }
            keys.append(name)
            keyNodes.append(key)
            values.append(value)
        }
        used = Array(repeating: false, count: keys.count)
    }

    static func position(of node: YAMLNode, lineOffset: Int) -> SourcePosition? {
        guard let mark = node.mark else { return nil }
        return SourcePosition(line: mark.line + lineOffset, column: mark.column)
    }

    func position(of node: YAMLNode) -> SourcePosition {
        YAMLFields.position(of: node, lineOffset: lineOffset) ?? position
    }

    mutating func error(_ at: SourcePosition, _ message: String) {
        diagnostics.append(.error(path, at, message))
    }

    mutating func warning(_ at: SourcePosition, _ message: String) {
        diagnostics.append(.warning(path, at, message))
    }

    /// The value node for `key`, marking the key as known.
    mutating func value(_ key: String) -> YAMLNode? {
        asked.append(key)
        guard let index = keys.firstIndex(of: key) else { return nil }
        used[index] = true
        if let scalar = values[index].scalar, scalar.style == .plain {
            switch scalar.string {
            case "", "~", "null", "Null", "NULL": return nil
            default: break
            }
        }
        return values[index]
    }

    public func keyPosition(_ key: String) -> SourcePosition {
        guard let index = keys.firstIndex(of: key) else { return position }
        return position(of: keyNodes[index])
    }

    public func has(_ key: String) -> Bool { keys.contains(key) }

    mutating func missing(_ key: String, what: String) {
        guard reportsMissingKeys else { return }
        error(position, "\(what) is missing the required key '\(key)'")
    }

    /// False for the stand-in of front matter that could not be read: its error is reported once,
    /// not again as every required key missing.
    var reportsMissingKeys = true

    /// A text value. Numbers and booleans written without quotes are read as the text they are.
    public mutating func string(_ key: String, required: Bool = false, what: String = "front matter") -> String? {
        guard let node = value(key) else {
            if required { missing(key, what: what) }
            return nil
        }
        guard let scalar = node.scalar else {
            error(position(of: node), "'\(key)' must be text")
            return nil
        }
        let text = scalar.string.trimmedSpaces()
        if required && text.isEmpty {
            error(position(of: node), "'\(key)' must not be empty")
            return nil
        }
        return text
    }

    /// A day written `YYYY-MM-DD`.
    public mutating func day(_ key: String, required: Bool = false, what: String = "front matter") -> Day? {
        guard let node = value(key) else {
            if required { missing(key, what: what) }
            return nil
        }
        guard let scalar = node.scalar else {
            error(position(of: node), "'\(key)' must be a date written YYYY-MM-DD, found '\(YAMLFields.describe(node))'")
            return nil
        }
        let text = scalar.string.trimmedSpaces()
        guard let day = Day(text) else {
            error(position(of: node), "'\(key)' is not a date: \(Day.problem(with: text) ?? "write it YYYY-MM-DD") (found '\(text)')")
            return nil
        }
        return day
    }

    public mutating func bool(_ key: String) -> Bool? {
        guard let node = value(key) else { return nil }
        guard let scalar = node.scalar else {
            error(position(of: node), "'\(key)' must be true or false")
            return nil
        }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error(position(of: node), "'\(key)' must be true or false, found '\(scalar.string)'")
            return nil
        }
    }

    public mutating func int(_ key: String, required: Bool = false, range: ClosedRange<Int> = 0...100_000,
                             what: String = "front matter") -> Int? {
        guard let node = value(key) else {
            if required { missing(key, what: what) }
            return nil
        }
        guard let scalar = node.scalar, let number = Int(scalar.string.trimmedSpaces()), range.contains(number) else {
            error(position(of: node), "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound), found '\(YAMLFields.describe(node))'")
            return nil
        }
        return number
    }

    /// One of a fixed set of words.
    public mutating func choice(_ key: String, _ allowed: [String], required: Bool = false,
                                what: String = "front matter") -> String? {
        guard let text = string(key, required: required, what: what) else { return nil }
        guard allowed.contains(text) else {
            let at = value(key).map { position(of: $0) } ?? position
            error(at, "'\(key)' must be one of \(allowed.joined(separator: ", ")); found '\(text)'\(Suggestion.hint(for: text, in: allowed))")
            return nil
        }
        return text
    }

    /// A list of texts. A single text is accepted as a list of one. Each item comes with its position.
    public mutating func strings(_ key: String) -> [(String, SourcePosition)] {
        guard let node = value(key) else { return [] }
        if let scalar = node.scalar {
            let text = scalar.string.trimmedSpaces()
            return text.isEmpty ? [] : [(text, position(of: node))]
        }
        if let sequence = node.items {
            var result: [(String, SourcePosition)] = []
            for item in sequence {
                guard let scalar = item.scalar else {
                    error(position(of: item), "each item of '\(key)' must be text")
                    continue
                }
                let text = scalar.string.trimmedSpaces()
                if !text.isEmpty { result.append((text, position(of: item))) }
            }
            return result
        }
        error(position(of: node), "'\(key)' must be a list")
        return []
    }

    /// The items of a list of mappings (such as a timeline).
    mutating func sequence(_ key: String) -> [YAMLNode] {
        guard let node = value(key) else { return [] }
        guard let sequence = node.items else {
            error(position(of: node), "'\(key)' must be a list")
            return []
        }
        return sequence
    }

    /// Warns about keys that nothing read: usually a typo.
    public mutating func reportUnknownKeys(known: [String]) {
        for (index, key) in keys.enumerated() where !used[index] && !known.contains(key) {
            let all = Set(known).union(asked)
            warning(position(of: keyNodes[index]), "unknown key '\(key)' is ignored\(Suggestion.hint(for: key, in: all))")
        }
    }

    // Version 2: the clock
    /// Reports each key nobody read as an error (a mapping whose keys are a closed set, such as a
    /// permit's `application_days`), marking it read so it is not warned about again.
    mutating func rejectUnknownKeys(_ message: (String) -> String) {
        for index in keys.indices where !used[index] {
            used[index] = true
            error(position(of: keyNodes[index]), message(keys[index]))
        }
    }

    static func describe(_ node: YAMLNode) -> String {
        switch node.shape {
        case .scalar: return node.string ?? ""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

/// Parses YAML text into a node, turning Yams' errors into a diagnostic.
public enum YAMLText {
    public static func compose(_ text: String, path: String, lineOffset: Int) -> Result<Yams.Node?, Diagnostic> {
        do {
            // The basic resolver tags every scalar as text; Dossier types values itself, which is
            // several times faster than resolving every scalar against YAML 1.1's patterns. The
            // encoding is named: Yams' default reads the whole process environment on every call.
            return .success(try Yams.compose(yaml: text, .basic, .default, .utf8))
        } catch let error as YamlError {
            switch error {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
                 .composer(let context, let problem, let mark, _):
                var message = "YAML syntax error: \(problem)"
                if let context, !context.text.isEmpty {
                    message += " (\(context.text) that starts at line \(context.mark.line + lineOffset), column \(context.mark.column))"
                }
                if let fix = fix(for: problem, line: mark.line, in: text, lineOffset: lineOffset) { message = fix }
                return .failure(Diagnostic.error(path, SourcePosition(line: mark.line + lineOffset, column: mark.column), message))
            case .reader(let problem, _, _, _):
                return .failure(Diagnostic.error(path, SourcePosition(line: 1 + lineOffset, column: 1), "YAML cannot be read: \(problem)"))
            default:
                return .failure(Diagnostic.error(path, SourcePosition(line: 1 + lineOffset, column: 1), "YAML error: \(error)"))
            }
        } catch {
            return .failure(Diagnostic.error(path, SourcePosition(line: 1 + lineOffset, column: 1), "YAML error: \(error)"))
        }
    }
}

extension YAMLText {
    /// For the mistakes people make most in hand-written front matter, a message that says how to
    /// fix them instead of libyaml's words: a `: ` inside a plain value (common in Chinese titles:
    /// `title: 备案: 需要哪些材料？`) and a tab used to indent.
    static func fix(for problem: String, line: Int, in text: String, lineOffset: Int) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if problem.contains("tab character") || (problem.contains("cannot start any token") && lines.indices.contains(line - 1)
                                                 && lines[line - 1].contains("\t")) {
            return "YAML is indented with spaces, not tabs: replace the tab on line \(line + lineOffset) with spaces"
        }
        guard problem.contains("mapping values are not allowed") else { return nil }
        // The line with the value: libyaml points at the second colon, on this line or (for a
        // value that goes on) a later one; the key is on the nearest line above with `key: `.
        var index = min(max(line - 1, 0), lines.count - 1)
        while index >= 0 {
            let current = lines[index]
            let indent = current.prefix { $0 == " " }
            let rest = current.dropFirst(indent.count).drop { $0 == "-" || $0 == " " }
            if let colon = rest.range(of: ": "), !rest[..<colon.lowerBound].contains(" ") {
                let key = rest[..<colon.lowerBound]
                let value = rest[colon.upperBound...].trimmingCharacters(in: .whitespaces)
                let quoted = "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
                return "the value of '\(key)' contains ': ', which YAML reads as the start of another key; put the value in quotes: \(key): \(quoted)"
            }
            index -= 1
        }
        return "a value contains ': ', which YAML reads as the start of another key; put the value in quotes"
    }
}
