import CRMCore
import CRMStore
import Foundation
import TestFixtures
import XCTest

/// Every string of the shared hostile test data is stored and read back exactly, or refused
/// with a clear field error when a rule forbids it.
final class HostileStringTests: XCTestCase {
    func testHostileStringsRoundTripByteForByte() throws {
        let fixture = try Fixture()
        let accounts = fixture.db.accounts(actingAs: fixture.alice)
        let contacts = fixture.db.contacts(actingAs: fixture.alice)
        let all = try HostileStrings.all()
        XCTAssertGreaterThan(all.count, 20)
        for item in all {
            var draft = fixture.company(item.text.isEmpty ? "x" : item.text)
            draft.note = item.text
            var contact = fixture.person(item.text, "Last")
            contact.messenger = String(item.text.prefix(200))
            let errors = draft.validate(type: fixture.companyType)
            if !errors.isEmpty {
                XCTAssertThrowsError(try accounts.create(draft), item.case) { error in
                    XCTAssertEqual((error as? ValidationError)?.errors, errors)
                }
                continue
            }
            let saved = try accounts.get(id: accounts.create(draft).id)
            XCTAssertEqual(Array(saved.name.utf8), Array(item.text.utf8), item.case)
            XCTAssertEqual(Array(saved.note.utf8), Array(item.text.utf8), item.case)
            XCTAssertEqual(saved.displayName, item.text, item.case)
            let savedContact = try contacts.get(id: contacts.create(contact).id)
            XCTAssertEqual(Array(savedContact.firstName.utf8), Array(item.text.utf8), item.case)
            do {
                _ = try accounts.page(AccountQuery(filter: item.text), .first, limit: 5)
            } catch let invalid as FilterError {
                XCTAssertFalse(invalid.message.isEmpty, item.case)
            }
            XCTAssertNoThrow(try fixture.db.search(actingAs: fixture.alice).search(item.text), item.case)
        }
    }

    func testOnlyNulAndOverlongNamesAreRefused() throws {
        let fixture = try Fixture()
        let refused = try HostileStrings.all().filter { !fixture.company($0.text).validate(type: fixture.companyType).isEmpty }
        XCTAssertEqual(Set(refused.map(\.case)), ["nul", "very-long"])
        var longNote = fixture.company("Long")
        longNote.note = try XCTUnwrap(HostileStrings.all().first { $0.case == "very-long" }).text
        let saved = try fixture.db.accounts(actingAs: fixture.alice).create(longNote)
        XCTAssertEqual(saved.note, longNote.note)
    }
}
