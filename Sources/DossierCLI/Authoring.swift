import ArgumentParser
import DossierKit
import Foundation

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a new article, filing, permit or client with the right front matter.")

    @Argument(help: "What to create: kb, filing, permit or client; or reply, to print a reply entry for filing ID's open points.")
    var kind: String

    @Argument(help: "Its id (lower-case a-z, 0-9 and '-').")
    var id: String

    @Option(name: .long, help: "The permit an article or filing concerns (default: the first permit).")
    var permit: String?

    @Option(name: .long, help: "The client of a filing (default: the first client).")
    var client: String?

    @Option(name: .long, help: "The title of an article or filing, the name of a permit or client. Without it the page gets a placeholder naming its id (dossier check warns about it) and an article is a draft.")
    var title: String?

    @Option(name: .long, help: "The content folder.")
    var content: String = "Content"

    func run() throws {
        // Version 2: responses. `dossier new reply FILING` prints a reply entry; it writes nothing.
        if kind == "reply" {
            let today = try Today.resolve(argument: nil, environment: ProcessInfo.processInfo.environment, now: Date())
            print(try ReplySkeleton.make(filing: id, content: content, today: today), terminator: "")
            return
        }
        guard let which = Scaffold.Kind.allCases.first(where: { $0.scaffoldName == kind }) else {
            throw UsageError("'\(kind)' is not something dossier new makes: use kb, filing, permit, client or reply")
        }
        let today = try Today.resolve(argument: nil, environment: ProcessInfo.processInfo.environment, now: Date())
        let path = try Scaffold.newPage(which, id: id, title: title, permit: permit, client: client, content: content, today: today)
        if title == nil && which == .kb {
            print("Created \(path) (a draft: write its title, summary and answers, then delete draft: true)")
        } else if title == nil {
            print("Created \(path) (its \(which == .filings ? "title" : "name") is a placeholder until you write it; dossier check reminds you)")
        } else {
            print("Created \(path)")
        }
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a new site that builds at once: settings, a permit, an article, a client, a filing, this year's calendar and the default theme.")

    @Argument(help: "The folder to create the site in.")
    var directory: String

    func run() throws {
        let today = try Today.resolve(argument: nil, environment: ProcessInfo.processInfo.environment, now: Date())
        guard let themes = Pipeline.bundledThemesDirectory() else {
            throw UsageError("cannot find the default theme to copy (run from a Dossier checkout, or install its Themes/ beside the program)")
        }
        let files = try Scaffold.initSite(at: directory, today: today, defaultTheme: joinPath(themes, "default"))
        print("Created a site in \(directory) (\(files.count) files). Next: cd \(directory) && dossier serve")
        print("Its sample article is internal (audience: internal): it is in the wiki, not in briefs or the public site.")
        print("Build briefs into Briefs/<client>; .gitignore keeps Output/, Briefs/ and the build caches out of git.")
    }
}

struct Hook: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Manage the git pre-commit hook.", subcommands: [Install.self])

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Install a pre-commit hook that runs dossier check on the staged content and blocks the commit on errors.")

        @Option(name: .long, help: "The repository (default: the current folder).")
        var repository: String = "."

        @Option(name: .long, help: "The content folder the hook checks, relative to --repository; it must exist and hold site.yml.")
        var content: String = "Content"

        func run() throws {
            let program = Bundle.main.executablePath ?? CommandLine.arguments.first ?? "dossier"
            let executable = URL(fileURLWithPath: program).standardizedFileURL.resolvingSymlinksInPath().path
            let installed = try GitHook.install(repository: repository, executable: executable, content: content)
            print("Installed \(installed.path): it checks \(installed.content)/ as staged, with the dossier found on the PATH at commit time.")
            if let fallback = installed.fallback {
                print("dossier is not on the PATH now, so the hook falls back to this absolute path, written into it: \(fallback)")
                print("Put dossier on the PATH and install again to leave it out.")
            }
        }
    }
}
