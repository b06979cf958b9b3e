@testable import CRMStore
import CRMCore
import Foundation
import GRDB
import Synchronization
import XCTest

/// Waiting for the write lock (issue 13, item 4): a save is never starved by a long writer and
/// never hears "database is locked".
final class WriteLockWaitTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lock-wait-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private var path: String { folder.appendingPathComponent("crm.sqlite").path }

    /// Two processes on one file: a long writer committing again and again (like a batch of
    /// leads) and a save started meanwhile, which gets in between two of its transactions
    /// instead of after all of them.
    func testASaveGetsInBetweenTheTransactionsOfALongWriter() throws {
        let batch = try AppDatabase.open(path: path)
        let person = try AppDatabase.open(path: path)
        try batch.write { db in try db.execute(sql: "CREATE TABLE writes (id INTEGER PRIMARY KEY, who TEXT NOT NULL)") }
        let transactions = 300
        let started = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            for number in 0..<transactions {
                try? batch.write { db in
                    try db.execute(sql: "INSERT INTO writes (who) VALUES ('batch')")
                    Thread.sleep(forTimeInterval: 0.003)  // a transaction of a few milliseconds
                }
                if number == 5 { started.signal() }
                AppDatabase.yieldToWaitingWriters()
            }
            done.signal()
        }
        started.wait()
        try person.write { db in try db.execute(sql: "INSERT INTO writes (who) VALUES ('person')") }
        done.wait()
        let before = try person.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM writes WHERE id < (SELECT id FROM writes WHERE who = 'person')")
        }
        XCTAssertLessThan(try XCTUnwrap(before), 30, "the save waited for \(before ?? 0) of the batch's \(transactions) transactions")
    }

    /// Five long writers (batches, a splitter run, grouped single leads) take turns with the
    /// lock; a person's save waiting among them goes first when one of them pauses, because
    /// background writers look for the lock less often.
    func testASaveGoesBeforeOtherLongWritersWhenOnePauses() throws {
        let person = try AppDatabase.open(path: path)
        try person.write { db in try db.execute(sql: "CREATE TABLE writes (id INTEGER PRIMARY KEY, who TEXT NOT NULL)") }
        let writers = try (0..<5).map { _ in try AppDatabase.open(path: path) }
        let stop = Mutex(false)
        let finished = DispatchGroup()
        for writer in writers {
            finished.enter()
            Thread.detachNewThread {
                while !stop.withLock({ $0 }) {
                    try? writer.lockWait.asBackgroundWriter {
                        try writer.write { db in
                            try db.execute(sql: "INSERT INTO writes (who) VALUES ('batch')")
                            Thread.sleep(forTimeInterval: 0.003)
                        }
                    }
                    AppDatabase.yieldToWaitingWriters()
                }
                finished.leave()
            }
        }
        var waitedFor: [Int] = []
        for _ in 0..<20 {
            Thread.sleep(forTimeInterval: 0.01)
            let before = try person.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM writes") ?? 0 }
            let saved = try person.write { db in
                try db.execute(sql: "INSERT INTO writes (who) VALUES ('person')")
                return db.lastInsertedRowID
            }
            waitedFor.append(try person.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM writes WHERE who = 'batch' AND id > ? AND id < ?",
                                 arguments: [before, saved]) ?? 0
            })
        }
        stop.withLock { $0 = true }
        finished.wait()
        XCTAssertLessThanOrEqual(waitedFor.max() ?? 0, 6, "transactions of others each save waited for: \(waitedFor)")
    }

    func testAWaitBeyondThePatienceIsReportedAsBusyAndWritesNothing() throws {
        let holder = try AppDatabase.open(path: path)
        let waiter = try AppDatabase.open(path: path)
        try holder.write { db in try db.execute(sql: "CREATE TABLE writes (id INTEGER PRIMARY KEY, who TEXT NOT NULL)") }
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let released = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? holder.write { db in
                try db.execute(sql: "INSERT INTO writes (who) VALUES ('holder')")
                holding.signal()
                release.wait()
            }
            released.signal()
        }
        holding.wait()
        XCTAssertThrowsError(try waiter.write { db in try db.execute(sql: "INSERT INTO writes (who) VALUES ('waiter')") }) { error in
            XCTAssertEqual(error as? StoreError, .busy(path))
            XCTAssertFalse("\(error)".contains("locked"), "\(error)")
        }
        release.signal()
        released.wait()
        XCTAssertEqual(try waiter.read { db in try String.fetchAll(db, sql: "SELECT who FROM writes") }, ["holder"])
    }

    func testTransactionsAreSizedToTheTargetTime() {
        var sizer = TransactionSizer(range: 8...2_000, first: 32)
        XCTAssertEqual(sizer.size, 32)
        sizer.record(rows: 32, heldLockFor: .milliseconds(2))  // fast rows: grow, but at most fourfold
        XCTAssertEqual(sizer.size, 128)
        sizer.record(rows: 128, heldLockFor: .milliseconds(64))  // 0.5 ms a row: 15 ms is 30 rows
        XCTAssertEqual(sizer.size, 30)
        sizer.record(rows: 30, heldLockFor: .seconds(3))  // a very slow transaction: the smallest size
        XCTAssertEqual(sizer.size, 8)
    }
}
