@testable import DossierServe
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `dossier serve` keeps a private site private: it answers only requests addressed to this
/// machine (a DNS-rebinding page gets 403), builds into a folder only its user can read, and
/// removes that folder however it stops.
@Suite("dossier serve stays private", .serialized)
struct DevServerSafetyTests {
    /// The folder `dossier serve` with process id `pid` builds into.
    static func buildFolder(_ pid: pid_t) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("dossier-serve-\(pid)").path
    }

    /// Permission bits of a file or folder (the link itself for a symbolic link).
    static func mode(_ path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// The port of `http://127.0.0.1:PORT/`.
    static func port(of address: String) throws -> UInt16 {
        guard let url = URL(string: address), let port = url.port, let value = UInt16(exactly: port) else {
            throw TestError("no port in \(address)")
        }
        return value
    }

    /// One GET over a raw TCP connection to 127.0.0.1, with exactly the `Host` header given (none
    /// when nil): the status and whatever body came with it (for a stream, nothing after the headers).
    static func get(port: UInt16, path: String, host: String?) throws -> (status: Int, body: String) {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        let noSignal = Int32(MSG_NOSIGNAL)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        let noSignal: Int32 = 0
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
        guard fd >= 0 else { throw TestError("socket: errno \(errno)") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw TestError("connect to port \(port): errno \(errno)") }
        var request = "GET \(path) HTTP/1.1\r\n"
        if let host { request += "Host: \(host)\r\n" }
        request += "Connection: close\r\n\r\n"
        var bytes = Array(request.utf8)[...]
        while !bytes.isEmpty {
            let sent = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, noSignal) }
            guard sent > 0 else { throw TestError("send: errno \(errno)") }
            bytes = bytes.dropFirst(sent)
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let separator = Array("\r\n\r\n".utf8)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += buffer[0..<count]
            guard let end = received.firstRange(of: separator) else { continue }
            let head = String(decoding: received[..<end.lowerBound], as: UTF8.self).lowercased()
            let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) }
            // A stream (no length) is not read further; a sized body is read whole.
            guard let length else { break }
            if received.count - end.upperBound >= length { break }
        }
        let text = String(decoding: received, as: UTF8.self)
        let statusLine = text.split(separator: "\r\n", maxSplits: 1).first ?? ""
        let parts = statusLine.split(separator: " ")
        let status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let body = text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) } ?? ""
        return (status, body)
    }

    /// Waits until `process` exits (killing it after `seconds`); false when it had to be killed.
    static func waitForExit(_ process: Process, seconds: TimeInterval = 20) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        guard process.isRunning else { return true }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return false
    }

    /// Every path under `root` (not following symbolic links), with `root` itself.
    static func everything(under root: String) -> [String] {
        var result = [root]
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return result }
        for case let relative as String in enumerator { result.append(root + "/" + relative) }
        return result
    }

    @Test("a request addressed to another host (DNS rebinding) or to no host gets 403 for pages, data and the event stream",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/curl"), "needs curl"))
    func foreignHost() throws {
        let server = try AuthoringLoopTests.Server()
        defer { server.stop() }
        let port = try Self.port(of: server.address)
        let paths = ["/", "/kb/faq-one/", "/data/filings.json", "/_dossier/events", "/_dossier/live.js", "/no/such/page/"]
        let refused: [String?] = [
            "evil.example:\(port)", "evil.example", "localhost.evil.example:\(port)", "127.0.0.1.evil.example:\(port)",
            "127.0.0.1:\(port).evil.example", "127.0.0.1:\(Int(port) == 65535 ? 1 : Int(port) + 1)", "127.0.0.1", "", nil,
        ]
        for path in paths {
            for host in refused {
                let (status, body) = try Self.get(port: port, path: path, host: host)
                #expect(status == 403, "Host \(host ?? "(none)") \(path) → \(status)")
                #expect(!body.contains("acme") && !body.contains("<html") && !body.contains("data:"),
                        "Host \(host ?? "(none)") \(path) leaked: \(body.prefix(200))")
            }
        }
        // The same paths, addressed to this machine, are served.
        for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST:\(port)", "[::1]:\(port)"] {
            for path in ["/", "/kb/faq-one/", "/data/filings.json", "/_dossier/events", "/_dossier/live.js"] {
                let (status, _) = try Self.get(port: port, path: path, host: host)
                #expect(status == 200, "Host \(host) \(path) → \(status)")
            }
        }
        let filings = try Self.get(port: port, path: "/data/filings.json", host: "localhost:\(port)")
        #expect(filings.body.contains("acme"))
    }

    @Test("the build folder is private (0700, files 0600) and removed on a signal",
          arguments: [SIGINT, SIGTERM, SIGHUP])
    func privateFolderRemovedOnSignal(_ signal: Int32) throws {
        let server = try AuthoringLoopTests.Server()
        let pid = server.process.processIdentifier
        let folder = Self.buildFolder(pid)
        defer { server.stop(); try? FileManager.default.removeItem(atPath: folder) }
        #expect(Self.mode(folder) == 0o700, "\(folder): \(Self.mode(folder).map { String($0, radix: 8) } ?? "missing")")
        let page = realpath(folder + "/site/index.html", nil).map { pointer -> String in
            defer { free(pointer) }
            return String(cString: pointer)
        }
        #expect(page.map { Self.mode($0) } == 0o600, "\(page ?? "no index.html"): \(page.flatMap { Self.mode($0) }.map { String($0, radix: 8) } ?? "")")
        // Nothing in the folder (pages, caches, staging) is readable by anyone else.
        let open = Self.everything(under: folder).filter { (Self.mode($0) ?? 0) & 0o077 != 0 }
        #expect(open.isEmpty, "readable by others: \(open.prefix(5))")

        kill(pid, signal)
        #expect(Self.waitForExit(server.process), "serve did not stop on signal \(signal)")
        #expect(server.process.terminationReason == .exit && server.process.terminationStatus == 0,
                "signal \(signal): \(server.process.terminationReason == .exit ? "exit" : "killed") \(server.process.terminationStatus)")
        #expect(!Self.exists(folder), "\(folder) left behind after signal \(signal)")
    }

    @Test("the build folder is removed when serve stops on an error (here: an address it cannot listen on)")
    func folderRemovedOnError() throws {
        let content = try TestSupport.temporaryFolder().appendingPathComponent("Content")
        try FileManager.default.copyItem(atPath: TestSupport.fixture("good"), toPath: content.path)
        guard let executable = TestSupport.executable else { throw TestError("no dossier executable") }
        let process = Process()
        process.executableURL = executable
        // 192.0.2.1 (TEST-NET-1) is not an address of this machine: the build succeeds, listening fails.
        process.arguments = ["serve", "--content", content.path, "--themes", TestSupport.themes, "--host", "192.0.2.1", "--port", "0",
                             "--today", "2025-06-01"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let folder = Self.buildFolder(process.processIdentifier)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(Self.waitForExit(process, seconds: 60))
        #expect(process.terminationStatus != 0)
        #expect(!Self.exists(folder), "\(folder) left behind")
    }

    @Test("a stale build folder of a process that no longer exists is removed when serve starts; others are kept")
    func staleFolders() throws {
        // A process id that is free: a program that has run and been reaped.
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/sh")
        finished.arguments = ["-c", "exit 0"]
        try finished.run()
        finished.waitUntilExit()
        let dead = finished.processIdentifier
        errno = 0
        #expect(kill(dead, 0) == -1 && errno == ESRCH)
        let stale = Self.buildFolder(dead)
        try FileManager.default.createDirectory(atPath: stale + "/site/kb", withIntermediateDirectories: true)
        try Data("old".utf8).write(to: URL(fileURLWithPath: stale + "/site/kb/index.html"))
        try Data("old".utf8).write(to: URL(fileURLWithPath: stale + "/.site.dossier-cache"))
        // A folder of a live process (this one) and a folder that is not a process's are not touched.
        let alive = Self.buildFolder(getpid())
        let other = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-serve-notes").path
        try FileManager.default.createDirectory(atPath: alive, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        defer {
            for path in [stale, alive, other] { try? FileManager.default.removeItem(atPath: path) }
        }

        let server = try AuthoringLoopTests.Server()
        defer {
            server.stop()
            try? FileManager.default.removeItem(atPath: Self.buildFolder(server.process.processIdentifier))
        }
        #expect(!Self.exists(stale), "\(stale) was not cleaned")
        #expect(Self.exists(alive))
        #expect(Self.exists(other))
    }

    @Test("the Host check: the loopback names and the bound address, with the port (bare only on port 80), one header")
    func hostCheck() {
        let check = HostCheck(bound: ["192.168.1.20", "192.168.1.20"], port: 8000)
        for host in ["localhost:8000", "127.0.0.1:8000", "[::1]:8000", "192.168.1.20:8000", "LocalHost:8000", " localhost:8000 "] {
            #expect(check.allows([host]), "\(host)")
        }
        for host in ["localhost", "127.0.0.1", "evil.example:8000", "localhost:80", "localhost:8001", "localhost.:8000", "::1:8000",
                     "127.0.0.2:8000", "0.0.0.0:8000", "localhost:8000@evil.example", ""] {
            #expect(!check.allows([host]), "\(host)")
        }
        #expect(!check.allows([]))
        #expect(!check.allows(["localhost:8000", "evil.example:8000"]))
        let web = HostCheck(bound: ["127.0.0.1"], port: 80)
        #expect(web.allows(["localhost"]) && web.allows(["localhost:80"]) && web.allows(["[::1]"]) && !web.allows(["evil.example"]))
        let six = HostCheck(bound: ["::", "::"], port: 8000)
        #expect(six.allows(["[::]:8000"]) && six.allows(["[::1]:8000"]) && !six.allows(["[::2]:8000"]))
        let all = HostCheck(bound: ["0.0.0.0", "0.0.0.0"], port: 8000)
        #expect(all.allows(["0.0.0.0:8000"]) && !all.allows(["192.168.1.20:8000"]))
    }
}
