extension YAMLText {
    /// Parses YAML text into a node: straight from libyaml's events when `FlatYAML` reads it (the
    /// front matter people write), through Yams otherwise, which also reports every syntax error.
    /// Both give the same values, positions and diagnostics; `fastPath` false reads it all through Yams.
    static func read(_ text: String, path: String, lineOffset: Int, fastPath: Bool = true) -> Result<YAMLNode?, Diagnostic> {
        if fastPath {
            switch FlatYAML.read(text) {
            case .empty: return .success(nil)
            case .document(let flat): return .success(flat.root)
            case .unsupported: break
            }
        }
        return compose(text, path: path, lineOffset: lineOffset).map { $0.map(YAMLNode.init) }
    }
}
