extension ContentParser {
    /// `site.yml`: nil when it cannot be read or has no title (already reported).
    func parseSettings(_ file: SourceFile, diagnostics: inout [Diagnostic]) -> SiteSettings? {
        guard var f = yamlFile(file, what: "site.yml", diagnostics: &diagnostics) else { return nil }
        let values = SchemaReader(includeInternal: includeInternal).read(SettingsSchema.declaration, from: &f, diagnostics: &diagnostics)
        diagnostics.append(contentsOf: f.diagnostics)
        guard values[SettingsSchema.title] != nil else { return nil }
        return SiteSettings(values: values, path: file.displayPath)
    }

    /// `base_url` is an absolute web address; `theme` is a folder name. A wrong one is dropped.
    static func checkSettings(_ values: inout DeclaredValues, _ f: inout YAMLFields) {
        if let url = values[SettingsSchema.baseURL], !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            f.error(f.keyPosition("base_url"), "'base_url' must be an absolute http:// or https:// URL, found '\(url)'")
            values.set(SettingsSchema.baseURL.name, nil)
        }
        if let theme = values[SettingsSchema.theme], !PageID.isValidThemeName(theme) {
            f.error(f.keyPosition("theme"), "'theme' must be a folder name under Themes/ (letters, digits, '-', '_'), found '\(theme)'")
            values.set(SettingsSchema.theme.name, nil)
        }
    }
}
