import CRMCore
@testable import CRMStore
import Foundation
import XCTest

/// Distribution by percentage (LP-5) through the router on a real file: the 50/30/20 shares hold
/// within one lead at every moment across restarts and two processes' worth of concurrent intake.
final class LeadDistributionTests: XCTestCase {
    func testSharesHoldAcrossRestartsAndConcurrentWriters() throws {
        let path = try temporaryDatabasePath(self)
        let setup = try Fixture(database: AppDatabase.open(path: path))
        let carol = try setup.db.users.add(login: "carol", displayName: "Carol", role: .salesRep)
        let weights: [Int64: Int] = [setup.alice.id: 50, setup.bob.id: 30, carol.id: 20]
        _ = try setup.db.leadRules(actingAs: setup.admin).create(LeadRule(
            name: "Everyone", matchesEveryLead: true,
            outcome: .distribution(weights.sorted { $0.value > $1.value }.map { SellerShare(sellerID: $0.key, weight: Int64($0.value)) })))

        /// Deals `count` leads through a freshly opened database on the same file, as one process would.
        @Sendable func deal(_ count: Int, label: String) throws {
            let database = try AppDatabase.open(path: path)
            let leads = database.leads(actingAs: nil)
            for index in 0..<count {
                var draft = LeadDraft()
                draft.company = "\(label) \(index)"
                _ = try leads.create(draft, routed: true)
            }
        }
        try deal(300, label: "before restart")
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            do { try deal(300, label: "writer \(writer)") } catch { failures.add("\(error)") }
        }
        XCTAssertEqual(failures.messages, [])
        try deal(100, label: "after restart")

        let sellers = try AppDatabase.open(path: path).read { db in
            try Int64.fetchAll(db, sql: "SELECT assignee_id FROM leads ORDER BY id")
        }
        XCTAssertEqual(sellers.count, 1_000)
        var counts: [Int64: Int] = [:]
        for (index, seller) in sellers.enumerated() {
            counts[seller, default: 0] += 1
            let dealt = index + 1
            for (id, weight) in weights {
                // Within one lead of dealt × weight / 100, in hundredths to stay exact.
                XCTAssertLessThanOrEqual(abs((counts[id] ?? 0) * 100 - dealt * weight), 100,
                                         "after \(dealt) leads user \(id) has \(counts[id] ?? 0)")
            }
        }
        XCTAssertEqual(counts, [setup.alice.id: 500, setup.bob.id: 300, carol.id: 200])
    }
}

/// Errors collected from concurrent writers, reported after they finish.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []

    func add(_ message: String) { lock.withLock { list.append(message) } }
    var messages: [String] { lock.withLock { list } }
}
