import CRMCore
import CRMStore
import Foundation
import GRDB
import XCTest

final class OpeningTests: XCTestCase {
    func testMigratesAnEmptyFileAndMarksItAsOurs() throws {
        let path = try temporaryDatabasePath(self)
        _ = try AppDatabase.open(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "PRAGMA user_version"), AppDatabase.schemaVersion)
            XCTAssertEqual(try Int32.fetchOne(db, sql: "PRAGMA application_id"), 0x4352_4D31)
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA journal_mode"), "wal")
            XCTAssertEqual(try String.fetchAll(db, sql: "SELECT key FROM account_types ORDER BY position"),
                           ["person", "company", "account"])
            XCTAssertEqual(try String.fetchAll(db, sql: "SELECT name FROM contact_types ORDER BY position"),
                           ["Employee", "Consultant", "Other"])
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM roles"), Role.allCases.count)
        }
    }

    func testReopensItsOwnFile() throws {
        let path = try temporaryDatabasePath(self)
        let first = try AppDatabase.open(path: path)
        try first.users.add(login: "jan", displayName: "Jan", role: .salesRep)
        XCTAssertEqual(try AppDatabase.open(path: path).users.find(login: "jan")?.displayName, "Jan")
    }

    func testRefusesAFileThatIsNotSQLite() throws {
        let path = try temporaryDatabasePath(self, name: "notes.txt")
        try Data("just some notes, definitely not a database\n".utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try AppDatabase.open(path: path)) { error in
            XCTAssertEqual(error as? StoreError, .notADatabase(path))
            XCTAssertTrue("\(error)".contains(path))
        }
    }

    func testRefusesAnotherProgramsDatabase() throws {
        let path = try temporaryDatabasePath(self)
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "CREATE TABLE photos (id INTEGER)") }
        XCTAssertThrowsError(try AppDatabase.open(path: path)) { error in
            XCTAssertEqual(error as? StoreError, .foreignDatabase(path))
        }
        let other = try temporaryDatabasePath(self)
        try DatabaseQueue(path: other).write { db in try db.execute(sql: "PRAGMA application_id = 12345") }
        XCTAssertThrowsError(try AppDatabase.open(path: other)) { error in
            XCTAssertEqual(error as? StoreError, .foreignDatabase(other))
        }
        try DatabaseQueue(path: path).read { db in
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA journal_mode"), "delete", "the foreign file was changed")
        }
    }

    func testRefusesANewerSchema() throws {
        let path = try temporaryDatabasePath(self)
        _ = try AppDatabase.open(path: path)
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "PRAGMA user_version = 99") }
        XCTAssertThrowsError(try AppDatabase.open(path: path)) { error in
            XCTAssertEqual(error as? StoreError, .newerSchema(path: path, found: 99, known: AppDatabase.schemaVersion))
            XCTAssertTrue("\(error)".contains("was written by a newer crm (schema 99"))
        }
    }

    func testNamesAMissingFolder() {
        XCTAssertThrowsError(try AppDatabase.open(path: "/nonexistent-crm-folder/sub/crm.sqlite")) { error in
            XCTAssertEqual(error as? StoreError, .directoryMissing("/nonexistent-crm-folder/sub"))
            XCTAssertTrue("\(error)".contains("/nonexistent-crm-folder/sub does not exist"))
        }
    }

    func testRefusesAReferenceToAMissingAccount() throws {
        let path = try temporaryDatabasePath(self)
        let fixture = try Fixture(database: AppDatabase.open(path: path))
        var draft = fixture.person("Jan", "Novák")
        draft.accountID = 999
        XCTAssertThrowsError(try fixture.db.contacts(actingAs: fixture.alice).create(draft)) { error in
            XCTAssertEqual((error as? ValidationError)?.errors.map(\.field), ["accountID"])
        }
    }
}
