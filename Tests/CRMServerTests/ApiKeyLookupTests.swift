import CRMCore
@testable import CRMServer
@testable import CRMStore
import Foundation
import HummingbirdTesting
import XCTest

/// Every request looks its API key up in the database: off Swift's cooperative pool, so
/// requests waiting for the database never stop the server's other work, and uncached, so a
/// key revoked while the server runs is refused from the next request on.
final class ApiKeyLookupTests: XCTestCase {
    func testAKeyRevokedWhileTheServerRunsIsRefusedFromTheNextRequest() async throws {
        let bench = try IntakeBench()
        let key = try bench.key("Website form")
        try await bench.application.test(.router) { client in
            var response = try await client.post("/api/v1/leads", json: #"{"company": "Before"}"#, key: key.plainKey)
            XCTAssertEqual(response.status, .created)
            _ = try bench.db.apiKeys(actingAs: nil).revoke(name: "Website form")
            response = try await client.post("/api/v1/leads", json: #"{"company": "After"}"#, key: key.plainKey)
            XCTAssertEqual(response.status, .unauthorized)
            XCTAssertEqual(response.error, "The API key is unknown or was revoked.")
        }
        XCTAssertEqual(try bench.counts(), [1, 1, 0])
    }

    /// While another connection holds the database, more requests than the pool has threads
    /// wait for their key; a task started after them must still run before the database is
    /// free again. (The in-memory database is one connection, so its reads wait for the hold.)
    func testRequestsWaitingForTheirKeyLeaveTheCooperativePoolFree() async throws {
        let bench = try IntakeBench()
        let holdSeconds = 1.5
        let holding = DatabaseHold(bench.db, seconds: holdSeconds)
        let requests = 2 * ProcessInfo.processInfo.activeProcessorCount + 2
        let started = ContinuousClock.now
        let probe = try await bench.application.test(.router) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<requests {
                    group.addTask {
                        let response = try await client.post("/api/v1/leads", json: #"{"company": "Waiting"}"#, key: "crm_unknown")
                        XCTAssertEqual(response.status, .unauthorized)
                    }
                }
                try await Task.sleep(for: .milliseconds(100))
                let probe = await Task.detached { ContinuousClock.now - started }.value
                try await group.waitForAll()
                return probe
            }
        }
        holding.wait()
        XCTAssertLessThan(probe, .seconds(holdSeconds / 2), "a task on the cooperative pool waited \(probe) for requests blocked on the database")
    }
}

/// Holds the database's only connection on a thread of its own for a while, as a long write
/// or a checkpoint of another process would hold the disk.
private final class DatabaseHold: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)

    init(_ database: AppDatabase, seconds: TimeInterval) {
        let held = DispatchSemaphore(value: 0)
        Thread { [done] in
            try? database.writer.writeWithoutTransaction { _ in
                held.signal()
                Thread.sleep(forTimeInterval: seconds)
            }
            done.signal()
        }.start()
        held.wait()
    }

    func wait() { done.wait() }
}
