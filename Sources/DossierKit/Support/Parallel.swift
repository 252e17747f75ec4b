import Foundation

/// Work spread over every core, with results in input order (so output stays deterministic).
enum Parallel {
    /// `transform` applied to each element, concurrently; `transform` must not share mutable state.
    static func map<T: Sendable, U>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
        guard items.count > 1 else { return items.map(transform) }
        let results = ResultBuffer<U>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.set(index, transform(items[index]))
        }
        return results.values()
    }

    /// A fixed-size buffer each slot of which is written by exactly one iteration.
    final class ResultBuffer<U>: @unchecked Sendable {
        private let storage: UnsafeMutablePointer<U?>
        private let count: Int

        init(count: Int) {
            self.count = count
            storage = UnsafeMutablePointer<U?>.allocate(capacity: count)
            storage.initialize(repeating: nil, count: count)
        }

        deinit {
            storage.deinitialize(count: count)
            storage.deallocate()
        }

        func set(_ index: Int, _ value: U) { storage[index] = value }

        func values() -> [U] { (0..<count).compactMap { storage[$0] } }
    }
}
