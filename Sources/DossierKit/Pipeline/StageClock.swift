import Foundation

/// The seconds each stage took, in pipeline order, for `--timings`.
struct StageClock {
    private(set) var timings: [(stage: String, seconds: Double)] = []
    private var last = DispatchTime.now().uptimeNanoseconds

    /// Ends stage `stage` now; the next one starts.
    mutating func lap(_ stage: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        timings.append((stage, Double(now - last) / 1e9))
        last = now
    }
}
