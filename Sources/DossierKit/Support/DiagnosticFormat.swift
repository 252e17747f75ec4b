import Foundation

/// How diagnostics are printed: for people, for GitHub Actions, or for programs.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// `path:line:col: error: message`, then a count.
    case text
    /// GitHub Actions workflow commands: `::error file=...,line=...,col=...::message`.
    case github
    /// A JSON list of `{"path", "line", "column", "severity", "message"}`.
    case json

    public func format(_ diagnostics: [Diagnostic]) -> String {
        switch self {
        case .text:
            var text = diagnostics.map { $0.description + "\n" }.joined()
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.count - errors
            if !diagnostics.isEmpty {
                text += "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
            }
            return text
        case .github:
            return diagnostics.map { diagnostic in
                "::\(diagnostic.severity.rawValue) file=\(Self.property(diagnostic.path)),line=\(diagnostic.position.line),col=\(diagnostic.position.column)::\(Self.data(diagnostic.message))\n"
            }.joined()
        case .json:
            // JSONEncoder writes an empty list as "[", a blank line and "]".
            if diagnostics.isEmpty { return "[]\n" }
            struct Entry: Encodable { var path: String; var line: Int; var column: Int; var severity: String; var message: String }
            let entries = diagnostics.map {
                Entry(path: $0.path, line: $0.position.line, column: $0.position.column, severity: $0.severity.rawValue, message: $0.message)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: (try? encoder.encode(entries)) ?? Data("[]".utf8), as: UTF8.self) + "\n"
        }
    }

    /// Escaping of GitHub workflow command data (the message).
    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escaping of GitHub workflow command properties (the file).
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
