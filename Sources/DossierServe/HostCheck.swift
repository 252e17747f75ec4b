import FlyingFox
import Foundation

/// Which requests `dossier serve` answers: only those addressed to this machine, by the `Host`
/// header. A DNS-rebinding page (a name of the attacker's that first resolves to their server,
/// then to 127.0.0.1) reaches the port from the browser with its own name in `Host`; refusing
/// every name but `localhost` and the loopback and bound address literals keeps it from reading
/// the site, its data files and its event stream.
public struct HostCheck: Sendable, Equatable {
    /// Accepted `Host` values, lowercased: `name:port` for each name; the bare name too on port 80
    /// (browsers leave out the default port, and only that one).
    public let accepted: Set<String>

    /// `bound`: the addresses the server listens on (as given to `--host` and as the system reports
    /// it), IPv6 ones with or without brackets.
    public init(bound: [String], port: UInt16) {
        var names: Set<String> = ["localhost", "127.0.0.1", "[::1]"]
        for address in bound where !address.isEmpty {
            let name = address.lowercased()
            names.insert(name.contains(":") && !name.hasPrefix("[") ? "[\(name)]" : name)
        }
        var accepted = Set(names.map { "\($0):\(port)" })
        if port == 80 { accepted.formUnion(names) }
        self.accepted = accepted
    }

    /// Whether a request whose `Host` header values are `values` is answered: exactly one header,
    /// naming this machine.
    public func allows(_ values: [String]) -> Bool {
        guard values.count == 1, let value = values.first else { return false }
        return accepted.contains(value.trimmingCharacters(in: .whitespaces).lowercased())
    }

    static let refusal = HTTPResponse(statusCode: .forbidden,
                                      headers: [.contentType: "text/plain; charset=utf-8", .init("Cache-Control"): "no-store"],
                                      body: Data("Forbidden: dossier serve answers only requests addressed to localhost\n".utf8))
}

/// Puts the `HostCheck` in front of every route: a request addressed elsewhere gets 403 before any
/// file, data or event stream is looked at.
struct HostGuard: HTTPHandler {
    let check: HostCheck
    let routes: RoutedHTTPHandler

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard check.allows(request.headers.values(for: .host)) else { return HostCheck.refusal }
        return try await routes.handleRequest(request)
    }
}
