import CRMCore
@testable import CRMApp
import CRMStore
import Foundation
import GRDB
import TerminalUI
import XCTest

/// A save that finds another program writing: the screen says it is saving, keys typed
/// meanwhile are kept, and the save is never lost (issue 13, item 4).
final class SaveWaitTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("save-wait-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The harness on a database file, so another connection can hold its write lock.
    private func harness() throws -> (AppHarness, path: String) {
        let path = folder.appendingPathComponent("crm.sqlite").path
        let database = try AppDatabase.open(path: path, clock: { AppHarness.fixedNow })
        try DemoDataGenerator(scale: .small, includesPipeline: false).generate(into: database) { _, _ in }
        return (try AppHarness(database: database), path)
    }

    func testASaveBehindAnotherWriterSaysItIsSavingKeepsTheKeysTypedMeanwhileAndSaves() throws {
        let (harness, path) = try harness()
        let other = try WriteLockHolder(path: path)
        var sawSaving = false
        harness.terminal.onPresent = { frame in
            guard !sawSaving, frame.lines.last?.contains("s: another program is writing · Esc stops waiting") == true else { return }
            sawSaving = true
            other.release()
        }
        try harness.press("n Tab Tab Tab")
        harness.type("Zeppelin Logistik GmbH")
        // Ctrl-S waits for the lock; the quick filter is typed before the save is done.
        try harness.terminal.enqueue(keys: "C-s")
        harness.terminal.type("/zeppelin")
        harness.app.processPendingInput()

        XCTAssertTrue(sawSaving, "the status line never said that the save was waiting")
        harness.assertShows("Zeppelin Logistik GmbH")
        harness.assertShows("zeppelin")  // the quick filter typed while the save waited
        let saved = try harness.database.accounts(actingAs: harness.user).page(AccountQuery(filter: "zeppelin"), .first, limit: 5)
        XCTAssertEqual(saved.map(\.displayName), ["Zeppelin Logistik GmbH"])
    }

    func testEscStopsWaitingAndTheFormKeepsWhatWasTyped() throws {
        let (harness, path) = try harness()
        let other = try WriteLockHolder(path: path)
        defer { other.release() }
        var sawSaving = false
        harness.terminal.onPresent = { frame in
            guard !sawSaving, frame.lines.last?.contains("Esc stops waiting") == true else { return }
            sawSaving = true
            harness.terminal.enqueue(KeyEvent(.escape))
        }
        try harness.press("n Tab Tab Tab")
        harness.type("Zeppelin Logistik GmbH")
        try harness.press("C-s")

        XCTAssertTrue(sawSaving)
        harness.assertShows("You stopped waiting for the database: nothing was saved")
        XCTAssertFalse(harness.screen.contains("locked"), harness.screen)
        harness.assertShows("Zeppelin Logistik GmbH")  // still in the form
        other.release()
        try harness.press("C-s")
        harness.assertShows("Created “Zeppelin Logistik GmbH”")
    }
}

/// Another program's long write: holds the write lock of the file from another thread until
/// released.
private final class WriteLockHolder: @unchecked Sendable {
    private let released = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private var isReleased = false

    init(path: String) throws {
        let queue = try DatabaseQueue(path: path)
        let holding = DispatchSemaphore(value: 0)
        Thread.detachNewThread { [released, finished] in
            try? queue.write { db in
                try db.execute(sql: "UPDATE settings SET value = value WHERE key = 'base_currency'")
                holding.signal()
                released.wait()
            }
            finished.signal()
        }
        holding.wait()
    }

    /// Lets the write commit and waits until it has.
    func release() {
        guard !isReleased else { return }
        isReleased = true
        released.signal()
        finished.wait()
    }
}
