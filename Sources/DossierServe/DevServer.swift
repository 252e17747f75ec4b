import DossierKit
import FlyingFox
import FlyingSocks
import Foundation

/// `dossier serve`: builds the site into a private folder, serves it over HTTP, watches the
/// content and theme folders, rebuilds after a burst of saves settles, and tells open pages to
/// reload (or shows the build's errors over the last good page).
public final class DevServer: Sendable {
    public let options: BuildOptions
    public let host: String
    public let port: UInt16
    let state = LiveState()
    /// The private folder everything is built into (0700, removed when the server stops); served
    /// from its `site`, never from the user's Output/.
    public let buildFolder: BuildFolder
    /// Where the site is built.
    public var siteFolder: String { buildFolder.site }
    /// Parsed pages of the last build: a save re-parses only the files that changed.
    let parseMemo = ParseMemo()
    let log: @Sendable (String) -> Void

    /// Removes the stale build folders of servers that are gone, then creates this one's.
    public init(options: BuildOptions, host: String, port: UInt16, log: @escaping @Sendable (String) -> Void) throws {
        var options = options
        let folder = try BuildFolder.create()
        options.outputDirectory = folder.site
        options.force = true
        self.options = options
        self.host = host
        self.port = port
        self.buildFolder = folder
        self.log = log
    }

    /// Builds once, then serves and watches until the task is cancelled. `ready` gets the
    /// address pages are served at.
    public func run(ready: @Sendable (String) -> Void) async throws {
        await build(reason: nil)
        let (address, running) = try await listen()
        ready(address)
        let watcher = Task { await watch() }
        defer { watcher.cancel() }
        try await running.value
    }

    /// Starts serving on `port`, or on the next free one when it is taken (port 0: any free port).
    /// Returns the address pages are served at. The routes are added once the port is known, behind
    /// the `HostCheck` for that port: no request is ever answered without it (until then, 404).
    func listen() async throws -> (String, Task<Void, Error>) {
        let candidates: [UInt16] = port == 0 ? [0] : (0..<20).compactMap { offset in
            let next = Int(port) + offset
            return next <= Int(UInt16.max) ? UInt16(next) : nil
        }
        var lastError: Error?
        for candidate in candidates {
            let server = host.contains(":")
                ? HTTPServer(address: try .inet6(ip6: host, port: candidate), logger: .disabled)
                : HTTPServer(address: try .inet(ip4: host, port: candidate), logger: .disabled)
            let running = Task { try await server.run() }
            do {
                try await server.waitUntilListening(timeout: 5)
                let (address, bound): (String, UInt16)
                switch await server.listeningAddress {
                case .ip4(let ip, let port)?: (address, bound) = (ip, port)
                case .ip6(let ip, let port)?: (address, bound) = (ip, port)
                default: throw UsageError("cannot tell which port \(host) listens on")
                }
                await server.appendRoute("*", to: HostGuard(check: HostCheck(bound: [host, address], port: bound), routes: routes()))
                if candidate != port && port != 0 { log("port \(port) is in use; serving on port \(candidate) instead") }
                return (DevServer.describe(host: address, port: bound), running)
            } catch {
                running.cancel()
                if case .failure(let failure) = await running.result { lastError = failure } else { lastError = error }
            }
        }
        throw UsageError("cannot listen on \(host) from port \(port) to \(Int(port) + candidates.count - 1): \(lastError.map { "\($0)" } ?? "unknown error")")
    }

    /// The site, the reload script and the event stream.
    func routes() -> RoutedHTTPHandler {
        let state = self.state
        let root = siteFolder
        var routes = RoutedHTTPHandler()
        routes.appendRoute(HTTPRoute("GET \(LiveReload.scriptPath)")) { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .init("Cache-Control"): "no-store"],
                         body: Data(LiveReload.script.utf8))
        }
        routes.appendRoute(HTTPRoute("GET \(LiveReload.eventsPath)")) { _ in
            HTTPResponse(statusCode: .ok,
                         headers: [.contentType: "text/event-stream", .init("Cache-Control"): "no-store"],
                         body: HTTPBodySequence(from: EventStream(state: state)))
        }
        routes.appendRoute("GET /*") { request in
            DevServer.file(for: request.path, root: root)
        }
        routes.appendRoute("HEAD /*") { request in
            var response = DevServer.file(for: request.path, root: root)
            response = HTTPResponse(statusCode: response.statusCode, headers: response.headers, body: Data())
            return response
        }
        return routes
    }

    /// The response for one path: the file, the site's 404 page, or 403 for a path that tries to
    /// leave the site.
    static func file(for path: String, root: String) -> HTTPResponse {
        let canonical = (try? FileManager.default.destinationOfSymbolicLink(atPath: root)) ?? root
        let realRoot = realpath(canonical, nil).map { pointer -> String in defer { free(pointer) }; return String(cString: pointer) } ?? canonical
        switch StaticFiles.resolve(path, root: realRoot) {
        case .file(let file):
            return respond(file, status: .ok)
        case .notFound:
            let missing = realRoot + "/404.html"
            if FileManager.default.fileExists(atPath: missing) { return respond(missing, status: .notFound) }
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("Not found\n".utf8))
        case .forbidden:
            return HTTPResponse(statusCode: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("Forbidden\n".utf8))
        }
    }

    static func respond(_ file: String, status: HTTPStatusCode) -> HTTPResponse {
        guard var data = FileManager.default.contents(atPath: file) else {
            return HTTPResponse(statusCode: .notFound, body: Data())
        }
        let type = StaticFiles.contentType(for: file)
        if type.hasPrefix("text/html") {
            data = Data(LiveReload.inject(into: String(decoding: data, as: UTF8.self)).utf8)
        }
        return HTTPResponse(statusCode: status, headers: [.contentType: type, .init("Cache-Control"): "no-store"], body: data)
    }

    /// One build; its errors go to the terminal and to the open pages.
    func build(reason: String?) async {
        let started = Date()
        do {
            var pipeline = Pipeline()
            pipeline.parseMemo = parseMemo
            let report = try pipeline.run(options, write: true)
            let problems = report.diagnostics.map(\.description)
            if !problems.isEmpty { log(problems.joined(separator: "\n")) }
            if report.wrote {
                await state.built()
                // The words of `dossier build`'s summary line.
                log("Built \(report.pageCount) pages in \(String(format: "%.2f", Date().timeIntervalSince(started))) s\(reason.map { " (\($0))" } ?? "")")
            } else {
                await state.failed(report.diagnostics.filter { $0.severity == .error }.map(\.description))
                log("Build failed; still serving the last good site")
            }
        } catch {
            await state.failed(["\(error)"])
            log("Build failed: \(error)")
        }
    }

    /// Polls the content and theme folders; a change starts a rebuild once saves have settled.
    func watch() async {
        var last = signature()
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: 250_000_000)
            var now = signature()
            guard now != last else { continue }
            // Debounce: wait until nothing changed for 300 ms, so a burst of saves is one build.
            repeat {
                last = now
                try? await Task.sleep(nanoseconds: 300_000_000)
                now = signature()
            } while now != last && !Task.isCancelled
            await build(reason: "a file changed")
        }
    }

    /// Paths, sizes and modification times of everything the build reads.
    func signature() -> [String: String] {
        var result: [String: String] = [:]
        let themes = options.themesDirectory ?? "Themes"
        for root in [options.contentDirectory, themes] {
            guard let enumerator = FileManager.default.enumerator(atPath: root) else { continue }
            for case let relative as String in enumerator {
                let path = root + "/" + relative
                guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { continue }
                let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                result[path] = "\(size):\(modified)"
            }
        }
        return result
    }

    /// The address pages are served at, once listening.
    public static func describe(host: String, port: UInt16) -> String {
        host.contains(":") ? "http://[\(host)]:\(port)/" : "http://\(host):\(port)/"
    }
}

