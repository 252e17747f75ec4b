/// What `dossier pdf` is asked to make.
public struct PDFOptions: Sendable {
    /// The content, theme, audience (client brief or internal), date and passphrase, as for a build.
    public var build: BuildOptions
    /// The PDF file to write; its missing parent folders are made.
    public var output: String
    /// Only this filing (one of the audience's), instead of all of them.
    public var filing: String?

    public init(build: BuildOptions, output: String, filing: String? = nil) {
        self.build = build
        self.output = output
        self.filing = filing
    }
}

/// What `dossier pdf` did.
public struct PDFReport: Sendable {
    public var diagnostics: [Diagnostic] = []
    /// Whether the PDF was written (false when the content or theme has errors).
    public var wrote = false
    public var pageCount = 0
    /// How many times the document was printed (the second printing fills in the contents' page numbers).
    public var printings = 0

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// A tool `dossier pdf` needs failed (Chromium did not print, qpdf refused the file).
public struct PDFToolError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
