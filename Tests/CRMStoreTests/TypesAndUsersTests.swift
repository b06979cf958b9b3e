import CRMCore
import CRMStore
import XCTest

final class TypesAndUsersTests: XCTestCase {
    func testContactTypesCanBeConfiguredButNotDeletedWhileUsed() throws {
        let fixture = try Fixture()
        let types = fixture.db.contactTypes(actingAs: fixture.admin)
        let partner = try types.create(name: "Partner consultant")
        XCTAssertEqual(partner.position, 4)
        let renamed = try types.rename(id: partner.id, to: "Partner", expectedVersion: partner.version)
        XCTAssertThrowsError(try types.rename(id: partner.id, to: "Again", expectedVersion: partner.version)) {
            XCTAssertTrue($0 is StaleRecordError<ContactType>)
        }
        XCTAssertThrowsError(try types.create(name: "Partner")) { XCTAssertTrue($0 is ValidationError) }
        let order = try types.list().map(\.id).reversed()
        XCTAssertEqual(try types.reorder(Array(order)).map(\.name), ["Partner", "Other", "Consultant", "Employee"])
        XCTAssertThrowsError(try types.reorder([partner.id])) { XCTAssertTrue($0 is RuleViolationError) }
        _ = try fixture.db.contacts(actingAs: fixture.alice).create(fixture.person("Jan", "Novák"))
        let employee = try XCTUnwrap(types.list().first { $0.name == "Employee" })
        XCTAssertThrowsError(try types.delete(id: employee.id, expectedVersion: employee.version)) { error in
            XCTAssertEqual("\(error)", "The contact type \"Employee\" is used by 1 contact; give them another contact type first.")
        }
        let current = try XCTUnwrap(types.list().first { $0.id == partner.id })
        try types.delete(id: partner.id, expectedVersion: current.version)
        let history = try fixture.db.journal(actingAs: fixture.admin).history(of: .contactType, id: partner.id)
        XCTAssertEqual(history.map(\.action), [.delete, .update, .update, .create, .create])
        XCTAssertEqual(history[1].field, "position")
        XCTAssertEqual(history[2].oldValue, "Partner consultant")
        XCTAssertEqual(renamed.name, "Partner")
    }

    func testChangingAnAccountTypesNameFieldsRenamesItsAccounts() throws {
        let fixture = try Fixture()
        var draft = AccountDraft(typeID: fixture.personType.id)
        draft.firstName = "Jan"
        draft.lastName = "Novák"
        draft.name = "Novák Consulting"
        let account = try fixture.db.accounts(actingAs: fixture.alice).create(draft)
        var contact = fixture.person("Eva", "Nováková")
        contact.accountID = account.id
        let savedContact = try fixture.db.contacts(actingAs: fixture.alice).create(contact)
        XCTAssertEqual(account.displayName, "Jan Novák")
        let types = fixture.db.accountTypes(actingAs: fixture.admin)
        var typeDraft = fixture.personType.draft
        typeDraft.usesPersonName = false
        typeDraft.usesOrganisationName = true
        _ = try types.update(id: fixture.personType.id, with: typeDraft, expectedVersion: fixture.personType.version)
        XCTAssertEqual(try fixture.db.accounts(actingAs: fixture.alice).get(id: account.id).displayName, "Novák Consulting")
        XCTAssertEqual(try fixture.db.contacts(actingAs: fixture.alice).get(id: savedContact.id).accountName, "Novák Consulting")
        XCTAssertEqual(try fixture.db.contacts(actingAs: fixture.alice)
            .page(ContactQuery(filter: "consult"), .first, limit: 5).map(\.id), [savedContact.id])
        XCTAssertThrowsError(try types.delete(id: fixture.personType.id, expectedVersion: 2)) {
            XCTAssertTrue($0 is RuleViolationError)
        }
        typeDraft.usesOrganisationName = false
        XCTAssertThrowsError(try types.update(id: fixture.personType.id, with: typeDraft, expectedVersion: 2)) {
            XCTAssertEqual(($0 as? ValidationError)?.errors.map(\.field), ["usesOrganisationName"])
        }
    }

    func testUsersHaveUniqueWellFormedLogins() throws {
        let fixture = try Fixture()
        XCTAssertThrowsError(try fixture.db.users.add(login: "alice", displayName: "Another Alice", role: .partner)) { error in
            XCTAssertEqual("\(error)", "Please correct: The login \"alice\" is already taken.")
        }
        XCTAssertThrowsError(try fixture.db.users.add(login: "Bad Login", displayName: "", role: .partner)) { error in
            XCTAssertEqual((error as? ValidationError)?.errors.map(\.field), ["login", "displayName"])
        }
        let carol = try fixture.db.users.add(login: "carol.k", displayName: "Carol", role: .salesDirector, actingAs: fixture.admin)
        XCTAssertEqual(try fixture.db.users.find(login: "carol.k"), carol)
        XCTAssertEqual(try fixture.db.users.list().map(\.login), ["admin", "alice", "bob", "carol.k"])
        let history = try fixture.db.journal(actingAs: fixture.admin).history(of: .user, id: carol.id)
        XCTAssertEqual(history.last?.userLogin, "admin")
        let bootstrap = try fixture.db.journal(actingAs: fixture.admin).history(of: .user, id: fixture.admin.id)
        XCTAssertNil(bootstrap.last?.userID, "the first user is created from the command line")
    }
}
