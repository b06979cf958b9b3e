import CRMCore
import CRMStore
import XCTest

final class ChangeWatcherTests: XCTestCase {
    func testSeesCommitsOfAnotherConnection() throws {
        let path = try temporaryDatabasePath(self)
        let mine = try AppDatabase.open(path: path)
        let theirs = try AppDatabase.open(path: path)
        let watcher = try mine.makeChangeWatcher()
        XCTAssertFalse(try watcher.hasChanged())
        let user = try theirs.users.add(login: "other", displayName: "Other process", role: .salesRep)
        XCTAssertTrue(try watcher.hasChanged())
        XCTAssertFalse(try watcher.hasChanged(), "a change is reported once")
        _ = try mine.users.find(login: "other")
        XCTAssertFalse(try watcher.hasChanged(), "reads are not changes")
        var draft = AccountDraft(typeID: 2)
        draft.name = "Acme"
        _ = try mine.accounts(actingAs: user).create(draft)
        XCTAssertTrue(try watcher.hasChanged(), "this process's own writes also refresh other panes")
    }

    func testInMemoryDatabasesNeverChangeBehindOurBack() throws {
        let watcher = try AppDatabase.inMemory().makeChangeWatcher()
        XCTAssertFalse(try watcher.hasChanged())
    }
}
