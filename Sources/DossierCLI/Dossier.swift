import ArgumentParser
import DossierKit
import Foundation

@main
struct Dossier: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Builds a cross-linked static site from compliance filings and a knowledge base.",
        subcommands: [Build.self, Check.self, Serve.self, New.self, Init.self, Hook.self, MarkdownCommand.self, PDFCommand.self],
        defaultSubcommand: nil
    )

    /// Exit statuses: 0 success, 1 content errors, 2 usage errors.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ContentFailure {
            Foundation.exit(exit.code)
        } catch let usage as UsageError {
            FileHandle.standardError.write(Data("error: \(usage.description)\n".utf8))
            Foundation.exit(2)
        } catch let output as OutputError {
            FileHandle.standardError.write(Data("error: \(output.description)\n".utf8))
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = fullMessage(for: error)
            FileHandle.standardError.write(Data((message.isEmpty ? "error: \(error)" : message).utf8 + [10]))
            Foundation.exit(2)
        }
    }
}

struct ContentFailure: Error {
    var code: Int32
}

struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The content folder.")
    var content: String = "Content"

    @Option(name: .long, help: "Folder that holds themes (default: Themes/ beside the content folder, else ./Themes).")
    var themes: String?

    @Option(name: .long, help: "Theme to use (a folder under the themes folder); overrides site.yml.")
    var theme: String?

    @Flag(name: .long, help: "Include pages marked draft: true.")
    var drafts = false

    @Option(name: .long, help: "The build's date, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today in China Standard Time).")
    var today: String?

    @Option(name: .long, help: "Who the site is for: internal (everything), client (one client's brief, needs --client) or public.")
    var audience: String = "internal"

    @Option(name: .long, help: "The client a brief is for (with --audience client).")
    var client: String?

    func buildOptions() throws -> BuildOptions {
        // How the options go together is checked before anything is read from the environment.
        let chosen: Audience
        switch (audience, client) {
        case ("internal", nil): chosen = .internal
        case ("public", nil): chosen = .public
        case ("client", let id?): chosen = .client(id)
        case ("client", nil): throw UsageError("--audience client needs --client ID")
        case ("internal", _?), ("public", _?): throw UsageError("--client is only for --audience client")
        default: throw UsageError("--audience must be internal, client or public; found '\(audience)'")
        }
        let day = try Today.resolve(argument: today, environment: ProcessInfo.processInfo.environment, now: Date())
        var options = BuildOptions(today: day)
        options.contentDirectory = content
        options.themesDirectory = themes
        options.theme = theme
        options.includeDrafts = drafts
        options.audience = chosen
        return options
    }
}

/// Prints diagnostics to standard error, `path:line:col: severity: message`.
func report(_ diagnostics: [Diagnostic], format: DiagnosticFormat = .text) {
    let text = format.format(diagnostics)
    // Text goes to standard error for people; annotations and JSON to standard output for programs.
    if format == .text {
        FileHandle.standardError.write(Data(text.utf8))
    } else {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The output folder.")
    var output: String = "Output"

    @Flag(name: .long, help: "Replace the output folder even if dossier did not write it.")
    var force = false

    @Flag(name: .long, help: "Print the time each stage took.")
    var timings = false

    @Flag(name: .long, help: "Encrypt a client brief with the passphrase in the environment variable DOSSIER_PASSPHRASE.")
    var encrypt = false

    @Flag(name: .long, help: "With --encrypt: accept a passphrase shorter than 12 characters (it can be guessed offline).")
    var allowWeakPassphrase = false

    func run() throws {
        let start = Date()
        var options = try site.buildOptions()
        options.outputDirectory = output
        options.force = force
        try Passphrase.apply(encrypt: encrypt, allowWeak: allowWeakPassphrase, what: "brief", to: &options)
        var pipeline = Pipeline()
        let line = ProgressLine.forStandardError()
        if let line {
            pipeline.progress = { @Sendable stage, done, total in line.show(stage, done, total) }
        }
        let result = try pipeline.run(options, write: true)
        line?.clear()
        report(result.diagnostics)
        if timings {
            for (stage, seconds) in result.timings {
                FileHandle.standardError.write(Data("\(stage.padding(toLength: 7, withPad: " ", startingAt: 0)) \(String(format: "%.3f", seconds)) s\n".utf8))
            }
        }
        guard result.wrote else {
            FileHandle.standardError.write(Data("Build failed; \(output) was not changed.\n".utf8))
            throw ContentFailure(code: 1)
        }
        let seconds = Date().timeIntervalSince(start)
        // What changed on disk, for people deploying with rsync: unchanged files keep their times.
        var counts = "\(result.written) files written, \(result.unchanged) unchanged, \(result.removed) removed"
        if result.reusedPages > 0 { counts += ", \(result.reusedPages) pages reused" }
        if result.upToDate {
            counts += "; nothing changed since the last build"
        } else if let note = result.cacheNote {
            counts += "; \(note)"
        }
        print("Built \(result.pageCount) pages in \(String(format: "%.2f", seconds)) s → \(output)\(output.hasSuffix("/") ? "" : "/") (\(counts))")
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the content and theme for problems; writes nothing.")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "How to print problems: text (path:line:col: error: message), github (Actions annotations) or json.")
    var format: String = "text"

    func run() throws {
        guard let style = DiagnosticFormat(rawValue: format) else {
            throw UsageError("--format must be text, github or json; found '\(format)'")
        }
        let result = try Pipeline().run(try site.buildOptions(), write: false)
        report(result.diagnostics, format: style)
        if result.hasErrors { throw ContentFailure(code: 1) }
        if style == .text { print("No errors: \(result.pageCount) pages would be built.") }
    }
}

struct MarkdownCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markdown",
        abstract: "Print the HTML of one Markdown document (standard input when no file is given), with Dossier's extensions.")

    @Argument(help: "A Markdown file (no front matter); standard input when left out.")
    var file: String?

    @Flag(name: .long, help: "Let raw HTML through (by default it is dropped, as cmark does).")
    var unsafe = false

    @Option(name: .long, help: "Language of callout titles: zh-CN or en.")
    var language: String = "zh-CN"

    func run() throws {
        guard let interface = InterfaceLanguage(rawValue: language) else {
            throw UsageError("--language must be zh-CN or en; found '\(language)'")
        }
        let data: Data
        if let file {
            guard let contents = FileManager.default.contents(atPath: file) else { throw UsageError("cannot read '\(file)'") }
            data = contents
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        let name = file ?? "<stdin>"
        let text: String
        switch TextDecoding.decode(data) {
        case .success(let decoded): text = decoded
        case .failure(let position):
            report([.error(name, position, "not valid UTF-8 text")])
            throw ContentFailure(code: 1)
        }
        let themes = Pipeline.bundledThemesDirectory() ?? "Themes"
        let strings = Theme.load(name: "default", themesDirectory: themes, fileSystem: .local).theme?.strings[interface.rawValue] ?? [:]
        let result = MarkdownRendering.standalone(text, unsafeHTML: unsafe, strings: strings)
        report(result.problems.map { Diagnostic.warning(name, $0.0, $0.1) })
        FileHandle.standardOutput.write(Data(result.html.utf8))
    }
}
