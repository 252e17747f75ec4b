import FlyingFox
import FlyingSocks
import Foundation

/// The server-sent event stream pages listen to (`/_dossier/events`): one event when a page
/// connects, then one for every change of the `LiveState`, and a comment every 15 s to keep the
/// connection open.
struct EventStream: AsyncBufferedSequence {
    typealias Element = UInt8
    let state: LiveState

    func makeAsyncIterator() -> Iterator { Iterator(state: state) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        let state: LiveState
        var seen: LiveState.Snapshot?
        var pending: [UInt8] = []

        init(state: LiveState) { self.state = state }

        mutating func next() async throws -> UInt8? {
            if pending.isEmpty {
                guard let buffer = try await nextBuffer(suggested: 1) else { return nil }
                pending = buffer
            }
            return pending.isEmpty ? nil : pending.removeFirst()
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            if !pending.isEmpty {
                defer { pending = [] }
                return pending
            }
            if Task.isCancelled { return nil }
            let snapshot = await state.next(after: seen, timeout: 15)
            if snapshot == seen { return Array(": keep-alive\n\n".utf8) }
            seen = snapshot
            return Array("data: \(EventStream.json(snapshot))\n\n".utf8)
        }
    }

    /// What an event tells a page: the build's version and its errors.
    struct Event: Encodable {
        var version: Int
        var errors: [String]
    }

    static func json(_ snapshot: LiveState.Snapshot) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Event(version: snapshot.version, errors: snapshot.errors))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
