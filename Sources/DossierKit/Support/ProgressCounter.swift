import Foundation

/// Counts finished items across threads and tells `report` every so often (and at the end).
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let stage: String
    private let total: Int
    private let report: (@Sendable (String, Int, Int) -> Void)?
    private let every: Int

    init(stage: String, total: Int, report: (@Sendable (String, Int, Int) -> Void)?) {
        self.stage = stage
        self.total = total
        self.report = report
        self.every = max(1, total / 100)
    }

    func step() {
        guard let report else { return }
        lock.lock()
        done += 1
        let now = done
        lock.unlock()
        if now % every == 0 || now == total { report(stage, now, total) }
    }
}
