import Foundation

/// Builds `LeakHunt` documents into a copy of a small site, for the internal wiki, a client's
/// brief and the public site, and checks the property:
///
/// - the internal wiki builds and shows every marker (so the check cannot pass vacuously);
/// - a brief or the public site either fails with an error and writes nothing, or builds and no
///   marker is in any byte of the output folder or beside it (caches), in any escaped form.
///
/// Each document becomes a public article (`kb/<id>.md`), the body of one of the client's filings
/// (`filings/<id>.md`) and the note of a timeline entry of another (`filings/<id>-note.md`).
public struct LeakHuntRun: Sendable {
    public struct Finding: Sendable, CustomStringConvertible {
        public enum Kind: String, Sendable {
            case leak = "LEAK"
            case wroteDespiteError = "an error, but a file in or beside the output folder was written"
            case notShown = "not in the internal wiki (the generator is not testing what it claims)"
            case internalRejected = "the internal wiki did not build"
            case wellFormedRejected = "a well-formed section was refused with an error (not a leak)"
        }

        public var kind: Kind
        public var audience: String
        public var document: LeakHunt.Document
        /// The case the finding is about, when known.
        public var caseIndex: Int?
        public var detail: String
        /// The document was cut down to the one case and still shows the finding.
        public var minimal = false

        public var description: String {
            var text = "\(kind.rawValue) [\(audience)] \(detail)\n"
            if let caseIndex, document.cases.indices.contains(caseIndex) {
                let item = document.cases[caseIndex]
                text += "  case: \(item.kind)\n  its lines:\n" + item.lines.map { "    | " + $0 }.joined(separator: "\n") + "\n"
            }
            let endings = ["\r\n": " (written with CRLF line endings)", "\r": " (written with CR line endings)"][document.lineEnding] ?? ""
            text += "  \(minimal ? "minimal document (reproduces alone)" : "document") \(document.id)\(endings):\n"
            text += document.markdown.split(separator: "\n", omittingEmptySubsequences: false).map { "    | " + $0 }
                .joined(separator: "\n")
            return text
        }
    }

    public struct Outcome: Sendable {
        public var findings: [Finding] = []
        public var documents = 0
        public var builds = 0
        /// Brief and public builds that wrote a site (and were searched).
        public var searched = 0
        /// (document, audience) pairs searched in a written brief or public site.
        public var documentsSearched = 0
        /// (document, audience) pairs refused with an error, writing nothing.
        public var refused = 0
        /// Time spent in `Pipeline.run` and in searching the output.
        public var buildSeconds = 0.0
        public var searchSeconds = 0.0

        public init() {}

        public mutating func add(_ other: Outcome) {
            findings += other.findings
            documents += other.documents
            builds += other.builds
            searched += other.searched
            documentsSearched += other.documentsSearched
            refused += other.refused
            buildSeconds += other.buildSeconds
            searchSeconds += other.searchSeconds
        }
    }

    /// The site the documents are added to (copied, never changed).
    public var fixture: String
    public var themes: String
    public var client: String
    public var today: Day
    /// Where temporary sites are made.
    public var scratch: URL
    /// Cut a leaking document down to the case that leaks (a few extra builds per finding).
    public var minimize = true
    /// At most this many minimizations per `check`.
    public var minimizeLimit = 4

    public init(fixture: String, themes: String, client: String = "aurora", today: Day = Day("2025-06-01") ?? Day(ordinal: 0),
                scratch: URL = FileManager.default.temporaryDirectory) {
        self.fixture = fixture
        self.themes = themes
        self.client = client
        self.today = today
        self.scratch = scratch
    }

    /// Builds the documents together into one site (see the type's description). `rawHTML` sets
    /// `unsafe_html`; `sameFolder` builds the brief and the public site into the folder the internal
    /// wiki was built in (as a careless user would), instead of fresh ones. When a restricted build
    /// of several documents is refused, each half is built on its own for that audience (down to
    /// single documents), so every document is checked.
    public func check(_ documents: [LeakHunt.Document], rawHTML: Bool, sameFolder: Bool) throws -> Outcome {
        try check(documents, rawHTML: rawHTML, sameFolder: sameFolder, audiences: [.client(client), .public], internalToo: true,
                  minimizations: minimize ? minimizeLimit : 0)
    }

    func check(_ documents: [LeakHunt.Document], rawHTML: Bool, sameFolder: Bool, audiences: [Audience], internalToo: Bool,
               minimizations: Int) throws -> Outcome {
        var outcome = Outcome()
        outcome.documents = documents.count
        let fm = FileManager.default
        let root = scratch.appendingPathComponent("dossier-leak-hunt-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        try fm.copyItem(at: URL(fileURLWithPath: fixture), to: content)
        try write(documents, rawHTML: rawHTML, to: content)

        func options(_ audience: Audience, _ folder: URL) -> BuildOptions {
            var options = BuildOptions(today: today)
            options.contentDirectory = content.path
            options.outputDirectory = folder.appendingPathComponent("Output").path
            options.themesDirectory = themes
            options.audience = audience
            options.force = sameFolder
            return options
        }
        func owner(_ diagnostic: Diagnostic) -> Int? {
            documents.firstIndex { doc in
                ["kb/\(doc.id).md", "filings/\(doc.id).md", "filings/\(doc.id)-note.md"].contains { diagnostic.path.hasSuffix($0) }
            }
        }

        let internalFolder = root.appendingPathComponent("internal")
        try fm.createDirectory(at: internalFolder, withIntermediateDirectories: true)
        if internalToo {
            var clock = Date()
            let report = try Pipeline().run(options(.internal, internalFolder), write: true)
            outcome.builds += 1
            outcome.buildSeconds += Date().timeIntervalSince(clock)
            clock = Date()
            let errors = report.diagnostics.filter { $0.severity == .error }
            if !errors.isEmpty {
                for (index, document) in documents.enumerated() {
                    let own = errors.filter { owner($0) == index || owner($0) == nil }
                    if !own.isEmpty {
                        outcome.findings.append(Finding(kind: .internalRejected, audience: "internal", document: document,
                                                        detail: own.map(\.description).joined(separator: "; ")))
                    }
                }
                return outcome
            }
            let tree = LeakScan.tree(internalFolder.appendingPathComponent("Output"))
            for document in documents {
                for page in ["kb/\(document.id)/index.html", "filings/\(document.id)/index.html",
                             "filings/\(document.id)-note/index.html"] {
                    guard let data = tree[page] else {
                        outcome.findings.append(Finding(kind: .notShown, audience: "internal", document: document,
                                                        detail: "no page \(page)"))
                        continue
                    }
                    let shown = document.shown(rawHTML: rawHTML)
                    let found = Set(LeakScan.leaks([page: data], shown).map { String($0.prefix { $0 != " " }) })
                    for (index, item) in document.cases.enumerated() {
                        let missing = (item.shown + (rawHTML ? item.shownWithRawHTML : [])).filter { !found.contains($0) }
                        if !missing.isEmpty {
                            outcome.findings.append(Finding(kind: .notShown, audience: "internal", document: document, caseIndex: index,
                                                            detail: "\(missing.joined(separator: ", ")) not in \(page)"))
                        }
                    }
                }
            }
            outcome.searchSeconds += Date().timeIntervalSince(clock)
        }

        var markerOwner: [String: (document: Int, case: Int)] = [:]
        for (index, document) in documents.enumerated() {
            for (caseIndex, item) in document.cases.enumerated() {
                for marker in item.markers { markerOwner[marker] = (index, caseIndex) }
            }
        }
        let allMarkers = documents.flatMap(\.markers)
        var minimizations = minimizations
        for audience in audiences {
            let label = audience.clientID.map { "client \($0)" } ?? audience.name
            let folder = sameFolder ? internalFolder : root.appendingPathComponent(audience.name)
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            let before = LeakScan.tree(folder)
            var clock = Date()
            let report = try Pipeline().run(options(audience, folder), write: true)
            outcome.builds += 1
            outcome.buildSeconds += Date().timeIntervalSince(clock)
            clock = Date()
            let after = LeakScan.tree(folder)
            outcome.searchSeconds += Date().timeIntervalSince(clock)
            if report.hasErrors {
                // Nothing written; removing a cache is allowed (a brief removes the wiki's page cache).
                let changed = after.keys.filter { after[$0] != before[$0] }
                if !changed.isEmpty {
                    for document in documents {
                        outcome.findings.append(Finding(kind: .wroteDespiteError, audience: label, document: document,
                                                        detail: "changed: " + changed.sorted().prefix(5).joined(separator: ", ")))
                    }
                }
                if documents.count == 1 {
                    outcome.refused += 1
                    let errors = report.diagnostics.filter { $0.severity == .error }
                    if documents[0].wellFormed {
                        outcome.findings.append(Finding(kind: .wellFormedRejected, audience: label, document: documents[0],
                                                        detail: errors.map(\.description).joined(separator: "; ")))
                    }
                } else {
                    // Check each half on its own (down to single documents), so one refused
                    // document does not hide the others; misuses (most of them refused) one by one.
                    let middle = documents.count / 2
                    let parts = documents.contains(where: \.wellFormed)
                        ? [Array(documents[..<middle]), Array(documents[middle...])] : documents.map { [$0] }
                    for half in parts {
                        var part = try check(half, rawHTML: rawHTML, sameFolder: false, audiences: [audience],
                                             internalToo: false, minimizations: minimizations)
                        part.documents = 0
                        minimizations -= part.findings.filter(\.minimal).count
                        outcome.add(part)
                    }
                }
                continue
            }
            outcome.searched += 1
            outcome.documentsSearched += documents.count
            var seen: Set<String> = []
            clock = Date()
            let hits = LeakScan.leaks(after, allMarkers)
            outcome.searchSeconds += Date().timeIntervalSince(clock)
            for hit in hits {
                let marker = String(hit.prefix { $0 != " " })
                guard let (index, caseIndex) = markerOwner[marker] else { continue }
                var finding = Finding(kind: .leak, audience: label, document: documents[index], caseIndex: caseIndex, detail: hit)
                let key = "\(index)/\(caseIndex)"
                if minimizations > 0, documents.count > 1 || documents[index].cases.count > 1, !seen.contains(key) {
                    minimizations -= 1
                    let small = documents[index].only(caseIndex)
                    let again = try check([small], rawHTML: rawHTML, sameFolder: false, audiences: [audience], internalToo: false,
                                          minimizations: 0)
                    outcome.builds += again.builds
                    outcome.buildSeconds += again.buildSeconds
                    outcome.searchSeconds += again.searchSeconds
                    if let leak = again.findings.first(where: { $0.kind == .leak }) {
                        finding = leak
                        finding.caseIndex = 0
                        finding.minimal = true
                    }
                }
                seen.insert(key)
                outcome.findings.append(finding)
            }
        }
        return outcome
    }

    /// Writes each document as an article, a filing's body and a timeline entry's note.
    func write(_ documents: [LeakHunt.Document], rawHTML: Bool, to content: URL) throws {
        let fm = FileManager.default
        if rawHTML {
            let settings = content.appendingPathComponent("site.yml")
            var text = (try? String(contentsOf: settings, encoding: .utf8)) ?? ""
            if !text.hasSuffix("\n") { text += "\n" }
            try Data((text + "unsafe_html: true\n").utf8).write(to: settings)
        }
        for folder in ["kb", "filings"] {
            try fm.createDirectory(at: content.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for (index, document) in documents.enumerated() {
            let markdown = document.markdown
            let day = "2025-03-\(String(format: "%02d", 1 + index % 28))"
            let summary = index % 2 == 0 ? "summary: Public summary \(index).\n" : ""
            let article = "---\ntitle: Hunt article \(index)\npermits: [alpha]\ndate: \(day)\ntags: [hunt, 公开标签]\n\(summary)---\n\n"
                + markdown
            try Data(document.withLineEndings(article).utf8).write(to: content.appendingPathComponent("kb/\(document.id).md"))
            let filing = "---\ntitle: Hunt filing \(index)\nclient: \(client)\npermit: alpha\nstatus: under_review\n"
                + "timeline:\n  - date: \(day)\n    type: submitted\n    from: us\n    summary: Submitted.\n---\n\n" + markdown
            try Data(document.withLineEndings(filing).utf8).write(to: content.appendingPathComponent("filings/\(document.id).md"))
            let note = markdown.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "      " + $0 }.joined(separator: "\n")
            let noted = "---\ntitle: Hunt note \(index)\nclient: \(client)\npermit: alpha\nstatus: under_review\n"
                + "timeline:\n  - date: \(day)\n    type: submitted\n    from: us\n    summary: Submitted.\n"
                + "  - date: \(day)\n    type: note\n    summary: A note.\n    note: |\n" + note + "\n---\n\nThe note is in the timeline.\n"
            try Data(document.withLineEndings(noted).utf8).write(to: content.appendingPathComponent("filings/\(document.id)-note.md"))
        }
    }
}
