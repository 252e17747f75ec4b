@testable import DossierKit
import Foundation
import Testing

/// A new user's first hour: `dossier new`, `dossier init` and `dossier hook install` leave nothing
/// that can be published, committed or skipped unnoticed.
@Suite("Safe scaffolding", .serialized)
struct ScaffoldSafetyTests {
    static let hasGit = FileManager.default.isExecutableFile(atPath: "/usr/bin/git")

    /// A site made by `dossier init` in a fresh temporary folder.
    func initSite() throws -> URL {
        let folder = try TestSupport.temporaryFolder().appendingPathComponent("site")
        let made = try TestSupport.run(["init", folder.path])
        guard made.status == 0 else { throw TestError("dossier init failed: \(made.stderr)") }
        return folder
    }

    func text(_ folder: URL, _ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ folder: URL, _ path: String) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path)
    }

    /// The value of the `title:` line of a front matter.
    func titleLine(_ text: String) -> String? {
        text.split(separator: "\n").first { $0.hasPrefix("title:") }.map(String.init)
    }

    /// Runs git in `folder` with `environment` (PATH above all) and returns status and all output.
    func git(_ folder: URL, _ arguments: [String], path: String = "/usr/bin:/bin") throws -> (status: Int32, output: String) {
        let result = try TestSupport.run(["-C", folder.path, "-c", "user.name=T", "-c", "user.email=t@example.com",
                                          "-c", "init.defaultBranch=main"] + arguments,
                                         environment: ["PATH": path, "GIT_CONFIG_NOSYSTEM": "1", "HOME": folder.path],
                                         executable: URL(fileURLWithPath: "/usr/bin/git"))
        return (result.status, result.stdout + result.stderr)
    }

    /// The folder of the built `dossier`, for a PATH that finds it.
    func binaryFolder() throws -> String {
        guard let executable = TestSupport.executable else { throw TestError("no dossier executable") }
        return executable.resolvingSymlinksInPath().deletingLastPathComponent().path
    }

    // MARK: - dossier new

    @Test("new refuses an unknown --permit or --client with a did-you-mean, exit 2, and writes nothing")
    func unknownIDs() throws {
        let site = try initSite()
        let before = try TestSupport.tree(site)
        let nope = try TestSupport.run(["new", "filing", "x", "--permit", "nope"], directory: site)
        #expect(nope.status == 2, "\(nope.stdout)\(nope.stderr)")
        #expect(nope.stderr.contains("unknown permit 'nope'"), "\(nope.stderr)")
        #expect(nope.stderr.contains("(the only one there is: 'algorithm-filing')"), "\(nope.stderr)")
        #expect(!exists(site, "Content/filings/x.md"))
        let typo = try TestSupport.run(["new", "filing", "x", "--permit", "algoritm-filing"], directory: site)
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("did you mean 'algorithm-filing'?"), "\(typo.stderr)")
        let client = try TestSupport.run(["new", "filing", "x", "--client", "example-clent"], directory: site)
        #expect(client.status == 2)
        #expect(client.stderr.contains("unknown client 'example-clent' (did you mean 'example-client'?)"), "\(client.stderr)")
        let article = try TestSupport.run(["new", "kb", "y", "--permit", "nope"], directory: site)
        #expect(article.status == 2)
        #expect(article.stderr.contains("(the only one there is: 'algorithm-filing')"), "\(article.stderr)")
        #expect(try TestSupport.tree(site) == before, "a refused dossier new wrote something")
    }

    @Test("new takes --title; without it an article is a draft, and two new pages never share a title")
    func titles() throws {
        let site = try initSite()
        let titled = try TestSupport.run(["new", "kb", "a", "--title", "标题"], directory: site)
        #expect(titled.status == 0, "\(titled.stderr)")
        let a = try text(site, "Content/kb/a.md")
        #expect(titleLine(a) == "title: 标题", "\(a)")
        #expect(!a.contains("draft: true"))

        // YAML's special characters survive: the title reaches the page as written.
        let tricky = "问：费用 # 多少? \"全部\" 'yes'"
        #expect(try TestSupport.run(["new", "kb", "c", "--title", tricky], directory: site).status == 0)
        let build = try TestSupport.run(["build"], directory: site)
        #expect(build.status == 0, "\(build.stderr)")
        let page = try text(site, "Output/kb/c/index.html")
        let heading = page.range(of: "<h1>").flatMap { start in page[start.upperBound...].range(of: "</h1>").map { page[start.upperBound..<$0.lowerBound] } }
        #expect(heading.map { TestSupport.unescapeAttribute(String($0)).replacingOccurrences(of: "&#39;", with: "'") } == tricky,
                "\(heading ?? "no <h1>")")
        #expect(try TestSupport.run(["new", "kb", "d", "--title", "two\nlines"], directory: site).status == 2)
        #expect(!exists(site, "Content/kb/d.md"))

        #expect(try TestSupport.run(["new", "kb", "b"], directory: site).status == 0)
        #expect(try TestSupport.run(["new", "kb", "b2"], directory: site).status == 0)
        let b = try text(site, "Content/kb/b.md"), b2 = try text(site, "Content/kb/b2.md")
        #expect(b.contains("\ndraft: true"), "\(b)")
        #expect(titleLine(b) != nil && titleLine(b) != titleLine(b2), "\(b)\n\(b2)")
        // A draft is in no build.
        #expect(try TestSupport.run(["build"], directory: site).status == 0)
        #expect(!exists(site, "Output/kb/b/index.html"))
        #expect(exists(site, "Output/kb/a/index.html"))

        // Filings, permits and clients: --title names them; without it the name is never a fixed text.
        #expect(try TestSupport.run(["new", "permit", "p1"], directory: site).status == 0)
        #expect(try TestSupport.run(["new", "permit", "p2"], directory: site).status == 0)
        #expect(try TestSupport.run(["new", "client", "c1", "--title", "甲公司"], directory: site).status == 0)
        #expect(try TestSupport.run(["new", "filing", "f1"], directory: site).status == 0)
        #expect(try TestSupport.run(["new", "filing", "f2"], directory: site).status == 0)
        #expect(try text(site, "Content/permits/p1.md").split(separator: "\n").first { $0.hasPrefix("name:") }
                != text(site, "Content/permits/p2.md").split(separator: "\n").first { $0.hasPrefix("name:") })
        #expect(try text(site, "Content/clients/c1.md").contains("\nname: 甲公司\n"))
        #expect(try titleLine(text(site, "Content/filings/f1.md")) != titleLine(text(site, "Content/filings/f2.md")))
    }

    // MARK: - dossier init

    @Test("init's sample article is in neither a client brief nor the public site")
    func sampleArticleStaysInternal() throws {
        let site = try initSite()
        let sample = try text(site, "Content/kb/first-question.md")
        let title = try #require(titleLine(sample)).dropFirst("title:".count).trimmingCharacters(in: .whitespaces)
        let wiki = try TestSupport.run(["build"], directory: site)
        #expect(wiki.status == 0, "\(wiki.stderr)")
        #expect(try text(site, "Output/kb/first-question/index.html").contains(title), "the internal wiki keeps the sample")
        for (audience, output) in [(["--audience", "client", "--client", "example-client"], "Briefs/example-client"),
                                   (["--audience", "public"], "Public")] {
            let built = try TestSupport.run(["build", "--output", output] + audience, directory: site)
            #expect(built.status == 0, "\(built.stderr)")
            let files = try TestSupport.tree(site.appendingPathComponent(output))
            #expect(!files.isEmpty)
            for (path, data) in files {
                let body = String(decoding: data, as: UTF8.self)
                #expect(!path.contains("first-question") && !body.contains("first-question") && !body.contains(title),
                        "\(output)/\(path) has init's sample article")
            }
        }
    }

    @Test("check warns about a page that still has the scaffold's placeholder title or summary")
    func placeholderWarnings() throws {
        let site = try initSite()
        let clean = try TestSupport.run(["check"], directory: site)
        #expect(clean.status == 0)
        #expect(!clean.stderr.contains("warning"), "init's site warns: \(clean.stderr)")

        #expect(try TestSupport.run(["new", "kb", "b"], directory: site).status == 0)
        #expect(try TestSupport.run(["new", "kb", "t", "--title", "真正的问题？"], directory: site).status == 0)
        #expect(try TestSupport.run(["new", "filing", "f"], directory: site).status == 0)
        let check = try TestSupport.run(["check"], directory: site)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains("Content/kb/b.md:1:1: warning: the title is still the placeholder"), "\(check.stderr)")
        #expect(check.stderr.contains("Content/kb/t.md:1:1: warning: the summary is still the placeholder"), "\(check.stderr)")
        #expect(!check.stderr.contains("Content/kb/t.md:1:1: warning: the title"), "\(check.stderr)")
        #expect(check.stderr.contains("Content/filings/f.md:1:1: warning: the title is still the placeholder"), "\(check.stderr)")

        // A site made by an earlier dossier (the old fixed placeholder) is warned about too.
        let old = "---\ntitle: 新问题：在这里写读者的问题？\npermits: [algorithm-filing]\ndate: 2025-01-01\n---\n"
        try Data(old.utf8).write(to: site.appendingPathComponent("Content/kb/old.md"))
        let again = try TestSupport.run(["check"], directory: site)
        #expect(again.stderr.contains("Content/kb/old.md:1:1: warning: the title is still the placeholder"), "\(again.stderr)")

        // Once written, the warning goes.
        let b = try text(site, "Content/kb/b.md")
        let written = b.replacingOccurrences(of: try #require(titleLine(b)), with: "title: 真正写好的问题？")
        try Data(written.utf8).write(to: site.appendingPathComponent("Content/kb/b.md"))
        #expect(try !TestSupport.run(["check"], directory: site).stderr.contains("kb/b.md:1:1: warning: the title"))
    }

    @Test("init's .gitignore keeps the wiki, briefs under Briefs/ and every cache out of git",
          .enabled(if: hasGit, "needs git"))
    func gitignore() throws {
        let site = try initSite()
        #expect(try git(site, ["init", "-q"]).status == 0)
        let brief = try TestSupport.run(["build", "--audience", "client", "--client", "example-client", "--output", "Briefs/example-client"],
                                        directory: site)
        #expect(brief.status == 0, "\(brief.stderr)")
        let wiki = try TestSupport.run(["build"], directory: site)
        #expect(wiki.status == 0, "\(wiki.stderr)")
        // The folders and caches are there, and git does not see them.
        #expect(exists(site, "Briefs/example-client/index.html") && exists(site, "Output/index.html"))
        #expect(exists(site, ".Output.dossier-cache") && exists(site, "Briefs/.example-client.dossier-cache"))
        let status = try git(site, ["status", "--porcelain", "--untracked-files=all"])
        #expect(status.status == 0)
        let listed = status.output.split(separator: "\n").map { String($0.dropFirst(3)) }
        #expect(listed.contains("Content/site.yml") && listed.contains("Briefs/README.md"), "\(status.output)")
        for path in listed {
            #expect(path == "Briefs/README.md" || (!path.hasPrefix("Briefs/") && !path.hasPrefix("Output/") && !path.contains(".dossier-")),
                    "git would add \(path)")
        }
    }

    // MARK: - dossier hook install

    @Test("hook install refuses a content folder that is not there or has no site.yml",
          .enabled(if: hasGit, "needs git"))
    func hookRefusesMissingContent() throws {
        let repo = try TestSupport.temporaryFolder().appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        #expect(try git(repo, ["init", "-q"]).status == 0)
        let missing = try TestSupport.run(["hook", "install", "--repository", repo.path])
        #expect(missing.status == 2, "\(missing.stdout)")
        #expect(missing.stderr.contains("Content") && missing.stderr.contains("does not exist"), "\(missing.stderr)")
        #expect(!exists(repo, ".git/hooks/pre-commit"))

        try FileManager.default.createDirectory(at: repo.appendingPathComponent("Content"), withIntermediateDirectories: true)
        let empty = try TestSupport.run(["hook", "install", "--repository", repo.path])
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("site.yml"), "\(empty.stderr)")
        #expect(!exists(repo, ".git/hooks/pre-commit"))

        // A site in a subfolder: --content names it; the hook records it relative to the root.
        let site = try initSite()
        #expect(try git(site.deletingLastPathComponent(), ["init", "-q"]).status == 0)
        let wrong = try TestSupport.run(["hook", "install", "--repository", site.deletingLastPathComponent().path])
        #expect(wrong.status == 2)
        let right = try TestSupport.run(["hook", "install", "--repository", site.deletingLastPathComponent().path, "--content", "site/Content"])
        #expect(right.status == 0, "\(right.stderr)")
        #expect(try text(site.deletingLastPathComponent(), ".git/hooks/pre-commit").contains("content='site/Content'"))
    }

    @Test("the hook fails when the content folder is gone from the commit", .enabled(if: hasGit, "needs git"))
    func hookFailsWithoutContent() throws {
        let site = try initSite()
        let path = try binaryFolder() + ":/usr/bin:/bin"
        #expect(try git(site, ["init", "-q"]).status == 0)
        let installed = try TestSupport.run(["hook", "install"], environment: ["PATH": path], directory: site)
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(try git(site, ["add", "-A"], path: path).status == 0)
        let first = try git(site, ["commit", "-q", "-m", "site"], path: path)
        #expect(first.status == 0, "\(first.output)")

        #expect(try git(site, ["rm", "-r", "-q", "Content"], path: path).status == 0)
        let removed = try git(site, ["commit", "-q", "-m", "no content"], path: path)
        #expect(removed.status == 1, "\(removed.output)")
        #expect(removed.output.contains("checks the content folder 'Content'") && removed.output.contains("not in this commit"),
                "\(removed.output)")
    }

    @Test("the hook runs the dossier on the PATH at commit time, and fails when there is none",
          .enabled(if: hasGit, "needs git"))
    func hookUsesPath() throws {
        let site = try initSite()
        guard let executable = TestSupport.executable?.resolvingSymlinksInPath() else { throw TestError("no dossier executable") }
        // A `dossier` on the PATH that leaves a mark, then runs the built one.
        let bin = try TestSupport.temporaryFolder().appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let mark = bin.appendingPathComponent("ran")
        let wrapper = bin.appendingPathComponent("dossier")
        try Data("#!/bin/sh\necho ran >> '\(mark.path)'\nexec '\(executable.path)' \"$@\"\n".utf8).write(to: wrapper)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
        let path = bin.path + ":/usr/bin:/bin"

        #expect(try git(site, ["init", "-q"]).status == 0)
        let installed = try TestSupport.run(["hook", "install"], environment: ["PATH": path], directory: site)
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(installed.stdout.contains("PATH"), "\(installed.stdout)")
        let hook = try text(site, ".git/hooks/pre-commit")
        #expect(!hook.contains(executable.path) && !hook.contains(bin.path), "the hook has an absolute path baked in:\n\(hook)")

        #expect(try git(site, ["add", "-A"], path: path).status == 0)
        let committed = try git(site, ["commit", "-q", "-m", "site"], path: path)
        #expect(committed.status == 0, "\(committed.output)")
        #expect(exists(bin, "ran"), "the hook did not run the dossier on the PATH")

        // The built binary's own folder on the PATH works the same.
        try Data("---\ntitle: 第二篇\npermits: [algorithm-filing]\ndate: 2025-01-01\n---\n".utf8)
            .write(to: site.appendingPathComponent("Content/kb/second.md"))
        let own = try binaryFolder() + ":/usr/bin:/bin"
        #expect(try git(site, ["add", "-A"], path: own).status == 0)
        #expect(try git(site, ["commit", "-q", "-m", "second"], path: own).status == 0)

        // No dossier on the PATH: the commit fails and says how to get one.
        try Data("---\ntitle: 第三篇\npermits: [algorithm-filing]\ndate: 2025-01-01\n---\n".utf8)
            .write(to: site.appendingPathComponent("Content/kb/third.md"))
        #expect(try git(site, ["add", "-A"]).status == 0)
        let none = try git(site, ["commit", "-q", "-m", "third"])
        #expect(none.status == 1, "\(none.output)")
        #expect(none.output.contains("dossier is not on the PATH") && none.output.contains("swift build -c release"), "\(none.output)")

        // Installed where dossier is not on the PATH, the hook names the fallback it keeps, and says so.
        let pinned = try TestSupport.run(["hook", "install"], environment: ["PATH": "/usr/bin:/bin"], directory: site)
        #expect(pinned.status == 0, "\(pinned.stderr)")
        #expect(pinned.stdout.contains(executable.path) && pinned.stdout.contains("absolute path"), "\(pinned.stdout)")
        #expect(try text(site, ".git/hooks/pre-commit").contains(executable.path))
        #expect(try git(site, ["commit", "-q", "-m", "third"]).status == 0)
    }
}
