import CRMCore
import CRMStore
import Foundation
import XCTest

/// A fresh in-memory database with three users and the seeded types, for one test.
struct Fixture {
    let db: AppDatabase
    let admin: User
    let alice: User
    let bob: User
    let personType: AccountType
    let companyType: AccountType
    let employeeType: ContactType

    init(clock: @escaping @Sendable () -> Date = { Date() }) throws {
        try self.init(database: AppDatabase.inMemory(clock: clock))
    }

    init(database: AppDatabase) throws {
        db = database
        admin = try db.users.add(login: "admin", displayName: "Admin", role: .admin)
        alice = try db.users.add(login: "alice", displayName: "Alice", role: .salesRep)
        bob = try db.users.add(login: "bob", displayName: "Bob", role: .salesRep)
        let types = try db.accountTypes(actingAs: admin).list()
        personType = try XCTUnwrap(types.first { $0.key == "person" })
        companyType = try XCTUnwrap(types.first { $0.key == "company" })
        employeeType = try XCTUnwrap(db.contactTypes(actingAs: admin).list().first { $0.name == "Employee" })
    }

    func company(_ name: String, city: String = "", email: String = "") -> AccountDraft {
        var draft = AccountDraft(typeID: companyType.id)
        draft.name = name
        draft.city = city
        draft.email = email
        return draft
    }

    func person(_ first: String, _ last: String) -> ContactDraft {
        var draft = ContactDraft(typeID: employeeType.id)
        draft.firstName = first
        draft.lastName = last
        return draft
    }
}

/// A path in a fresh temporary folder, removed with the folder at the end of the test.
func temporaryDatabasePath(_ test: XCTestCase, name: String = "crm.sqlite") throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crm-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
    return folder.appendingPathComponent(name).path
}
