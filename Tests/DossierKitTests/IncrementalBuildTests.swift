import DossierKit
import Foundation
import Testing

/// A rebuild into an existing output folder uses the cache beside it, rewrites only files whose
/// bytes change, and always ends with exactly what a clean build writes.
@Suite("Incremental builds")
struct IncrementalBuildTests {
    /// A private copy of the sample site and the themes, so the test can edit them.
    static func workspace() throws -> (content: URL, themes: URL, folder: URL) {
        let folder = try TestSupport.temporaryFolder()
        let fm = FileManager.default
        try fm.copyItem(at: TestSupport.packageRoot.appendingPathComponent("Content"), to: folder.appendingPathComponent("Content"))
        try fm.copyItem(at: TestSupport.packageRoot.appendingPathComponent("Themes"), to: folder.appendingPathComponent("Themes"))
        return (folder.appendingPathComponent("Content"), folder.appendingPathComponent("Themes"), folder)
    }

    static func options(_ content: URL, _ themes: URL, _ output: URL) -> BuildOptions {
        var options = TestSupport.options(content: content.path, output: output.path, today: "2026-11-29")
        options.themesDirectory = themes.path
        return options
    }

    static func modificationTimes(_ root: URL) -> [String: Date] {
        var result: [String: Date] = [:]
        for (path, _) in (try? TestSupport.tree(root)) ?? [:] {
            let attributes = try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path)
            result[path] = attributes?[.modificationDate] as? Date
        }
        return result
    }

    static func edit(_ file: URL, _ change: (String) -> String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the edit of \(file.lastPathComponent) changed nothing")
        try Data(changed.utf8).write(to: file)
    }

    @Test("after each kind of edit, the incremental build is byte-identical to a clean build, and unchanged files keep their times")
    func incrementalEqualsFull() throws {
        let (content, themes, folder) = try Self.workspace()
        let output = folder.appendingPathComponent("Output")
        let first = try Pipeline().run(Self.options(content, themes, output), write: true)
        #expect(first.wrote && !first.hasErrors)
        #expect(first.cacheNote == BuildCache.Rejection.missing.description)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".Output.dossier-cache").path))

        // Nothing changed: the build sees it after reading the content, and stops there.
        let again = try Pipeline().run(Self.options(content, themes, output), write: true)
        #expect(again.upToDate)
        #expect(again.written == 0 && again.removed == 0)
        #expect(again.pageCount == first.pageCount && again.reusedPages == again.pageCount)
        #expect(again.diagnostics == first.diagnostics)
        #expect(again.timings.map(\.stage) == ["load"])

        let kb = content.appendingPathComponent("kb")
        let edits: [(String, () throws -> Void)] = [
            ("an article's body", {
                try Self.edit(kb.appendingPathComponent("supplement-period.md")) { $0 + "\n补充一段：审核员要求逐条对应修改说明。\n" }
            }),
            ("an article's title", {
                try Self.edit(kb.appendingPathComponent("algorithm-filing-who-must-file.md")) {
                    $0.replacingOccurrences(of: "\ntitle: \"", with: "\ntitle: \"（修订）")
                }
            }),
            ("a permit's name", {
                try Self.edit(content.appendingPathComponent("permits/algorithm-filing.md")) {
                    $0.replacingOccurrences(of: "name: 互联网算法备案", with: "name: 算法备案（互联网信息服务）")
                }
            }),
            ("a template", {
                try Self.edit(themes.appendingPathComponent("default/templates/article.mustache")) { "<p class=\"edited\">修订版</p>\n" + $0 }
            }),
            ("an interface string", {
                try Self.edit(themes.appendingPathComponent("default/i18n/zh-CN.yml")) {
                    $0.replacingOccurrences(of: "\n\"kb\": \"知识库\"", with: "\n\"kb\": \"知识库（新）\"")
                }
            }),
            ("a holiday calendar", {
                try Self.edit(content.appendingPathComponent("calendar/2026.yml")) {
                    $0.replacingOccurrences(of: "holidays: [2026-01-01,", with: "holidays: [2026-01-01, 2026-05-18, 2026-05-19, 2026-05-20,")
                }
            }),
            ("a heading a filing's note links to", {
                // The note shows the heading's text as the link's title; the anchor (punctuation
                // dropped) stays, so the link still holds.
                try Self.edit(kb.appendingPathComponent("supplement-period.md")) {
                    $0.replacingOccurrences(of: "## 受理后要求补充材料，期限会暂停吗？", with: "## 受理后要求补充材料：期限会暂停吗？！")
                }
            }),
            ("a link added to a body (a backlink on its target)", {
                try Self.edit(kb.appendingPathComponent("auction-license-fees.md")) { $0 + "\n另见 [[algorithm-model-info]]。\n" }
            }),
            ("a timeline entry", {
                try Self.edit(content.appendingPathComponent("filings/hanhai-culture-license.md")) {
                    $0.replacingOccurrences(of: "审核老师电话询问虚拟偶像演出", with: "审核老师来电询问虚拟偶像演出")
                }
            }),
            ("the site's settings", {
                try Self.edit(content.appendingPathComponent("site.yml")) {
                    $0.replacingOccurrences(of: "title: 合规申报知识库", with: "title: 合规申报知识库（内部）")
                }
            }),
            ("an attachment added to a folder dossier", {
                try Data("补充说明\n".utf8).write(to: content.appendingPathComponent("filings/xingyun-algorithm/supplement-notes.txt"))
            }),
            ("a new article", {
                try Data("---\ntitle: 新增文章\npermits: [algorithm-filing]\ndate: 2026-05-01\ntags: [新增]\n---\n## 新问题\n\n正文。[[supplement-period]]\n".utf8)
                    .write(to: kb.appendingPathComponent("added-article.md"))
            }),
            ("a deleted article", {
                try FileManager.default.removeItem(at: kb.appendingPathComponent("added-article.md"))
            }),
        ]
        for (index, (name, apply)) in edits.enumerated() {
            let before = try TestSupport.tree(output)
            let timesBefore = Self.modificationTimes(output)
            // File times have a resolution; make sure a rewrite would show.
            Thread.sleep(forTimeInterval: 0.02)
            try apply()
            let report = try Pipeline().run(Self.options(content, themes, output), write: true)
            #expect(report.wrote && !report.hasErrors, "\(name): \(report.diagnostics)")
            #expect(!report.upToDate, "\(name): taken for a build with nothing to do")
            #expect(report.cacheNote == nil, "\(name): the cache was not used")
            let clean = folder.appendingPathComponent("Clean\(index)")
            let full = try Pipeline().run(Self.options(content, themes, clean), write: true)
            #expect(full.wrote)
            let incremental = try TestSupport.tree(output)
            let reference = try TestSupport.tree(clean)
            #expect(incremental.keys.sorted() == reference.keys.sorted(), "\(name): different files")
            let differing = reference.keys.filter { incremental[$0] != reference[$0] }.sorted()
            #expect(differing.isEmpty, "\(name): \(differing.prefix(5)) differ from a clean build")
            let showed = incremental != before
            #expect(showed, "\(name): the edit did not show in the output")

            // Exactly the files reported as written have new times; all others kept theirs.
            let timesAfter = Self.modificationTimes(output)
            let touched = timesAfter.filter { path, time in timesBefore[path] != time }.count
            #expect(touched == report.written, "\(name): \(touched) files have new times, \(report.written) reported written")
            let changedBytes = incremental.filter { before[$0.key] != $0.value }.count
            #expect(report.written == changedBytes, "\(name): wrote \(report.written) files, \(changedBytes) changed")
        }
    }

    @Test("editing one article's body rewrites a handful of files and renders only that page")
    func bodyEditIsSmall() throws {
        let (content, themes, folder) = try Self.workspace()
        let output = folder.appendingPathComponent("Output")
        _ = try Pipeline().run(Self.options(content, themes, output), write: true)
        try Self.edit(content.appendingPathComponent("kb/supplement-period.md")) { $0 + "\n新增的一段说明。\n" }
        let report = try Pipeline().run(Self.options(content, themes, output), write: true)
        #expect(report.written >= 1 && report.written <= 12, "\(report.written) files written")
        // Only the edited page is rendered: no other page shows its body.
        #expect(report.reusedPages == report.pageCount - 1, "\(report.reusedPages) of \(report.pageCount) pages reused")
        let page = try String(contentsOf: output.appendingPathComponent("kb/supplement-period/index.html"), encoding: .utf8)
        #expect(page.contains("新增的一段说明。"))
    }

    @Test("a damaged, foreign or out-of-date cache is ignored, and files changed by hand are put right")
    func untrustedCache() throws {
        let (content, themes, folder) = try Self.workspace()
        let output = folder.appendingPathComponent("Output")
        let cache = folder.appendingPathComponent(".Output.dossier-cache")
        _ = try Pipeline().run(Self.options(content, themes, output), write: true)
        let reference = try TestSupport.tree(output)

        // Damaged: one byte of the payload changed (the checksum no longer matches).
        var bytes = try Data(contentsOf: cache)
        bytes[bytes.count - 5] ^= 0x20
        try bytes.write(to: cache)
        let damaged = try Pipeline().run(Self.options(content, themes, output), write: true)
        #expect(damaged.cacheNote == BuildCache.Rejection.corrupt.description)
        #expect(damaged.reusedPages == 0)
        #expect(try TestSupport.tree(output) == reference)

        // Garbage and an empty file.
        for junk in [Data("not a cache".utf8), Data()] {
            try junk.write(to: cache)
            let report = try Pipeline().run(Self.options(content, themes, output), write: true)
            #expect(report.cacheNote == BuildCache.Rejection.corrupt.description)
            #expect(try TestSupport.tree(output) == reference)
        }

        // Out of date: made for another audience.
        var publicOptions = Self.options(content, themes, output)
        publicOptions.audience = .public
        _ = try Pipeline().run(publicOptions, write: true)
        let back = try Pipeline().run(Self.options(content, themes, output), write: true)
        #expect(back.cacheNote == BuildCache.Rejection.stale.description)
        #expect(try TestSupport.tree(output) == reference)

        // A page edited by hand in the output (same size, so only its time tells) is rewritten,
        // and so is one whose time was put back: the cache's record no longer matches both.
        let page = output.appendingPathComponent("kb/supplement-period/index.html")
        var html = try Data(contentsOf: page)
        html[html.count - 10] = UInt8(ascii: "X")
        try html.write(to: page)
        let repaired = try Pipeline().run(Self.options(content, themes, output), write: true)
        #expect(repaired.cacheNote == nil)
        #expect(repaired.written == 1)
        #expect(try TestSupport.tree(output) == reference)

        // A deleted page comes back.
        try FileManager.default.removeItem(at: page)
        let restored = try Pipeline().run(Self.options(content, themes, output), write: true)
        #expect(restored.written == 1)
        #expect(try TestSupport.tree(output) == reference)

        // Deleting the cache is safe: the next build compares every file and writes none.
        try FileManager.default.removeItem(at: cache)
        let fresh = try Pipeline().run(Self.options(content, themes, output), write: true)
        #expect(fresh.written == 0 && fresh.reusedPages == 0)
        #expect(try TestSupport.tree(output) == reference)
    }

    @Test("the page caches: unchanged files are read back, not parsed; damaged or missing shards are ignored")
    func pageCaches() throws {
        let (content, themes, folder) = try Self.workspace()
        let output = folder.appendingPathComponent("Output")
        let shards = folder.appendingPathComponent(".Output.dossier-pages")
        let first = try Pipeline().run(Self.options(content, themes, output), write: true)
        #expect(first.parsedFromCache == 0)
        let pageFiles = try FileManager.default.subpathsOfDirectory(atPath: content.path)
            .filter { path in path.hasSuffix(".md") && ["kb/", "filings/", "permits/", "clients/"].contains { path.hasPrefix($0) } }
        #expect(pageFiles.count > 50)

        var round = 0
        func editAndCompare(_ what: String) throws -> BuildReport {
            round += 1
            try Self.edit(content.appendingPathComponent("kb/reviewer-memo.md")) { $0 + "\n第\(round)次补充。\n" }
            let report = try Pipeline().run(Self.options(content, themes, output), write: true)
            #expect(report.wrote && !report.hasErrors, "\(what)")
            let clean = folder.appendingPathComponent("Clean\(round)")
            _ = try Pipeline().run(Self.options(content, themes, clean), write: true)
            #expect(try TestSupport.tree(output) == TestSupport.tree(clean), "\(what): differs from a clean build")
            return report
        }

        let edited = try editAndCompare("one body edited")
        #expect(edited.parsedFromCache == pageFiles.count - 1)

        // One shard with a byte of its payload changed, one cut short, one replaced by junk; the
        // search shards all junk.
        let names = try FileManager.default.contentsOfDirectory(atPath: shards.path)
        let parsedShards = names.filter { $0.hasPrefix("parsed-") }.sorted()
        #expect(parsedShards.count == 32 && names.filter { $0.hasPrefix("search-") }.count == 32)
        var flipped = try Data(contentsOf: shards.appendingPathComponent(parsedShards[0]))
        flipped[flipped.count - 3] ^= 0x01
        try flipped.write(to: shards.appendingPathComponent(parsedShards[0]))
        let cut = try Data(contentsOf: shards.appendingPathComponent(parsedShards[1]))
        try cut.prefix(cut.count / 2).write(to: shards.appendingPathComponent(parsedShards[1]))
        try Data("PARSED 2 0000\njunk".utf8).write(to: shards.appendingPathComponent(parsedShards[2]))
        for name in names where name.hasPrefix("search-") {
            try Data("not a shard".utf8).write(to: shards.appendingPathComponent(name))
        }
        let damaged = try editAndCompare("damaged shards")
        #expect(damaged.parsedFromCache < pageFiles.count - 1 && damaged.parsedFromCache > pageFiles.count / 2)

        // The damaged shards were written again.
        let repaired = try editAndCompare("after repair")
        #expect(repaired.parsedFromCache == pageFiles.count - 1)

        // No shards at all.
        try FileManager.default.removeItem(at: shards)
        let none = try editAndCompare("no shards")
        #expect(none.parsedFromCache == 0)
    }

    @Test("a page nested as deeply as the parser allows is read back from the page cache as it was parsed")
    func deepPageFromCache() throws {
        let (content, themes, folder) = try Self.workspace()
        let output = folder.appendingPathComponent("Output")
        // 150 levels of quotes and lists: the parser keeps 100 and flattens the rest.
        let deep = (0..<150).map { String(repeating: "> ", count: $0) + "- 第\($0)层" }.joined(separator: "\n")
        try Data("---\ntitle: 深层嵌套\npermits: [algorithm-filing]\ndate: 2026-01-01\n---\n\(deep)\n".utf8).write(to: content.appendingPathComponent("kb/deep.md"))
        let first = try Pipeline().run(Self.options(content, themes, output), write: true)
        #expect(first.wrote, "\(first.diagnostics)")
        // A title edit elsewhere renders every page again, the deep one from its cached tree.
        try Self.edit(content.appendingPathComponent("kb/reviewer-memo.md")) {
            $0.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: （新）")
        }
        let report = try Pipeline().run(Self.options(content, themes, output), write: true)
        #expect(report.parsedFromCache > 50 && report.reusedPages == 0)
        let clean = folder.appendingPathComponent("Clean")
        _ = try Pipeline().run(Self.options(content, themes, clean), write: true)
        #expect(try TestSupport.tree(output) == TestSupport.tree(clean))
        let page = try String(contentsOf: output.appendingPathComponent("kb/deep/index.html"), encoding: .utf8)
        #expect(page.contains("第99层") && page.contains("第149层"))
    }

    @Test("the progress line is drawn on a terminal only: none in a pipe")
    func noProgressInPipe() throws {
        let folder = try TestSupport.temporaryFolder()
        let result = try TestSupport.run(["build", "--content", TestSupport.fixture("good"), "--themes", TestSupport.themes,
                                          "--output", folder.appendingPathComponent("Out").path])
        #expect(result.status == 0)
        #expect(!result.stderr.contains("\r"))
        #expect(!result.stderr.contains("\u{1B}["))
    }
}

extension IncrementalBuildTests {
    @Test("on a terminal, a progress line is drawn in place and erased before the summary")
    func progressOnTerminal() throws {
        // `script` (util-linux, always on Debian) runs the build on a pseudo-terminal.
        guard let executable = TestSupport.executable else { throw TestError("no dossier executable") }
        let folder = try TestSupport.temporaryFolder()
        let command = [executable.path, "build", "--content", TestSupport.packageRoot.appendingPathComponent("Content").path,
                       "--themes", TestSupport.themes, "--output", folder.appendingPathComponent("Out").path]
            .map { "'\($0)'" }.joined(separator: " ")
        let result = try TestSupport.run(["-qec", command, "/dev/null"], executable: URL(fileURLWithPath: "/usr/bin/script"))
        #expect(result.status == 0)
        #expect(result.stdout.contains("\r\u{1B}[Krender "), "\(result.stdout.debugDescription.prefix(300))")
        #expect(result.stdout.contains("pages (100%)"))
        #expect(result.stdout.contains("\r\u{1B}[Kparse "))
        #expect(result.stdout.contains("files (100%)"))
        #expect(result.stdout.contains("\r\u{1B}[KBuilt "))
    }
}

extension IncrementalBuildTests {
    @Test("what a killed build left beside the output goes, even when the next build has nothing to write")
    func leftoversRemoved() throws {
        let folder = try TestSupport.temporaryFolder()
        let output = folder.appendingPathComponent("Output")
        let options = TestSupport.options(content: TestSupport.fixture("good"), output: output.path)
        _ = try Pipeline().run(options, write: true)
        let staging = folder.appendingPathComponent(".Output.staging-99999")
        try FileManager.default.createDirectory(at: staging.appendingPathComponent("kb"), withIntermediateDirectories: true)
        try Data("half".utf8).write(to: staging.appendingPathComponent("kb/index.html"))
        try Data("half".utf8).write(to: folder.appendingPathComponent(".Output.dossier-cache.tmp-99999"))
        let pages = folder.appendingPathComponent(".Output.dossier-pages")
        let shards = try FileManager.default.contentsOfDirectory(atPath: pages.path).sorted()
        try Data("half".utf8).write(to: pages.appendingPathComponent("parsed-3.tmp-99999"))
        // A temporary file of an in-place update that was killed before its rename.
        try Data("half".utf8).write(to: output.appendingPathComponent("index.html.dossier-new-99999"))
        let report = try Pipeline().run(options, write: true)
        #expect(report.written == 0)
        let beside = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(beside == [".Output.dossier-cache", ".Output.dossier-pages", "Output"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: pages.path).sorted() == shards)
        #expect(shards.contains("parsed-0") && shards.contains("search-0"))
        // Inside the output, a build with a cache trusts its list of what it wrote. A build killed
        // while writing leaves no cache (it is deleted before the output is touched), and a build
        // without one looks at every file and removes what is not part of the site.
        try FileManager.default.removeItem(at: folder.appendingPathComponent(".Output.dossier-cache"))
        _ = try Pipeline().run(options, write: true)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html.dossier-new-99999").path))
    }
}

extension IncrementalBuildTests {
    @Test("a build with nothing to do stops after reading; a new date, a theme asset or a file changed by hand make it build")
    func upToDate() throws {
        let (content, themes, folder) = try Self.workspace()
        let output = folder.appendingPathComponent("Output")
        // A warning, to see it reported again by a build that does nothing.
        try Data("---\ntitle: 警告\npermits: [algorithm-filing]\ndate: 2026-05-01\nunknown_key: 1\n---\n正文。\n".utf8)
            .write(to: content.appendingPathComponent("kb/with-warning.md"))
        let first = try Pipeline().run(Self.options(content, themes, output), write: true)
        #expect(first.diagnostics.contains { $0.message.contains("unknown_key") })
        let same = try Pipeline().run(Self.options(content, themes, output), write: true)
        #expect(same.upToDate)
        #expect(same.diagnostics == first.diagnostics)

        // Another date: pages showing it change.
        var later = Self.options(content, themes, output)
        later.today = Day("2026-11-30") ?? later.today
        let dated = try Pipeline().run(later, write: true)
        #expect(!dated.upToDate && dated.written > 0)

        // A theme asset (not a template or string): the copy in the output follows.
        let css = themes.appendingPathComponent("default/assets/style.css")
        try Data((try String(contentsOf: css, encoding: .utf8) + "\n/* changed */\n").utf8).write(to: css)
        let styled = try Pipeline().run(later, write: true)
        #expect(!styled.upToDate && styled.written == 1)
        let copied = try String(contentsOf: output.appendingPathComponent("_theme/style.css"), encoding: .utf8)
        #expect(copied.hasSuffix("/* changed */\n"))

        // A file of the output changed by hand is put back.
        let page = output.appendingPathComponent("kb/with-warning/index.html")
        let original = try Data(contentsOf: page)
        try Data("damaged".utf8).write(to: page)
        let repaired = try Pipeline().run(later, write: true)
        #expect(!repaired.upToDate && repaired.written == 1)
        #expect(try Data(contentsOf: page) == original)
        #expect(try Pipeline().run(later, write: true).upToDate)
    }
}

extension IncrementalBuildTests {
    @Test("dossier serve's parse memo: a rebuild parses only the changed file, and builds what a clean build does")
    func parseMemo() throws {
        let (content, themes, folder) = try Self.workspace()
        let output = folder.appendingPathComponent("Output")
        var pipeline = Pipeline()
        pipeline.parseMemo = ParseMemo()
        _ = try pipeline.run(Self.options(content, themes, output), write: true)
        #expect(pipeline.parseMemo?.lastHits == 0)
        let pages = try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("kb").path).count
            + FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("permits").path).count

        try Self.edit(content.appendingPathComponent("kb/supplement-period.md")) { $0 + "\n记忆测试的一段。\n" }
        try FileManager.default.removeItem(at: content.appendingPathComponent("kb/drug-info-credit-repair.md"))
        let report = try pipeline.run(Self.options(content, themes, output), write: true)
        #expect(!report.hasErrors)
        let hits = pipeline.parseMemo?.lastHits ?? 0
        // Every Markdown page but the edited one (and the deleted one) came from the memo.
        #expect(hits >= pages - 2 && hits > 50, "\(hits) of about \(pages)")
        let clean = folder.appendingPathComponent("Clean")
        _ = try Pipeline().run(Self.options(content, themes, clean), write: true)
        #expect(try TestSupport.tree(output) == TestSupport.tree(clean))

        // Another audience parses afresh (internal sections are cut while parsing).
        var publicOptions = Self.options(content, themes, folder.appendingPathComponent("Public"))
        publicOptions.audience = .public
        _ = try pipeline.run(publicOptions, write: true)
        #expect(pipeline.parseMemo?.lastHits == 0)
    }
}
