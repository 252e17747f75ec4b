import Foundation

/// `dossier pdf`: a client brief (or the internal wiki's filings) as one A4 PDF. The site is built
/// for the audience exactly as `dossier build` builds it (load, parse, model: `SiteBuilder`
/// decides what the audience sees), its filings, reply letters and the articles they link to are
/// put into one print document (`PrintDocument`) through the theme's page templates and its `pdf`
/// template, headless Chromium prints it, the page of every contents entry is read from the PDF
/// (`PDFStructure`) and the document printed again with the numbers, and qpdf sets the metadata,
/// a deterministic file id and, with a passphrase, AES-256 encryption. The PDF is written
/// through a temporary file beside it: a failed run leaves a previous PDF whole.
public struct PDFBrief: Sendable {
    public var fileSystem: FileSystem
    /// The environment (PATH to find the tools; passed on to them).
    public var environment: [String: String]

    public init(fileSystem: FileSystem = .local, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.fileSystem = fileSystem
        self.environment = environment
    }

    static let chromiumNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
    static let missingChromium = "dossier pdf prints with headless Chromium, and none is on the PATH (looked for "
        + chromiumNames.joined(separator: ", ") + "): install it (Debian/Ubuntu: apt-get install chromium; macOS: brew install --cask chromium)"
    static let missingQPDF = "dossier pdf needs qpdf (metadata, page numbers of the contents, encryption), which is not on the PATH: "
        + "install it (Debian/Ubuntu: apt-get install qpdf; macOS: brew install qpdf)"

    public func run(_ options: PDFOptions) throws -> PDFReport {
        // How the options go together, then the tools, then the content.
        if options.build.audience == .public {
            throw UsageError("a PDF is a brief: use --audience client --client ID, or --audience internal")
        }
        if let passphrase = options.build.passphrase, passphrase.contains(where: { $0.isNewline }) {
            throw UsageError("the passphrase in DOSSIER_PASSPHRASE may not contain a line break")
        }
        let plan = try BuildPlan(options.build, write: false, fileSystem: fileSystem)
        try checkOutput(options.output, content: plan.content)
        guard let chromium = ExternalTool.find(Self.chromiumNames, environment: environment) else {
            throw UsageError(Self.missingChromium)
        }
        guard let qpdf = ExternalTool.find(["qpdf"], environment: environment) else { throw UsageError(Self.missingQPDF) }

        let pipeline = Pipeline(fileSystem: fileSystem)
        var loaded = try ContentLoader(fileSystem: fileSystem).load(root: plan.content)
        let parsed = pipeline.parse(&loaded, plan)
        let model = try pipeline.model(parsed, plan)
        var report = PDFReport()
        var diagnostics = model.diagnostics
        let themeName = plan.themeName(model.site?.settings)
        let (theme, themeDiagnostics) = Theme.load(name: themeName, themesDirectory: plan.themesDirectory, fileSystem: fileSystem)
        diagnostics += themeDiagnostics
        if let theme, let site = model.site {
            let language = site.settings.language.rawValue
            if theme.strings[language] == nil {
                diagnostics.append(.error(joinPath(plan.themesDirectory, themeName, "i18n", language + ".yml"), .start,
                                          "the theme has no language file for '\(language)' (site.yml's language)"))
            }
            if theme.library.templates["pdf"] == nil {
                diagnostics.append(.error(joinPath(plan.themesDirectory, themeName, "templates", "pdf.mustache"), .start,
                                          "the theme has no 'pdf' template (a copy made before dossier pdf): copy it from the default theme"))
            }
        }
        report.diagnostics = Array(Set(diagnostics)).sorted()
        guard !report.hasErrors, let site = model.site, let theme else { return report }

        var filings = site.filings
        if let id = options.filing {
            guard let filing = site.filing(id) else {
                let hint = Suggestion.hint(for: id, in: site.filings.map(\.id))
                throw UsageError("there is no filing '\(id)' in this \(plan.audience.clientID == nil ? "site" : "brief")\(hint)")
            }
            filings = [filing]
        }
        let clientName = plan.audience.clientID.flatMap { site.client($0)?.name }
        let renderer = SiteRenderer(site: site, theme: theme, includeSearch: false)

        // The work folder lies beside the PDF (so nothing is written elsewhere) and goes at the end.
        let (parent, name) = splitPath(options.output)
        try fileSystem.createDirectory(parent)
        let work = joinPath(parent, ".\(name).dossier-pdf-\(ProcessInfo.processInfo.processIdentifier)")
        if fileSystem.kind(work) != .missing { try? fileSystem.remove(work) }
        try fileSystem.createDirectory(work)
        defer { try? fileSystem.remove(work) }
        guard let absoluteWork = fileSystem.canonical(work) else { throw PDFToolError("cannot make the folder \(work)") }
        let css = theme.assets.first { $0.path == "style.css" }?.data ?? Data()
        try fileSystem.write(joinPath(work, "style.css"), css)

        // Print, read where each contents entry landed, print again with the numbers: until the
        // numbers printed are the numbers found (the contents' length does not change between
        // printings, so the second printing normally settles it).
        var pages: [String: Int] = [:]
        var structure = PDFStructure(pageCount: 0, destinations: [:], info: nil)
        var document: PrintDocument
        repeat {
            document = renderer.printDocument(filings: filings, clientName: clientName, pages: pages, css: "style.css")
            report.printings += 1
            structure = try printOnce(document, chromium: chromium, qpdf: qpdf, work: absoluteWork, number: report.printings)
            var found: [String: Int] = [:]
            for anchor in document.anchors { if let page = structure.destinations[anchor] { found[anchor] = page } }
            if found == pages { break }
            pages = found
        } while report.printings < 4
        if pages.count < document.anchors.count {
            report.diagnostics.append(.warning(options.output, .start,
                "Chromium did not say where \(document.anchors.count - pages.count) contents entries are: they have no page number"))
        }
        report.pageCount = structure.pageCount

        // Metadata, a file id made from the content, and encryption.
        let printed = joinPath(absoluteWork, "print-\(report.printings).pdf")
        let final = joinPath(absoluteWork, "final.pdf")
        var arguments: [String] = []
        if let info = structure.info {
            let metadata = PDFMetadata(title: document.title, author: site.settings.organization ?? site.settings.title,
                                       subject: document.subject, date: site.today)
            let path = joinPath(absoluteWork, "metadata.json")
            try fileSystem.write(path, metadata.qpdfUpdate(info: info))
            arguments.append("--update-from-json=\(path)")
        }
        if let passphrase = options.build.passphrase {
            // The passphrase goes in an argument file only we can read, never on the command line.
            let argumentFile = joinPath(absoluteWork, "encrypt.args")
            let lines = arguments + [printed, "--encrypt", passphrase, passphrase, "256", "--", final]
            try fileSystem.write(argumentFile, Data((lines.joined(separator: "\n") + "\n").utf8))
            _ = chmod(argumentFile, 0o600)
            try runQPDF(qpdf, ["@" + argumentFile], work: absoluteWork)
            try? fileSystem.remove(argumentFile)
        } else {
            try runQPDF(qpdf, ["--deterministic-id"] + arguments + [printed, final], work: absoluteWork)
        }
        try fileSystem.replace(options.output, with: try fileSystem.read(final))
        report.wrote = true
        return report
    }

    /// The output must be a file outside the content folder.
    func checkOutput(_ output: String, content: String) throws {
        if output.isEmpty || output.hasSuffix("/") || fileSystem.kind(output) == .directory {
            throw UsageError("--output must name a PDF file, not a folder: '\(output)'")
        }
        guard let canonicalContent = fileSystem.canonical(content) else { return }
        var parent = splitPath(output).parent
        var missing: [String] = []
        while fileSystem.canonical(parent) == nil, parent != "/", parent != "." {
            let split = splitPath(parent)
            missing.insert(split.name, at: 0)
            parent = split.parent
        }
        let resolved = ([fileSystem.canonical(parent) ?? parent] + missing).joined(separator: "/")
        if resolved == canonicalContent || resolved.hasPrefix(canonicalContent + "/") {
            throw UsageError("the PDF '\(output)' would be inside the content folder '\(content)'; choose a place outside it")
        }
    }

    /// Prints the document once with Chromium and reads the PDF's structure with qpdf.
    func printOnce(_ document: PrintDocument, chromium: ExternalTool, qpdf: ExternalTool, work: String, number: Int) throws -> PDFStructure {
        let html = joinPath(work, "brief.html")
        try fileSystem.write(html, Data(document.html.utf8))
        let pdf = joinPath(work, "print-\(number).pdf")
        // Chromium's profile, caches and home are in the work folder: nothing is left elsewhere.
        var environment = self.environment
        environment["HOME"] = joinPath(work, "home")
        environment["XDG_CONFIG_HOME"] = joinPath(work, "home", ".config")
        environment["XDG_CACHE_HOME"] = joinPath(work, "home", ".cache")
        let outcome = try chromium.run([
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run",
            "--disable-extensions", "--disable-background-networking", "--disable-sync", "--mute-audio",
            "--user-data-dir=\(joinPath(work, "profile"))", "--print-to-pdf=\(pdf)",
            URL(fileURLWithPath: html).absoluteString,
        ], environment: environment, scratch: work)
        guard !outcome.timedOut else { throw PDFToolError("Chromium did not finish printing within 3 minutes") }
        guard outcome.status == 0, fileSystem.kind(pdf) == .file else {
            let detail = outcome.errors.split(separator: "\n").suffix(3).joined(separator: "\n")
            throw PDFToolError("Chromium could not print the brief (exit status \(outcome.status))\(detail.isEmpty ? "" : ":\n" + detail)")
        }
        let json = try qpdf.run(["--json", pdf], environment: self.environment, scratch: work)
        guard json.status == 0 || json.status == 3, let structure = PDFStructure(qpdfJSON: json.output) else {
            throw PDFToolError("qpdf could not read the PDF Chromium printed: \(json.errors.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return structure
    }

    /// Runs qpdf; exit status 3 means it succeeded with warnings.
    func runQPDF(_ qpdf: ExternalTool, _ arguments: [String], work: String) throws {
        let outcome = try qpdf.run(arguments, environment: environment, scratch: work)
        guard outcome.status == 0 || outcome.status == 3 else {
            throw PDFToolError("qpdf failed (exit status \(outcome.status)): \(outcome.errors.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }
}
