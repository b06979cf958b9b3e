import CRMCore
import CRMStore
import XCTest

final class DemoDataTests: XCTestCase {
    func testSmallDemoIsDeterministicAndRealistic() throws {
        let first = try AppDatabase.inMemory()
        let second = try AppDatabase.inMemory()
        var phases: [String] = []
        let summary = try DemoDataGenerator(scale: .small).generate(into: first) { phase, _ in phases.append(phase) }
        XCTAssertEqual(try DemoDataGenerator(scale: .small).generate(into: second), summary)
        XCTAssertEqual(summary.accounts, 300)
        XCTAssertEqual(summary.contacts, 1_500)
        XCTAssertGreaterThan(summary.privateAccounts, 0)
        XCTAssertTrue(phases.contains("Contacts") && phases.last == "Done")

        let admin = try XCTUnwrap(first.users.find(login: "admin"))
        XCTAssertEqual(Set(try first.users.list().map(\.role)), Set(Role.allCases))
        let page = { (db: AppDatabase) in
            try db.contacts(actingAs: admin).page(ContactQuery(), .first, limit: 40).map(\.displayName)
        }
        XCTAssertEqual(try page(first), try page(second))
        let accounts = first.accounts(actingAs: admin)
        XCTAssertEqual(try accounts.count(AccountQuery()).value, 300 - summary.privateAccounts)
        XCTAssertGreaterThan(try accounts.count(AccountQuery(view: .favourites)).value, 0)
        XCTAssertGreaterThan(try accounts.count(AccountQuery(filter: "gmbh")).value, 0)
        XCTAssertGreaterThan(try first.contacts(actingAs: admin).count(ContactQuery(filter: "dvorak")).value, 0)
    }

    func testDemoRowsBehaveLikeSavedRows() throws {
        let db = try AppDatabase.inMemory()
        try DemoDataGenerator(scale: .small).generate(into: db)
        let rep = try XCTUnwrap(db.users.find(login: "jan.novak"))
        let contacts = db.contacts(actingAs: rep)
        let contact = try XCTUnwrap(contacts.page(ContactQuery(sort: .account), .first, limit: 1).first)
        var edit = contact.fields
        edit.jobTitle = "Chief Tester"
        let updated = try contacts.update(id: contact.id, with: edit, expectedVersion: contact.version)
        XCTAssertEqual(try contacts.page(ContactQuery(filter: "chief tester"), .first, limit: 5).map(\.id), [updated.id])
        XCTAssertEqual(ContactQuery(sort: .account).cursor(for: updated), ContactQuery(sort: .account).cursor(for: contact))
    }

    func testRefusesADatabaseThatHoldsData() throws {
        let fixture = try Fixture()
        XCTAssertThrowsError(try DemoDataGenerator(scale: .small).generate(into: fixture.db)) { error in
            XCTAssertEqual(error as? StoreError, .notEmpty("(in memory)"))
        }
        XCTAssertEqual(try fixture.db.users.list().count, 3, "nothing was written")
    }
}
