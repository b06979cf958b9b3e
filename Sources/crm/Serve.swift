import ArgumentParser
import CRMServer
import CRMStore
import Foundation
import Hummingbird

/// `crm serve`: runs the lead intake endpoint (LP-1) on the same database the app uses; the
/// app and the server may run at the same time.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the HTTP lead intake endpoint (see docs/intake.md).")

    @Option(help: "The address and port to listen on.")
    var listen = "127.0.0.1:8080"

    @Option(help: "Open connections at most; more are closed at once.")
    var maxConnections = 1_024

    @Option(help: "Open connections at most from one client address (a proxy in front counts as one).")
    var maxConnectionsPerAddress = 64

    @Option(help: "The page cache of the connection that writes leads, in megabytes.")
    var cacheMegabytes = 24

    @OptionGroup var database: DatabaseOption

    func run() throws {
        try CLIRunner.run {
            guard let separator = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: separator)...]),
                  (0...65_535).contains(port), separator > listen.startIndex else {
                throw CLIError("--listen must be ADDRESS:PORT, e.g. 127.0.0.1:8080 (not \"\(listen)\")", exitCode: 2)
            }
            let host = String(listen[..<separator]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            guard maxConnections > 0, maxConnectionsPerAddress > 0 else {
                throw CLIError("--max-connections and --max-connections-per-address must be at least 1", exitCode: 2)
            }
            guard (2...4_096).contains(cacheMegabytes) else {
                throw CLIError("--cache-megabytes must be between 2 and 4096 (not \(cacheMegabytes))", exitCode: 2)
            }
            let db = try database.openExisting()
            db.requireDurableCommits()
            try db.enlargeWriterCache(megabytes: cacheMegabytes)
            let path = database.path
            let app = IntakeServer.application(
                database: db, configuration: IntakeServerConfiguration(
                    host: host, port: port, maxConnections: maxConnections, maxConnectionsPerAddress: maxConnectionsPerAddress),
                onListening: { address in
                    FileHandle.standardOutput.write(Data("crm serve: listening on \(address) for \(path); stop with Ctrl-C\n".utf8))
                })
            try Self.block { try await app.runService() }
            print("crm serve: stopped")
        }
    }

    /// Runs async `work` to its end from this synchronous command.
    private static func block(_ work: @escaping @Sendable () async throws -> Void) throws {
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await work() } catch { outcome.error = error }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }

    private final class Outcome: @unchecked Sendable {
        var error: (any Error)?
    }
}
