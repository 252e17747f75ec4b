import Foundation

/// The state the open pages follow: a version that grows with every good build, and the errors
/// of the last build when it failed (the last good site is still served then).
public actor LiveState {
    public struct Snapshot: Sendable, Equatable {
        public var version: Int
        public var errors: [String]
    }

    private var snapshot = Snapshot(version: 0, errors: [])

    public init() {}

    public func current() -> Snapshot { snapshot }

    public func built() { snapshot = Snapshot(version: snapshot.version + 1, errors: []) }

    public func failed(_ errors: [String]) { snapshot.errors = errors }

    /// Waits until the state differs from `seen` or `timeout` passes.
    public func next(after seen: Snapshot?, timeout: TimeInterval) async -> Snapshot {
        let deadline = Date().addingTimeInterval(timeout)
        while snapshot == seen && Date() < deadline && !Task.isCancelled {
            try? await Task.sleep(nanoseconds: 100_000_000)
        }
        return snapshot
    }
}
