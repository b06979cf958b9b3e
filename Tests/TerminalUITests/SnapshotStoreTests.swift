import Foundation
import TerminalUITesting
import XCTest

final class SnapshotStoreTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("snapshot-tests-\(UUID().uuidString)/Snapshots")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory.deletingLastPathComponent())
    }

    func testMissingSnapshotIsRecordedThenMatches() throws {
        let store = SnapshotStore(directory: directory)
        let lines = ["┌─ Accounts ─┐", "│ 株式会社    │", ""]
        XCTAssertEqual(store.check(lines, named: "accounts"), .recorded(path: store.url(named: "accounts").path))
        XCTAssertEqual(try String(contentsOf: store.url(named: "accounts"), encoding: .utf8),
                       "┌─ Accounts ─┐\n│ 株式会社    │\n\n")
        XCTAssertEqual(store.check(lines, named: "accounts"), .matched)
    }

    func testMissingSnapshotFailsWhenRecordingIsNotAllowed() {
        let store = SnapshotStore(directory: directory)
        guard case .failed(let message) = store.check(["x"], named: "absent", recordMissing: false) else {
            return XCTFail("expected a failure")
        }
        XCTAssertTrue(message.contains("missing"), message)
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.url(named: "absent").path))
    }

    func testMismatchNamesTheFirstDifferingLine() {
        let store = SnapshotStore(directory: directory)
        _ = store.check(["title", "Acme s.r.o.", "Globex"], named: "list")
        guard case .failed(let message) = store.check(["title", "Acme a.s.", "Globex"], named: "list") else {
            return XCTFail("expected a mismatch")
        }
        XCTAssertTrue(message.contains("first difference at line 2"), message)
        XCTAssertTrue(message.contains("expected: \"Acme s.r.o.\""), message)
        XCTAssertTrue(message.contains("actual:   \"Acme a.s.\""), message)
        XCTAssertTrue(message.contains("RECORD_SNAPSHOTS=1"), message)
    }

    func testRecordOverwrites() {
        let store = SnapshotStore(directory: directory)
        _ = store.check(["old"], named: "screen")
        XCTAssertEqual(store.check(["new"], named: "screen", record: true), .recorded(path: store.url(named: "screen").path))
        XCTAssertEqual(store.check(["new"], named: "screen"), .matched)
    }

    func testDifferenceReportsExtraAndMissingLines() {
        XCTAssertNil(SnapshotStore.difference(expected: ["a"], actual: ["a"]))
        let diff = SnapshotStore.difference(expected: ["a", "b"], actual: ["a"]) ?? ""
        XCTAssertTrue(diff.contains("line 2"), diff)
        XCTAssertTrue(diff.contains("expected 2 lines, got 1"), diff)
        XCTAssertTrue(diff.contains("(no line)"), diff)
    }
}
