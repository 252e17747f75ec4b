/// A position in a file: 1-based line and column (columns count Unicode scalars).
public struct SourcePosition: Hashable, Comparable, Sendable, Error {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static let start = SourcePosition(line: 1, column: 1)

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// One problem found in content, with the file and position it concerns.
public struct Diagnostic: Hashable, Comparable, Sendable, CustomStringConvertible, Error {
    public enum Severity: String, Sendable, Comparable {
        case error
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    public var severity: Severity
    /// The path as the user names it (the content folder's path joined with the file's relative path).
    public var path: String
    public var position: SourcePosition
    public var message: String

    public init(_ severity: Severity, _ path: String, _ position: SourcePosition, _ message: String) {
        self.severity = severity
        self.path = path
        self.position = position
        self.message = message
    }

    public static func error(_ path: String, _ position: SourcePosition, _ message: String) -> Diagnostic {
        Diagnostic(.error, path, position, message)
    }

    public static func warning(_ path: String, _ position: SourcePosition, _ message: String) -> Diagnostic {
        Diagnostic(.warning, path, position, message)
    }

    /// `path:line:col: error: message`
    public var description: String {
        "\(path):\(position.line):\(position.column): \(severity.rawValue): \(message)"
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.path, lhs.position, lhs.severity, lhs.message) < (rhs.path, rhs.position, rhs.severity, rhs.message)
    }
}

/// Diagnostics collected across a whole run; every stage appends, nothing stops at the first.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }
    public mutating func append(contentsOf other: [Diagnostic]) { all.append(contentsOf: other) }

    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Sorted and without repeats, so output is deterministic.
    public var sorted: [Diagnostic] { Array(Set(all)).sorted() }
}
