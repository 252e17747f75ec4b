import ArgumentParser
import DossierKit
import DossierServe
import Foundation

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build, serve over HTTP, and rebuild and reload open pages when content or theme changes.")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Port to listen on (the next free one is used when it is taken; 0: any free port).")
    var port: Int = 8000

    @Option(name: .long, help: "Address to listen on (loopback unless told otherwise).")
    var host: String = "127.0.0.1"

    func run() throws {
        guard (0...65535).contains(port) else { throw UsageError("--port must be from 0 to 65535") }
        // A parent may have started us with signals blocked; Ctrl-C and kill must stop the server.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        sigaddset(&signals, SIGHUP)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        // Everything the build writes (pages, data files, caches, staging folders) is for this user
        // only: with umask 077 every file is created 0600 and every folder 0700. Simplest, and it
        // covers every file the build writes, whichever code writes it.
        umask(0o077)
        var options = try site.buildOptions()
        if options.themesDirectory == nil {
            options.themesDirectory = Pipeline(fileSystem: .local).themesDirectory(content: options.contentDirectory)
        }
        let server = try DevServer(options: options, host: host, port: UInt16(port)) { message in
            FileHandle.standardError.write(Data((message + "\n").utf8))
        }
        // The build folder goes however the server stops: Ctrl-C, kill, a closed terminal (here),
        // an error or a normal return (the defer).
        let folder = server.buildFolder
        defer { folder.remove() }
        let numbers: [Int32] = [SIGINT, SIGTERM, SIGHUP]
        let stoppers = numbers.map { (number: Int32) -> DispatchSourceSignal in
            _ = signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                folder.remove()
                exitProcess(0)
            }
            source.resume()
            return source
        }
        defer { stoppers.forEach { $0.cancel() } }
        let content = options.contentDirectory
        let done = DispatchSemaphore(value: 0)
        let failure = ErrorBox()
        Task {
            do {
                try await server.run { address in
                    FileHandle.standardOutput.write(Data("Serving \(content) at \(address) (Ctrl-C stops)\n".utf8))
                }
            } catch {
                failure.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = failure.error { throw error }
    }
}

/// The C library's `exit` (inside a command, `exit` is ArgumentParser's).
private func exitProcess(_ status: Int32) -> Never { exit(status) }

final class ErrorBox: @unchecked Sendable {
    var error: Error?
}
