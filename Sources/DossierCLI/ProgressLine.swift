import Foundation

/// A progress line on a terminal, redrawn in place (`\r`, erase line) at most ten times a second.
/// Nothing is drawn when standard error is not a terminal (CI logs, pipes, files).
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var lastDraw = 0.0
    private var drawn = false

    static func forStandardError() -> ProgressLine? {
        isatty(STDERR_FILENO) == 1 ? ProgressLine() : nil
    }

    func show(_ stage: String, _ done: Int, _ total: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date().timeIntervalSinceReferenceDate
        guard now - lastDraw >= 0.1 || done == total else { return }
        lastDraw = now
        drawn = true
        let percent = total > 0 ? done * 100 / total : 100
        FileHandle.standardError.write(Data("\r\u{1B}[K\(stage) \(done)/\(total) \(stage == "parse" ? "files" : "pages") (\(percent)%)".utf8))
    }

    /// Erases the line so that what follows starts on a clean one.
    func clear() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }
}
