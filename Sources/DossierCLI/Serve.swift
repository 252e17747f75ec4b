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
        var options = try site.buildOptions()
        if options.themesDirectory == nil {
            options.themesDirectory = Pipeline(fileSystem: .local).themesDirectory(content: options.contentDirectory)
        }
        let server = DevServer(options: options, host: host, port: UInt16(port)) { message in
            FileHandle.standardError.write(Data((message + "\n").utf8))
        }
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

final class ErrorBox: @unchecked Sendable {
    var error: Error?
}
