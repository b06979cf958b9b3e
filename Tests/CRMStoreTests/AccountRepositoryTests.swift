import CRMCore
@testable import CRMStore
import GRDB
import XCTest

final class AccountRepositoryTests: XCTestCase {
    func testCreateJournalsTheRecordAndItsValues() throws {
        let fixture = try Fixture()
        let account = try fixture.db.accounts(actingAs: fixture.alice).create(fixture.company("Acme", city: "Brno"))
        XCTAssertEqual(account.displayName, "Acme")
        XCTAssertEqual(account.version, 1)
        XCTAssertEqual(account.createdByID, fixture.alice.id)
        let history = try fixture.db.journal(actingAs: fixture.alice).history(of: .account, id: account.id)
        XCTAssertEqual(history.last?.action, .create)
        XCTAssertNil(history.last?.field)
        let values = Dictionary(uniqueKeysWithValues: history.compactMap { entry in entry.field.map { ($0, entry.newValue ?? "") } })
        XCTAssertEqual(values["name"], "Acme")
        XCTAssertEqual(values["city"], "Brno")
        XCTAssertNil(values["email"], "empty fields are not journaled")
        XCTAssertTrue(history.allSatisfy { $0.userLogin == "alice" && $0.action == .create })
    }

    func testUpdateJournalsEachChangedFieldAndBumpsTheVersion() throws {
        let fixture = try Fixture()
        let accounts = fixture.db.accounts(actingAs: fixture.alice)
        let account = try accounts.create(fixture.company("Acme", city: "Brno"))
        var draft = account.fields
        draft.city = "Praha"
        draft.isKeyAccount = true
        let updated = try accounts.update(id: account.id, with: draft, expectedVersion: account.version)
        XCTAssertEqual(updated.version, 2)
        XCTAssertEqual(updated.city, "Praha")
        // History is newest first; the fields of one save come in form order.
        let changes = try fixture.db.journal(actingAs: fixture.bob).history(of: .account, id: account.id)
            .filter { $0.action == .update }.reversed()
        XCTAssertEqual(changes.map(\.field), ["city", "isKeyAccount"])
        XCTAssertEqual(changes.map(\.oldValue), ["Brno", "false"])
        XCTAssertEqual(changes.map(\.newValue), ["Praha", "true"])
    }

    func testAStaleUpdateIsRefusedWithTheFreshRecord() throws {
        let fixture = try Fixture()
        let alices = fixture.db.accounts(actingAs: fixture.alice)
        let bobs = fixture.db.accounts(actingAs: fixture.bob)
        let original = try alices.create(fixture.company("Acme"))
        var bobsEdit = original.fields
        bobsEdit.city = "Ostrava"
        _ = try bobs.update(id: original.id, with: bobsEdit, expectedVersion: original.version)
        var alicesEdit = original.fields
        alicesEdit.city = "Plzeň"
        XCTAssertThrowsError(try alices.update(id: original.id, with: alicesEdit, expectedVersion: original.version)) { error in
            let stale = error as? StaleRecordError<Account>
            XCTAssertEqual(stale?.fresh.city, "Ostrava")
            XCTAssertEqual(stale?.fresh.version, 2)
            XCTAssertTrue("\(error)".contains("Someone else changed this account"))
        }
        XCTAssertEqual(try alices.get(id: original.id).city, "Ostrava")
        XCTAssertThrowsError(try alices.delete(id: original.id, expectedVersion: 1)) { error in
            XCTAssertTrue(error is StaleRecordError<Account>)
        }
    }

    func testDeleteIsJournaledAndRefusedWhileContactsRemain() throws {
        let fixture = try Fixture()
        let accounts = fixture.db.accounts(actingAs: fixture.alice)
        let account = try accounts.create(fixture.company("Acme"))
        var contact = fixture.person("Jan", "Novák")
        contact.accountID = account.id
        let saved = try fixture.db.contacts(actingAs: fixture.alice).create(contact)
        XCTAssertThrowsError(try accounts.delete(id: account.id, expectedVersion: 1)) { error in
            XCTAssertEqual("\(error)", "This account still has 1 contact; delete them or move them to another account first.")
        }
        try fixture.db.contacts(actingAs: fixture.alice).delete(id: saved.id, expectedVersion: saved.version)
        try accounts.delete(id: account.id, expectedVersion: 1)
        XCTAssertThrowsError(try accounts.get(id: account.id)) { error in
            XCTAssertEqual(error as? RecordNotFoundError, RecordNotFoundError(entity: .account, id: account.id))
        }
        let history = try fixture.db.journal(actingAs: fixture.alice).history(of: .account, id: account.id)
        XCTAssertEqual(history.first?.action, .delete)
    }

    func testTheDeleteRuleCanBeReadBeforeAskingAndIsTheOneDeleteApplies() throws {
        let fixture = try Fixture()
        let accounts = fixture.db.accounts(actingAs: fixture.alice)
        let account = try accounts.create(fixture.company("Acme"))
        XCTAssertNil(try accounts.deletionRefusal(id: account.id))
        var deal = OpportunityDraft(name: "Pilot", statusID: try XCTUnwrap(
            fixture.db.opportunityStatuses(actingAs: fixture.admin).list().first).id)
        deal.accountID = account.id
        _ = try fixture.db.opportunities(actingAs: fixture.alice).create(deal)
        let refusal = try XCTUnwrap(try accounts.deletionRefusal(id: account.id))
        XCTAssertEqual(refusal.message, "This account still has 1 opportunity; delete them or give them another account first.")
        XCTAssertThrowsError(try accounts.delete(id: account.id, expectedVersion: account.version)) { error in
            XCTAssertEqual(error as? RuleViolationError, refusal)
        }
    }

    func testAnAccountCannotBeStoredGlobalAndPrivate() throws {
        let fixture = try Fixture()
        var draft = fixture.company("Acme")
        draft.isGlobal = true
        draft.isPrivate = true
        XCTAssertThrowsError(try fixture.db.accounts(actingAs: fixture.alice).create(draft)) { error in
            XCTAssertEqual((error as? ValidationError)?.errors.map(\.field), ["isPrivate"])
        }
        let account = try fixture.db.accounts(actingAs: fixture.alice).create(fixture.company("Acme"))
        XCTAssertThrowsError(try fixture.db.writer.write { db in
            try db.execute(sql: "UPDATE accounts SET is_global = 1, is_private = 1 WHERE id = ?", arguments: [account.id])
        }, "the file itself refuses both, whatever writes it")
    }

    func testValidationNamesTheFields() throws {
        let fixture = try Fixture()
        var draft = fixture.company("", email: "not-an-email")
        draft.accountManagerID = 4242
        XCTAssertThrowsError(try fixture.db.accounts(actingAs: fixture.alice).create(draft)) { error in
            XCTAssertEqual((error as? ValidationError)?.errors.map(\.field), ["name", "email", "accountManagerID"])
        }
    }

    func testFavouritesBelongToEachUser() throws {
        let fixture = try Fixture()
        let alices = fixture.db.accounts(actingAs: fixture.alice)
        let bobs = fixture.db.accounts(actingAs: fixture.bob)
        let acme = try alices.create(fixture.company("Acme"))
        _ = try alices.create(fixture.company("Beta"))
        try alices.setFavourite(true, accountID: acme.id)
        try alices.setFavourite(true, accountID: acme.id)
        XCTAssertTrue(try alices.get(id: acme.id).isFavourite)
        XCTAssertFalse(try bobs.get(id: acme.id).isFavourite)
        let favourites = AccountQuery(view: .favourites)
        XCTAssertEqual(try alices.page(favourites, .first, limit: 10).map(\.displayName), ["Acme"])
        XCTAssertEqual(try bobs.page(favourites, .first, limit: 10), [])
        XCTAssertEqual(try alices.count(favourites), BoundedCount(value: 1, isExact: true))
        try alices.setFavourite(false, accountID: acme.id)
        XCTAssertEqual(try alices.page(favourites, .first, limit: 10), [])
    }

    func testMineMeansManagedOrCreated() throws {
        let fixture = try Fixture()
        _ = try fixture.db.accounts(actingAs: fixture.alice).create(fixture.company("Created by Alice"))
        var managed = fixture.company("Managed by Alice")
        managed.accountManagerID = fixture.alice.id
        _ = try fixture.db.accounts(actingAs: fixture.bob).create(managed)
        _ = try fixture.db.accounts(actingAs: fixture.bob).create(fixture.company("Bob's own"))
        let mine = try fixture.db.accounts(actingAs: fixture.alice).page(AccountQuery(view: .mine), .first, limit: 10)
        XCTAssertEqual(mine.map(\.displayName), ["Created by Alice", "Managed by Alice"])
    }

    func testPersonAccountsShowThePersonName() throws {
        let fixture = try Fixture()
        var draft = AccountDraft(typeID: fixture.personType.id)
        draft.firstName = "Čeněk"
        draft.lastName = "Dvořák"
        let account = try fixture.db.accounts(actingAs: fixture.alice).create(draft)
        XCTAssertEqual(account.displayName, "Čeněk Dvořák")
    }
}
