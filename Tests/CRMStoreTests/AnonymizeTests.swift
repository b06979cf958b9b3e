import CRMCore
import CRMStore
import Foundation
import GRDB
import XCTest

final class AnonymizeTests: XCTestCase {
    func testAnonymizeErasesThePersonalDataFromTheFile() throws {
        let path = try temporaryDatabasePath(self)
        let fixture = try Fixture(database: AppDatabase.open(path: path))
        let contacts = fixture.db.contacts(actingAs: fixture.alice)
        let secret = "zdenka.unikatni-7f3a9@example.org"
        var draft = fixture.person("Zdeňka", "Unikátníková")
        draft.email = secret
        draft.note = "Allergic to peanuts"
        var contact = try contacts.create(draft)
        var edit = contact.fields
        edit.phone = "+420 777 123 456"
        contact = try contacts.update(id: contact.id, with: edit, expectedVersion: contact.version)
        _ = try contacts.create(fixture.person("Other", "Person"))

        let anonymized = try contacts.anonymize(id: contact.id, expectedVersion: contact.version)
        XCTAssertTrue(anonymized.isAnonymized)
        XCTAssertEqual(anonymized.displayName, "Anonymized contact #\(contact.id)")
        XCTAssertEqual([anonymized.email, anonymized.phone, anonymized.note, anonymized.firstName], ["", "", "", ""])

        let history = try fixture.db.journal(actingAs: fixture.alice).history(of: .contact, id: contact.id)
        XCTAssertEqual(history.first?.action, .anonymize)
        XCTAssertTrue(history.allSatisfy { $0.oldValue == nil && $0.newValue == nil })
        XCTAssertTrue(history.contains { $0.field == "email" }, "who, when and which field stay")
        XCTAssertEqual(try contacts.page(ContactQuery(filter: "unikat"), .first, limit: 10), [])
        XCTAssertEqual(try contacts.page(ContactQuery(filter: "anonymized"), .first, limit: 10).map(\.id), [contact.id])
        XCTAssertThrowsError(try contacts.update(id: contact.id, with: draft, expectedVersion: anonymized.version))

        try DatabaseQueue(path: path).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        for file in [path, path + "-wal"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data()
            for needle in [secret, "Unikátníková", "unikatnikova", "Allergic", "777 123 456"] {
                XCTAssertNil(bytes.range(of: Data(needle.utf8)), "\(needle) is still in \(file)")
            }
        }
        let other = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertNotNil(other.range(of: Data("Other".utf8)), "the check would see data that is there")
    }
}
