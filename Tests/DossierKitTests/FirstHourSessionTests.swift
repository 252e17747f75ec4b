import Foundation
import Testing

/// A new user's first hour, scripted: the real binary, a site made by `dossier init` in a git
/// repository, the usual mistakes, a build and a brief that git does not see.
@Suite("A new user's first hour, scripted")
struct FirstHourSessionTests {
    static func git(_ arguments: [String], in folder: URL) throws -> String {
        let result = try TestSupport.run(["-c", "user.name=T", "-c", "user.email=t@example.com"] + arguments, directory: folder,
                                         executable: URL(fileURLWithPath: "/usr/bin/git"))
        #expect(result.status == 0, "git \(arguments): \(result.stderr)")
        return result.stdout
    }

    @Test("init, a refused new, six mistakes in one check, a build, a brief into Briefs/ that git status does not show",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "needs git"))
    func session() throws {
        let folder = try TestSupport.temporaryFolder()
        #expect(try TestSupport.run(["init", "site"], directory: folder).status == 0)
        let site = folder.appendingPathComponent("site")
        _ = try Self.git(["init", "-q"], in: site)

        // An unknown permit is refused, with the fix, and nothing is written.
        let refused = try TestSupport.run(["new", "filing", "x", "--permit", "algoritm-filing"], directory: site)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("did you mean 'algorithm-filing'?"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("Content/filings/x.md").path))

        // Six mistakes in one hand-written article: all of them in one check, each with its place.
        let mistakes = """
            ---
            title: 备案需要哪些材料？
            permits: [algorithm-filing]
            date: 2026/11/20
            region: 广东
            audience: pulbic
            summary: 材料清单。
            ---

            ## 材料清单

            见[说明](nothere.md)、[[first-question#没有这个标题]]和[[first-questoin]]。

            """
        let article = site.appendingPathComponent("Content/kb/materials.md")
        try Data(mistakes.utf8).write(to: article)
        let check = try TestSupport.run(["check", "--today", "2026-11-29"], directory: site)
        #expect(check.status == 1)
        let errors = check.stderr.split(separator: "\n").filter { $0.hasPrefix("Content/kb/materials.md:") }.map(String.init)
        #expect(errors == [
            "Content/kb/materials.md:4:7: error: 'date' is not a date: write it as YYYY-MM-DD: 2026-11-20 (found '2026/11/20')",
            "Content/kb/materials.md:5:9: error: region '广东' is written as an id: region: guangdong",
            "Content/kb/materials.md:6:11: error: 'audience' must be one of public, internal; found 'pulbic' (did you mean 'public'?)",
            "Content/kb/materials.md:12:2: error: broken link 'nothere.md': there is no page at kb/nothere.md",
            "Content/kb/materials.md:12:19: error: link [[first-question#没有这个标题]]: kb/first-question has no heading '#没有这个标题'",
            "Content/kb/materials.md:12:45: error: broken wiki link '[[first-questoin]]': no page has the id 'first-questoin' (did you mean 'first-question'?)",
        ], "\(check.stderr)")

        // Fixed, it builds; a brief goes into Briefs/, and git sees neither output nor caches.
        try Data(mistakes.replacingOccurrences(of: "2026/11/20", with: "2026-11-20").replacingOccurrences(of: "广东", with: "guangdong")
            .replacingOccurrences(of: "pulbic", with: "public").replacingOccurrences(of: "见[说明](nothere.md)、[[first-question#没有这个标题]]和[[first-questoin]]。", with: "见[[first-question]]。").utf8)
            .write(to: article)
        let build = try TestSupport.run(["build", "--today", "2026-11-29"], directory: site)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("Output/kb/materials/index.html").path))
        let brief = try TestSupport.run(["build", "--today", "2026-11-29", "--audience", "client", "--client", "example-client",
                                         "--output", "Briefs/example-client"], directory: site)
        #expect(brief.status == 0, "\(brief.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("Briefs/example-client/index.html").path))
        // init's sample article is internal: not in the brief.
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("Briefs/example-client/kb/first-question/index.html").path))
        let status = try Self.git(["status", "--porcelain", "--untracked-files=all"], in: site)
        let listed = status.split(separator: "\n").map { String($0.dropFirst(3)) }
        #expect(!listed.isEmpty && listed.contains("Content/kb/materials.md"))
        #expect(listed.filter { $0.hasPrefix("Output/") || $0.hasPrefix("Briefs/example-client") || $0.contains(".dossier-") } == [],
                "\(listed)")
    }
}
