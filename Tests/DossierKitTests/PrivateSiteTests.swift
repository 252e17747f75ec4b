import DossierKit
import Foundation
import Testing
import Yams

/// Private sites stay private. The internal wiki and client briefs (plain and encrypted) ask
/// search engines to stay away and send no referrer to other sites; the public site is indexed,
/// with a sitemap of absolute addresses only when `base_url` is set; `indexing: never` keeps even
/// the public site out of search engines. And the README's CI recipes never upload a private build
/// to public Pages hosting.
@Suite("Private sites: no indexing, no sitemap, no referrer")
struct PrivateSiteTests {
    static let robotsMeta = "<meta name=\"robots\" content=\"noindex, nofollow, noarchive\">"
    static let referrerMeta = "<meta name=\"referrer\" content=\"no-referrer\">"
    static let disallowAll = "User-agent: *\nDisallow: /\n"

    /// A copy of the audiences fixture with links to other sites in every place a page can have
    /// one: body links, autolinks, network-path links, timeline refs and timeline notes. `settings`
    /// replaces site.yml.
    static func content(settings: String? = nil) throws -> URL {
        let folder = try TestSupport.temporaryFolder().appendingPathComponent("Content")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: AudienceLeakTests.fixture), to: folder)
        func append(_ path: String, _ text: String) throws {
            let url = folder.appendingPathComponent(path)
            try (String(decoding: try Data(contentsOf: url), as: UTF8.self) + text).write(to: url, atomically: true, encoding: .utf8)
        }
        try append("kb/public-one.md", "\nSee [the rule](https://rules.example.org/a?b=1), https://auto.example.org/x and [net](//net.example.org/y).\n")
        try append("filings/aurora-filing/index.md", "\nThe authority's guide: [guide](http://guide.example.org/).\n")
        let filing = folder.appendingPathComponent("filings/aurora-filing/index.md")
        let text = String(decoding: try Data(contentsOf: filing), as: UTF8.self)
            .replacingOccurrences(of: "refs: [secretarticle, public-one]", with: "refs: [secretarticle, public-one, 'https://refs.example.org/r']")
            .replacingOccurrences(of: "note: Answered with reference to", with: "note: Answered (https://note.example.org/n) with reference to")
        try text.write(to: filing, atomically: true, encoding: .utf8)
        if let settings {
            try settings.write(to: folder.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        }
        return folder
    }

    static func build(_ content: URL, _ audience: Audience, passphrase: String? = nil,
                      themes: String? = nil) throws -> (tree: [String: Data], diagnostics: [Diagnostic]) {
        let output = try TestSupport.temporaryFolder().appendingPathComponent("Output")
        var options = TestSupport.options(content: content.path, output: output.path, today: "2025-06-01")
        options.audience = audience
        options.passphrase = passphrase
        if let themes { options.themesDirectory = themes }
        let report = try Pipeline().run(options, write: true)
        #expect(report.wrote, "\(report.diagnostics)")
        return (try TestSupport.tree(output), report.diagnostics)
    }

    static func text(_ data: Data?) -> String { String(decoding: data ?? Data(), as: UTF8.self) }

    /// The page's `<head>`.
    static func head(_ html: String) -> String {
        html.components(separatedBy: "</head>").first ?? ""
    }

    /// Every `<a ...>` start tag whose href leaves the site (`http:`, `https:`, `//`), but for links
    /// back to the site itself (`404.html` links to `base_url` when it is set).
    static func externalAnchors(_ html: String, base: String?) -> [String] {
        html.components(separatedBy: "<a ").dropFirst().compactMap { piece -> String? in
            guard let end = piece.firstIndex(of: ">") else { return nil }
            let tag = "<a " + piece[..<end] + ">"
            guard let start = tag.range(of: " href=\"") else { return nil }
            let href = tag[start.upperBound...].prefix { $0 != "\"" }
            guard href.hasPrefix("http:") || href.hasPrefix("https:") || href.hasPrefix("//") else { return nil }
            if let base, href.hasPrefix(base) { return nil }
            return tag
        }
    }

    /// The checks every private build passes; returns how many external links it saw.
    @discardableResult
    static func expectPrivate(_ tree: [String: Data], name: String, base: String?, feed: Bool) -> Int {
        #expect(tree["sitemap.xml"] == nil, "\(name): a sitemap")
        #expect((tree["feed.xml"] != nil) == feed, "\(name): feed.xml \(feed ? "missing" : "written")")
        #expect(text(tree["robots.txt"]) == disallowAll, "\(name): robots.txt is \(text(tree["robots.txt"]))")
        let pages = tree.filter { $0.key.hasSuffix(".html") }
        #expect(pages.count > 3, "\(name)")
        var external = 0
        for (path, data) in pages.sorted(by: { $0.key < $1.key }) {
            let html = text(data)
            #expect(head(html).contains(robotsMeta), "\(name): \(path) lacks the robots meta tag")
            #expect(head(html).contains(referrerMeta), "\(name): \(path) lacks the referrer meta tag")
            #expect(!head(html).contains("feed.xml") || feed, "\(name): \(path) links a feed that is not there")
            for tag in externalAnchors(html, base: base) {
                external += 1
                #expect(tag.contains(" rel=\"noopener noreferrer\""), "\(name): \(path): \(tag)")
            }
        }
        return external
    }

    // MARK: - Private builds

    @Test("the internal wiki and client briefs: robots and referrer meta on every page, robots.txt disallows all, no sitemap, noreferrer links")
    func privateBuilds() throws {
        let content = try Self.content()
        let base = "https://briefs.example.com/"
        let wiki = try Self.build(content, .internal)
        #expect(Self.expectPrivate(wiki.tree, name: "internal wiki", base: base, feed: true) >= 6)
        let brief = try Self.build(content, .client("aurora"))
        #expect(Self.expectPrivate(brief.tree, name: "client brief", base: base, feed: false) >= 6)
        // Each kind of external link is there, with its rel.
        let filing = Self.text(brief.tree["filings/aurora-filing/index.html"])
        for href in ["http://guide.example.org/", "https://refs.example.org/r", "https://note.example.org/n"] {
            #expect(filing.contains("href=\"\(href)\" rel=\"noopener noreferrer\""), "\(href)")
        }
        let article = Self.text(brief.tree["kb/public-one/index.html"])
        for href in ["https://rules.example.org/a?b=1", "https://auto.example.org/x", "//net.example.org/y"] {
            #expect(article.contains("\" rel=\"noopener noreferrer\"") && article.contains(href.replacingOccurrences(of: "&", with: "&amp;")), "\(href)")
        }
        #expect(!brief.diagnostics.contains { $0.message.contains("sitemap") || $0.message.contains("feed.xml") })
        // The same without base_url (the sample content has none).
        let sample = TestSupport.packageRoot.appendingPathComponent("Content")
        Self.expectPrivate(try Self.build(sample, .internal).tree, name: "sample wiki", base: nil, feed: true)
        Self.expectPrivate(try Self.build(sample, .client("xingyun-tech")).tree, name: "sample brief", base: nil, feed: false)
    }

    @Test("an encrypted brief: the passphrase page carries both meta tags; robots.txt stays readable and disallows all")
    func encryptedBrief() throws {
        let (tree, _) = try Self.build(try Self.content(), .client("aurora"), passphrase: "correct horse battery staple")
        #expect(tree["sitemap.xml"] == nil)
        #expect(tree["feed.xml"] == nil)
        #expect(Self.text(tree["robots.txt"]) == Self.disallowAll)
        let pages = tree.filter { $0.key.hasSuffix(".html") }
        #expect(pages.count > 3)
        for (path, data) in pages {
            let head = Self.head(Self.text(data))
            #expect(head.contains(Self.robotsMeta) && head.contains(Self.referrerMeta), "\(path)")
        }
    }

    @Test("a theme whose layout predates the meta tags still gets them on private pages")
    func olderLayout() throws {
        let themes = try TestSupport.temporaryFolder()
        try FileManager.default.copyItem(at: URL(fileURLWithPath: TestSupport.themes).appendingPathComponent("default"),
                                         to: themes.appendingPathComponent("default"))
        let layout = themes.appendingPathComponent("default/templates/layout.mustache")
        let old = Self.text(try Data(contentsOf: layout)).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("noindex") && !$0.contains("noreferrer") }.joined(separator: "\n")
        #expect(!old.contains("robots"))
        try old.write(to: layout, atomically: true, encoding: .utf8)
        let content = try Self.content()
        let brief = try Self.build(content, .client("aurora"), themes: themes.path)
        Self.expectPrivate(brief.tree, name: "brief, older layout", base: "https://briefs.example.com/", feed: false)
        // The public site is left as its layout writes it.
        let site = try Self.build(content, .public, themes: themes.path)
        #expect(!Self.text(site.tree["index.html"]).contains("<meta name=\"robots\""))
    }

    // MARK: - The public site

    @Test("the public site with base_url: indexable, robots.txt points at a sitemap of absolute addresses on base_url's host")
    func publicWithBaseURL() throws {
        let (tree, diagnostics) = try Self.build(try Self.content(), .public)
        let base = "https://briefs.example.com/"
        #expect(Self.text(tree["robots.txt"]) == "User-agent: *\nDisallow:\n\nSitemap: \(base)sitemap.xml\n")
        let sitemap = Self.text(tree["sitemap.xml"])
        let locs = sitemap.components(separatedBy: "<loc>").dropFirst().map { $0.components(separatedBy: "</loc>")[0] }
        #expect(locs.count == tree.keys.filter { $0.hasSuffix(".html") && $0 != "404.html" }.count)
        for loc in locs {
            let url = URL(string: loc)
            #expect(url?.scheme == "https" && url?.host == "briefs.example.com" && loc.hasPrefix(base), "\(loc)")
        }
        #expect(locs.contains("\(base)kb/public-one/"))
        #expect(tree["feed.xml"] != nil)
        for (path, data) in tree where path.hasSuffix(".html") {
            let html = Self.text(data)
            #expect(!html.contains("name=\"robots\"") && !html.contains("name=\"referrer\""), "\(path)")
            #expect(Self.head(html).contains("<link rel=\"alternate\" type=\"application/atom+xml\""), "\(path)")
        }
        // Links to other sites are as they were: no rel.
        let article = Self.text(tree["kb/public-one/index.html"])
        #expect(article.contains("<a href=\"https://rules.example.org/a?b=1\">the rule</a>"))
        #expect(!diagnostics.contains { $0.message.contains("sitemap") || $0.message.contains("feed.xml") })
    }

    @Test("the public site without base_url: no sitemap and no feed, each with a warning that says why")
    func publicWithoutBaseURL() throws {
        let (tree, diagnostics) = try Self.build(try Self.content(settings: "title: Audience fixture\norganization: Fixture Consulting\n"), .public)
        #expect(tree["sitemap.xml"] == nil)
        #expect(tree["feed.xml"] == nil)
        #expect(Self.text(tree["robots.txt"]) == "User-agent: *\nDisallow:\n")
        let warnings = diagnostics.filter { $0.severity == .warning && $0.path.hasSuffix("site.yml") }.map(\.message)
        #expect(warnings.contains { $0.contains("no sitemap.xml") && $0.contains("base_url") && $0.contains("absolute") }, "\(warnings)")
        #expect(warnings.contains { $0.contains("no feed.xml") && $0.contains("base_url") }, "\(warnings)")
        for (path, data) in tree where path.hasSuffix(".html") {
            #expect(!Self.text(data).contains("feed.xml"), "\(path) links a feed that is not there")
            #expect(!Self.text(data).contains("name=\"robots\""), "\(path)")
        }
        // The sample content has no base_url: its public build says so, on the command line too.
        let result = try TestSupport.run(["check", "--content", "Content", "--themes", "Themes", "--today", "2025-06-01",
                                          "--audience", "public"], directory: TestSupport.packageRoot)
        #expect(result.status == 0)
        #expect(result.stderr.contains("Content/site.yml:1:1: warning: no sitemap.xml is written"), "\(result.stderr)")
    }

    @Test("indexing: never keeps even the public site out: robots meta, robots.txt disallows all, no sitemap")
    func indexingNever() throws {
        let settings = "title: Audience fixture\norganization: Fixture Consulting\nbase_url: https://briefs.example.com/\nindexing: never\n"
        let (tree, diagnostics) = try Self.build(try Self.content(settings: settings), .public)
        #expect(tree["sitemap.xml"] == nil)
        #expect(Self.text(tree["robots.txt"]) == Self.disallowAll)
        for (path, data) in tree where path.hasSuffix(".html") {
            #expect(Self.head(Self.text(data)).contains(Self.robotsMeta), "\(path)")
        }
        #expect(!diagnostics.contains { $0.message.contains("sitemap") })
        // The private builds are private either way; `auto` is what no key means.
        let auto = settings.replacingOccurrences(of: "never", with: "auto")
        let site = try Self.build(try Self.content(settings: auto), .public)
        #expect(site.tree["sitemap.xml"] != nil)
    }

    @Test("an unknown indexing value is an error at its place, with a suggestion")
    func unknownIndexing() throws {
        let content = try Self.content(settings: "title: T\nindexing: nevr\n")
        let options = TestSupport.options(content: content.path, output: "/tmp/never-written-\(UUID().uuidString)")
        let report = try Pipeline().run(options, write: false)
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.path.hasSuffix("site.yml") == true)
        #expect(errors.first?.position == SourcePosition(line: 2, column: 11), "\(String(describing: errors.first))")
        #expect(errors.first?.message.contains("'indexing' must be one of auto, never; found 'nevr'") == true)
        #expect(errors.first?.message.contains("never") == true && errors.first?.message.contains("did you mean") == true,
                "\(String(describing: errors.first))")
    }

    // MARK: - The README's CI recipes

    /// The README's YAML blocks that are CI configurations: GitHub workflows (`on` and `jobs`) and
    /// GitLab CI files (the rest with a job that has a `script`).
    static func recipes() throws -> (github: [String], gitlab: [String]) {
        let readme = String(decoding: try Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("README.md")), as: UTF8.self)
        var blocks: [String] = []
        var current: [Substring]?
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```yaml" || line == "```yml" {
                current = []
            } else if let lines = current, line == "```" {
                blocks.append(lines.joined(separator: "\n") + "\n")
                current = nil
            } else {
                current?.append(line)
            }
        }
        var github: [String] = []
        var gitlab: [String] = []
        for block in blocks {
            guard let mapping = try Self.load(block) else { continue }
            if mapping["jobs"] != nil && mapping["on"] != nil {
                github.append(block)
            } else if mapping.contains(where: { ($0.value as? [String: Any])?["script"] != nil }) {
                gitlab.append(block)
            }
        }
        return (github, gitlab)
    }

    /// A YAML mapping with every scalar as text (so that `on:` stays a key, not `true`).
    static func load(_ yaml: String) throws -> [String: Any]? {
        try Yams.load(yaml: yaml, .basic) as? [String: Any]
    }

    /// A `dossier build` command: where it writes and what it builds.
    struct BuildCommand: CustomStringConvertible {
        var output = "Output"
        var audience = "internal"
        var encrypted = false
        /// May go to public hosting: the public site, or an encrypted brief.
        var isPublishable: Bool { audience == "public" || (audience == "client" && encrypted) }
        var description: String { "build --audience \(audience)\(encrypted ? " --encrypt" : "") --output \(output)" }
    }

    /// The `dossier build` commands in a shell script (lines continued with `\` joined).
    static func builds(in script: String) -> [BuildCommand] {
        script.replacingOccurrences(of: "\\\n", with: " ").split(separator: "\n").compactMap { line -> BuildCommand? in
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let index = words.firstIndex(where: { $0.hasSuffix("dossier") }), words.count > index + 1,
                  words[index + 1] == "build" else { return nil }
            var command = BuildCommand()
            var position = index + 2
            while position < words.count {
                let word = words[position]
                let value = position + 1 < words.count ? words[position + 1] : ""
                switch word {
                case "--output": command.output = value; position += 1
                case "--audience": command.audience = value; position += 1
                case "--encrypt": command.encrypted = true
                default: break
                }
                position += 1
            }
            return command
        }
    }

    /// Whether `path` is the folder `root` or inside it.
    static func isInside(_ path: String, _ root: String) -> Bool {
        func clean(_ text: String) -> String {
            var text = text
            while text.hasPrefix("./") { text.removeFirst(2) }
            while text.hasSuffix("/") { text.removeLast() }
            return text
        }
        let path = clean(path), root = clean(root)
        return path == root || path.hasPrefix(root + "/")
    }

    /// What a GitHub workflow uploads to Pages that is not the public site or an encrypted brief.
    static func pagesProblems(github block: String) throws -> [String] {
        let workflow = try #require(try Self.load(block))
        let jobs = try #require(workflow["jobs"] as? [String: Any])
        var published: [String] = []
        var commands: [BuildCommand] = []
        for (_, job) in jobs {
            for step in ((job as? [String: Any])?["steps"] as? [[String: Any]]) ?? [] {
                if let run = step["run"] as? String { commands += Self.builds(in: run) }
                if let uses = step["uses"] as? String, uses.hasPrefix("actions/upload-pages-artifact@") {
                    published.append(((step["with"] as? [String: Any])?["path"] as? String) ?? "_site")
                }
            }
        }
        var problems: [String] = []
        if published.isEmpty { problems.append("nothing is uploaded to Pages") }
        if !commands.contains(where: { $0.audience == "internal" }) { problems.append("the internal wiki is not built") }
        for folder in published {
            let there = commands.filter { Self.isInside($0.output, folder) }
            if there.isEmpty { problems.append("nothing is built into \(folder)") }
            problems += there.filter { !$0.isPublishable }.map { "GitHub Pages gets \($0)" }
        }
        return problems
    }

    /// What a GitLab CI file publishes with GitLab Pages that is not the public site or an encrypted brief.
    static func pagesProblems(gitlab block: String) throws -> [String] {
        let pipeline = try #require(try Self.load(block))
        var problems: [String] = []
        var pagesJobs = 0
        var commands: [BuildCommand] = []
        for (name, value) in pipeline {
            guard let job = value as? [String: Any] else { continue }
            let script = ((job["script"] as? [String]) ?? []).joined(separator: "\n")
            commands += Self.builds(in: script)
            // GitLab Pages publishes the job called `pages` (or one with `pages:`), from `public/`
            // or `pages.publish`.
            guard name == "pages" || job["pages"] != nil else { continue }
            pagesJobs += 1
            var folders = ["public"]
            if let publish = (job["pages"] as? [String: Any])?["publish"] as? String { folders.append(publish) }
            if let publish = job["publish"] as? String { folders.append(publish) }
            let artifacts = ((job["artifacts"] as? [String: Any])?["paths"] as? [String]) ?? []
            let uploaded = Self.builds(in: script).filter { command in
                artifacts.contains { Self.isInside(command.output, $0) } || folders.contains { Self.isInside(command.output, $0) }
            }
            if uploaded.isEmpty { problems.append("the pages job builds nothing into \(folders)") }
            problems += uploaded.filter { !$0.isPublishable }.map { "GitLab Pages gets \($0)" }
        }
        if pagesJobs != 1 { problems.append("\(pagesJobs) pages jobs") }
        if !commands.contains(where: { $0.audience == "internal" }) { problems.append("the internal wiki is not built") }
        return problems
    }

    @Test("no recipe in the README uploads the internal wiki or a plain brief to Pages")
    func recipesPublishOnlyPublicBuilds() throws {
        let (github, gitlab) = try Self.recipes()
        #expect(github.count == 1 && gitlab.count == 1, "\(github.count) GitHub, \(gitlab.count) GitLab recipes")
        for block in github { #expect(try Self.pagesProblems(github: block) == [], "\(block)") }
        for block in gitlab { #expect(try Self.pagesProblems(gitlab: block) == [], "\(block)") }
        // The check catches what the recipes used to do: the wiki on Pages, the brief inside it.
        let oldGitHub = """
            on: { push: { branches: [main] } }
            jobs:
              build:
                steps:
                  - run: |
                      /opt/dossier/.build/release/dossier build --output Output
                      DOSSIER_PASSPHRASE="$X" \\
                        /opt/dossier/.build/release/dossier build --audience client --client acme --encrypt --output Output/briefs/acme
                  - uses: actions/upload-pages-artifact@v3
                    with: { path: Output }
            """
        #expect(try Self.pagesProblems(github: oldGitHub) == ["GitHub Pages gets build --audience internal --output Output"])
        let oldGitLab = """
            pages:
              script:
                - /opt/dossier/.build/release/dossier build --output public
                - /opt/dossier/.build/release/dossier build --audience client --client acme --output public/briefs/acme
              artifacts: { paths: [public] }
            """
        #expect(try Self.pagesProblems(gitlab: oldGitLab) == ["GitLab Pages gets build --audience internal --output public",
                                                               "GitLab Pages gets build --audience client --output public/briefs/acme"])
    }

    /// `check-jsonschema` (from PyPI, which `.ci/run` installs), or nil.
    static var schemaChecker: String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            + ["/usr/local/bin", "/root/.pyenv/shims", NSHomeDirectory() + "/.local/bin"]
        return paths.map { $0 + "/check-jsonschema" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test("the README's GitHub workflow and GitLab CI file are valid by their schemas",
          .enabled(if: schemaChecker != nil, "check-jsonschema is missing (pip install check-jsonschema)"))
    func recipesAreValid() throws {
        let (github, gitlab) = try Self.recipes()
        #expect(!github.isEmpty && !gitlab.isEmpty)
        let folder = try TestSupport.temporaryFolder()
        for (schema, blocks) in [("vendor.github-workflows", github), ("vendor.gitlab-ci", gitlab)] {
            for (index, block) in blocks.enumerated() {
                let file = folder.appendingPathComponent("\(schema)-\(index).yml")
                try block.write(to: file, atomically: true, encoding: .utf8)
                let result = try TestSupport.run(["--builtin-schema", schema, file.path],
                                                 executable: URL(fileURLWithPath: try #require(Self.schemaChecker)))
                #expect(result.status == 0, "\(schema): \(result.stdout)\(result.stderr)\n\(block)")
            }
        }
    }
}
