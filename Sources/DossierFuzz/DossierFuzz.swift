import CSystem
import DossierKit
import Foundation

// A libFuzzer target for the whole page path (see README, "Fuzzing"):
//   swift build --scratch-path .build-fuzz --product dossier-fuzz \
//     -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING
// Built without those flags it replays files instead: `swift run dossier-fuzz FILE_OR_FOLDER...`.
// Either way, `dossier-fuzz --leak-hunt [--seconds N] [--seed N]` hunts for leaks of internal
// sections instead (see `FuzzTarget.leakHunt`).

nonisolated(unsafe) private var fuzzTheme: Theme?? = nil

@_cdecl("LLVMFuzzerTestOneInput")
public func dossierFuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    if fuzzTheme == nil { fuzzTheme = .some(FuzzTarget.loadTheme()) }
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    FuzzTarget.run(data, theme: fuzzTheme ?? nil)
    return 0
}

#if FUZZING
/// SwiftPM links an executable's entry point under this name; hand over to libFuzzer's driver.
@_cdecl("DossierFuzz_main")
public func dossierFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    let strings = (0..<Int(argc)).compactMap { argv?[$0].map { String(cString: $0) } }
    if strings.contains("--leak-hunt") { return FuzzTarget.leakHunt(Array(strings.dropFirst())) }
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { bytes, size in dossierFuzzOneInput(bytes, size) }
}
#else
/// Replays inputs (crash reproducers, the corpus) through the same path as the fuzzer.
@main
struct FuzzReplay {
    static func main() {
        if CommandLine.arguments.contains("--leak-hunt") {
            exit(FuzzTarget.leakHunt(Array(CommandLine.arguments.dropFirst())))
        }
        let theme = FuzzTarget.loadTheme()
        var replayed = 0
        for path in CommandLine.arguments.dropFirst() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            let files = isDirectory.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 }
                : [path]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                FuzzTarget.run(data, theme: theme)
                replayed += 1
            }
        }
        print("replayed \(replayed) inputs without a crash")
    }
}
#endif
