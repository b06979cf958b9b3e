import CRMStore
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// `crm serve`: the HTTP intake endpoint (LP-1, LP-2) on Hummingbird.
public enum IntakeServer {
    /// The application serving `database`; run it with `runService()` (stops on SIGINT/SIGTERM).
    /// The caller should have made the database's commits durable (`requireDurableCommits`).
    public static func application(database: AppDatabase, configuration: IntakeServerConfiguration,
                                   onListening: @escaping @Sendable (String) -> Void = { _ in }) -> some ApplicationProtocol {
        ServerMemory.limitArenas()
        var logger = Logger(label: "crm.serve")
        logger.logLevel = .warning
        let router = Router()
        IntakeEndpoint(database: database, configuration: configuration, logger: logger).addRoutes(to: router)
        let bodyTimeout = TimeAmount(configuration.bodyTimeout)
        let cap = ConnectionCap(maxTotal: configuration.maxConnections, maxPerAddress: configuration.maxConnectionsPerAddress)
        let http1 = HTTP1Channel.Configuration(
            additionalChannelHandlers: [ConnectionCapHandler(cap: cap), BodyDeadlineHandler(timeout: bodyTimeout)],
            idleTimeout: TimeAmount(configuration.headerTimeout))
        return Application(
            router: router, server: .http1(configuration: http1),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { channel in
                let address = channel.localAddress
                onListening("\(address?.ipAddress ?? configuration.host):\(address?.port ?? configuration.port)")
            },
            logger: logger)
    }
}
