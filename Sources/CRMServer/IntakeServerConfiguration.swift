import Foundation

/// The knobs of `crm serve`; tests shorten the timeouts and pin the clock.
public struct IntakeServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The largest single-lead body; bigger ones get 413 without being read.
    public var singleBodyLimit: Int
    /// The largest NDJSON batch body.
    public var batchBodyLimit: Int
    /// How long a connection may take to send a request's headers, and stay idle between requests.
    public var headerTimeout: Duration
    /// How long a request may take to send its body after its headers; then the connection is dropped.
    public var bodyTimeout: Duration
    /// Single leads committed together at most (group commit, one disk sync for all).
    public var groupCommitLimit: Int
    /// Open connections at most, in all and from one client address; more are closed at once.
    public var maxConnections: Int
    public var maxConnectionsPerAddress: Int
    /// The clock for signature windows and rate limits.
    public var now: @Sendable () -> Date

    public init(host: String = "127.0.0.1", port: Int = 8080, singleBodyLimit: Int = 64 * 1024,
                batchBodyLimit: Int = 32 * 1024 * 1024, headerTimeout: Duration = .seconds(10),
                bodyTimeout: Duration = .seconds(30), groupCommitLimit: Int = 512,
                maxConnections: Int = 1_024, maxConnectionsPerAddress: Int = 64,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.host = host
        self.port = port
        self.singleBodyLimit = singleBodyLimit
        self.batchBodyLimit = batchBodyLimit
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.groupCommitLimit = groupCommitLimit
        self.maxConnections = maxConnections
        self.maxConnectionsPerAddress = maxConnectionsPerAddress
        self.now = now
    }
}
