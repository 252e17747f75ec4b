import Yams

extension ContentParser {
    /// A whole YAML file (`site.yml`, a calendar) as fields; nil, reported, when it cannot be read.
    func yamlFile(_ file: SourceFile, what: String, diagnostics: inout [Diagnostic]) -> YAMLFields? {
        let text: String
        switch TextDecoding.decode(file.data) {
        case .success(let decoded): text = decoded
        case .failure(let position):
            diagnostics.append(.error(file.displayPath, position, "file is not valid UTF-8 text"))
            return nil
        }
        switch YAMLText.read(text, path: file.displayPath, lineOffset: 0, fastPath: yamlFastPath) {
        case .success(let node?):
            return YAMLFields(node: node, path: file.displayPath, lineOffset: 0, fallback: .start, what: what, diagnostics: &diagnostics)
        case .success(nil):
            return YAMLFields(node: YAMLNode.emptyMapping, path: file.displayPath, lineOffset: 0, fallback: .start,
                              what: what, diagnostics: &diagnostics)
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }
}
