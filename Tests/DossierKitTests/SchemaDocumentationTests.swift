@testable import DossierKit
import Foundation
import Testing
import Yams

/// The declared schemas (Sources/DossierKit/Schema) are the one source of the content format: the
/// README's tables, the reading with positions and the page cache all come from them.
@Suite("SchemaDocumentation")
struct SchemaDocumentationTests {
    /// The lines of the README's "Content format" section (up to the next `## ` outside code).
    static func contentFormatSection() throws -> [String] {
        let readme = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        var lines: [String] = []
        var inSection = false
        var inCode = false
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") { inCode.toggle() }
            if !inCode && line.hasPrefix("## ") {
                if inSection { break }
                inSection = line == "## Content format"
                continue
            }
            if inSection { lines.append(line) }
        }
        return lines
    }

    /// Every `| key | required | meaning |` table of the section, as its text.
    static func readmeTables() throws -> [String] {
        var tables: [String] = []
        var current: [String] = []
        for line in try contentFormatSection() + [""] {
            if line.hasPrefix("|") {
                current.append(line)
            } else if !current.isEmpty {
                if current.first == "| key | required | meaning |" { tables.append(current.joined(separator: "\n")) }
                current = []
            }
        }
        return tables
    }

    @Test("the README's content-format tables are the declarations' (key, required, meaning), and nothing else")
    func readmeMatchesDeclarations() throws {
        let tables = try Self.readmeTables()
        let generated = SchemaDocumentation.declarations.map { ($0.name, SchemaDocumentation.table(for: $0.declaration)) }
        // Each comparison is made first, so that a failure shows the table to paste, not every table.
        for (name, table) in generated {
            let documented = tables.contains(table)
            #expect(documented, "README, Content format: the table for \(name) should read\n\(table)")
        }
        for table in tables {
            let declared = generated.contains { $0.1 == table }
            #expect(declared,
                    "README, Content format: a table no declaration makes:\n\(table)\nThe declarations make:\n\(SchemaDocumentation.allTables())")
        }
    }

    @Test("every declared key has a one-line meaning and is declared once per kind")
    func declarationsAreComplete() {
        for (name, declaration) in SchemaDocumentation.declarations {
            let names = declaration.keys.map(\.name)
            #expect(Set(names).count == names.count, "\(name) declares a key twice")
            for key in declaration.keys {
                #expect(!key.summary.isEmpty && !key.summary.contains("\n"), "\(name): '\(key.name)' needs a one-line meaning")
            }
        }
    }

    /// A made-up kind, read by the generic reader: what a new key gets without code of its own.
    static let sample = SchemaDeclaration([
        SchemaKey<String>.text("owner", required: true, "who").erased,
        SchemaKey<Int>.wholeNumber("hours", in: 0...10, "how long").erased,
        SchemaKey<[Located<String>]>.references("refs", "links").erased,
    ])

    static func read(_ yaml: String) throws -> (DeclaredValues, [Diagnostic]) {
        let node = try #require(try Yams.compose(yaml: yaml, .basic))
        var diagnostics: [Diagnostic] = []
        var fields = try #require(YAMLFields(node: node, path: "x.md", lineOffset: 1, fallback: .start, what: "front matter",
                                             diagnostics: &diagnostics))
        let values = SchemaReader(includeInternal: true).read(sample, from: &fields, diagnostics: &diagnostics)
        return (values, diagnostics + fields.diagnostics)
    }

    @Test("a declared key is read typed, with its position; problems and unknown keys are reported at theirs")
    func genericReading() throws {
        let (values, diagnostics) = try Self.read("owner: 王五\nhours: 12\nrefs: [a, b]\nownr: x\n")
        #expect(values[SchemaKey<String>.text("owner", "")] == "王五")
        #expect(values.valuePosition(SchemaKey<String>.text("owner", "")) == SourcePosition(line: 2, column: 8))
        #expect(values[SchemaKey<Int>.wholeNumber("hours", in: 0...10, "")] == nil)
        #expect(values[SchemaKey<[Located<String>]>.references("refs", "")]?.map(\.value) == ["a", "b"])
        #expect(diagnostics.map(\.description) == [
            "x.md:3:8: error: 'hours' must be a whole number from 0 to 10, found '12'",
            "x.md:5:1: warning: unknown key 'ownr' is ignored (did you mean 'owner'?)",
        ])
        let (_, missing) = try Self.read("hours: 3\n")
        #expect(missing.map(\.description) == ["x.md:2:1: error: front matter is missing the required key 'owner'"])
    }

    @Test("every declared value of the sample's pages reads back from the page cache as it was parsed")
    func valuesSurviveThePageCache() throws {
        let loaded = try ContentLoader().load(root: TestSupport.packageRoot.appendingPathComponent("Content").path)
        let parsed = ContentParser(includeInternal: true).parse(loaded.files)
        func bytes(_ value: some BinaryCodable) -> [UInt8] {
            var writer = BinaryWriter()
            writer.write(value)
            return writer.bytes
        }
        func roundTrip<T: BinaryCodable>(_ value: T) throws -> T {
            let encoded = bytes(value)
            return try encoded.withUnsafeBytes { buffer in
                var reader = BinaryReader(buffer)
                return try reader.read(T.self)
            }
        }
        #expect(!parsed.filings.isEmpty)
        for filing in parsed.filings {
            let back = try roundTrip(filing)
            #expect(bytes(back.values) == bytes(filing.values), "\(filing.id)")
            #expect(back.owner == filing.values[FilingSchema.owner] && back.timeline.count == filing.timeline.count)
            for key in FilingSchema.declaration.keys {
                #expect(back.values.entries.first { $0.name == key.name }.map { bytes($0.keyPosition) }
                        == filing.values.entries.first { $0.name == key.name }.map { bytes($0.keyPosition) })
            }
        }
        for article in parsed.articles {
            let back = try roundTrip(article)
            #expect(bytes(back.values) == bytes(article.values) && back.sources == article.sources, "\(article.id)")
        }
    }
}
