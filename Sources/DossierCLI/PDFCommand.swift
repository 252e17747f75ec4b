import ArgumentParser
import DossierKit
import Foundation

/// `dossier pdf`: a client brief (or the internal wiki's filings) as one A4 PDF.
struct PDFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf",
        abstract: "Print a client brief (or the internal wiki's filings) as one PDF, with headless Chromium and qpdf.")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The PDF file to write (default: <client>.pdf, or internal.pdf; <filing>.pdf with --filing).")
    var output: String?

    @Option(name: .long, help: "Only this filing (one the audience gets).")
    var filing: String?

    @Flag(name: .long, help: "Encrypt the PDF (AES-256) with the passphrase in the environment variable DOSSIER_PASSPHRASE.")
    var encrypt = false

    @Flag(name: .long, help: "With --encrypt: accept a passphrase shorter than 12 characters (it can be guessed offline).")
    var allowWeakPassphrase = false

    func run() throws {
        let start = Date()
        var options = try site.buildOptions()
        try Passphrase.apply(encrypt: encrypt, allowWeak: allowWeakPassphrase, what: "PDF", to: &options)
        let file = output ?? ((filing ?? options.audience.clientID ?? "internal") + ".pdf")
        let result: PDFReport
        do {
            result = try PDFBrief().run(PDFOptions(build: options, output: file, filing: filing))
        } catch let failure as PDFToolError {
            FileHandle.standardError.write(Data("error: \(failure.description)\nThe PDF was not written; \(file) was not changed.\n".utf8))
            throw ExitCode(2)
        }
        report(result.diagnostics)
        guard result.wrote else {
            FileHandle.standardError.write(Data("The PDF was not made; \(file) was not changed.\n".utf8))
            throw ContentFailure(code: 1)
        }
        let seconds = Date().timeIntervalSince(start)
        print("Wrote \(file): \(result.pageCount) pages in \(String(format: "%.1f", seconds)) s\(encrypt ? ", encrypted (AES-256)" : "")")
    }
}
