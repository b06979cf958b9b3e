import CRMCore
import CRMStore
import XCTest

/// A private account is visible only to its creator — not even to an administrator — and its
/// contacts share that privacy.
final class PrivacyTests: XCTestCase {
    private func makePrivateAccount(_ fixture: Fixture) throws -> (Account, PersonalContact) {
        var draft = fixture.company("Secret Deal", city: "Brno")
        draft.isPrivate = true
        let account = try fixture.db.accounts(actingAs: fixture.alice).create(draft)
        var contact = fixture.person("Tajný", "Kontakt")
        contact.accountID = account.id
        return (account, try fixture.db.contacts(actingAs: fixture.alice).create(contact))
    }

    func testOnlyTheCreatorSeesAPrivateAccount() throws {
        let fixture = try Fixture()
        let (account, contact) = try makePrivateAccount(fixture)
        _ = try fixture.db.accounts(actingAs: fixture.alice).create(fixture.company("Public Co", city: "Brno"))
        for outsider in [fixture.admin, fixture.bob] {
            let accounts = fixture.db.accounts(actingAs: outsider)
            XCTAssertEqual(try accounts.page(AccountQuery(), .first, limit: 10).map(\.displayName), ["Public Co"])
            XCTAssertEqual(try accounts.page(AccountQuery(filter: "secret"), .first, limit: 10), [])
            XCTAssertEqual(try accounts.count(AccountQuery()).value, 1)
            XCTAssertThrowsError(try accounts.get(id: account.id)) { XCTAssertTrue($0 is RecordNotFoundError) }
            XCTAssertThrowsError(try accounts.setFavourite(true, accountID: account.id))
            let contacts = fixture.db.contacts(actingAs: outsider)
            XCTAssertEqual(try contacts.page(ContactQuery(), .first, limit: 10), [])
            XCTAssertEqual(try contacts.page(ContactQuery(view: .ofAccount(account.id)), .first, limit: 10), [])
            XCTAssertEqual(try contacts.count(ContactQuery()).value, 0)
            XCTAssertThrowsError(try contacts.get(id: contact.id))
            XCTAssertEqual(try fixture.db.search(actingAs: outsider).search("secret"), [])
            XCTAssertEqual(try fixture.db.search(actingAs: outsider).search("tajny"), [])
            XCTAssertThrowsError(try fixture.db.journal(actingAs: outsider).history(of: .account, id: account.id))
            var edit = account.fields
            edit.isPrivate = false
            XCTAssertThrowsError(try accounts.update(id: account.id, with: edit, expectedVersion: 1)) {
                XCTAssertTrue($0 is RecordNotFoundError)
            }
        }
        let mine = fixture.db.accounts(actingAs: fixture.alice)
        XCTAssertEqual(try mine.count(AccountQuery()).value, 2)
        XCTAssertEqual(try mine.get(id: account.id).displayName, "Secret Deal")
        XCTAssertEqual(try fixture.db.contacts(actingAs: fixture.alice).count(ContactQuery()).value, 1)
        let hits = try fixture.db.search(actingAs: fixture.alice).search("secret")
        XCTAssertEqual(hits.map(\.entity), [.account, .contact], "the contact matches through its account's name")
        XCTAssertEqual(hits.map(\.id), [account.id, contact.id])
    }

    func testMakingAnAccountPublicRevealsItsContacts() throws {
        let fixture = try Fixture()
        let (account, contact) = try makePrivateAccount(fixture)
        var edit = account.fields
        edit.isPrivate = false
        _ = try fixture.db.accounts(actingAs: fixture.alice).update(id: account.id, with: edit, expectedVersion: 1)
        XCTAssertEqual(try fixture.db.contacts(actingAs: fixture.bob).get(id: contact.id).accountName, "Secret Deal")
        edit.isPrivate = true
        _ = try fixture.db.accounts(actingAs: fixture.alice).update(id: account.id, with: edit, expectedVersion: 2)
        XCTAssertThrowsError(try fixture.db.contacts(actingAs: fixture.bob).get(id: contact.id))
    }

    func testOnlyTheCreatorMayMakeAnAccountPrivate() throws {
        let fixture = try Fixture()
        let account = try fixture.db.accounts(actingAs: fixture.alice).create(fixture.company("Acme"))
        var edit = account.fields
        edit.isPrivate = true
        XCTAssertThrowsError(try fixture.db.accounts(actingAs: fixture.bob).update(id: account.id, with: edit, expectedVersion: 1)) {
            XCTAssertEqual(($0 as? ValidationError)?.errors.map(\.field), ["isPrivate"])
        }
    }
}
