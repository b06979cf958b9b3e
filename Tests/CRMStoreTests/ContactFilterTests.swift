import CRMCore
@testable import CRMStore
import Foundation
import GRDB
import XCTest

/// The contact catalog on a small database: names, the copied account name, job titles, types.
final class ContactFilterTests: XCTestCase {
    private var fixture: Fixture!
    private var catalog: FilterCatalog!
    private var context: FilterContext!

    override func setUpWithError() throws {
        fixture = try Fixture()
        let acme = try fixture.db.accounts(actingAs: fixture.alice).create(fixture.company("Acme Corp"))
        let contacts = fixture.db.contacts(actingAs: fixture.alice)
        let consultant = try XCTUnwrap(fixture.db.contactTypes(actingAs: fixture.admin).list().first { $0.name == "Consultant" })
        var jan = fixture.person("Jan", "Novák")
        jan.accountID = acme.id
        jan.jobTitle = "Sales Manager"
        var petra = fixture.person("Petra", "Dvořáková")
        petra.accountID = acme.id
        petra.email = "petra@acme.example"
        var karel = fixture.person("Karel", "Nový")
        karel.typeID = consultant.id
        karel.jobTitle = "Manažer"
        for draft in [jan, petra, karel] { _ = try contacts.create(draft) }
        catalog = try fixture.db.contactFilterCatalog()
        context = FilterContext(
            today: CalendarDate(year: 2027, month: 2, day: 17)!, timeZone: TimeZone(identifier: "UTC")!,
            me: fixture.alice.id, rates: ExchangeRateTable(base: try Currency(code: "EUR")))
    }

    private func names(_ text: String) throws -> [String] {
        let compiled = try catalog.compile(text, context: context)
        var parts = compiled.condition.map { [$0] } ?? []
        parts += SearchText.filterTokens(compiled.words).map { "instr(c.search_text, \(" " + $0)) > 0" as SQL }
        let condition: SQL = parts.isEmpty ? "" : "WHERE " + parts.joined(separator: " AND ")
        return try fixture.db.read { db in
            try String.fetchAll(db, SQLRequest<String>(literal: "SELECT c.first_name FROM contacts c \(condition)"))
        }.sorted()
    }

    func testTextFields() throws {
        XCTAssertEqual(try names("name:novak"), ["Jan"])
        XCTAssertEqual(try names("name:nov"), ["Jan", "Karel"])
        XCTAssertEqual(try names("name=\"jan novák\""), ["Jan"])
        XCTAssertEqual(try names("job:manager"), ["Jan"])
        XCTAssertEqual(try names("title:manaz"), ["Karel"])
        XCTAssertEqual(try names("email:acme"), ["Petra"])
        XCTAssertEqual(try names("mail:\"petra acme example\""), ["Petra"])
    }

    func testAccountNameAndContactsWithoutAccount() throws {
        XCTAssertEqual(try names("account:acme"), ["Jan", "Petra"])
        XCTAssertEqual(try names("company:\"acme corp\""), ["Jan", "Petra"])
        XCTAssertEqual(try names("account:none"), ["Karel"])
        XCTAssertEqual(try names("-account:acme"), ["Karel"])
    }

    func testTypesAndCombinations() throws {
        XCTAssertEqual(try names("type:consultant"), ["Karel"])
        XCTAssertEqual(try names("type:employee,consultant"), ["Jan", "Karel", "Petra"])
        XCTAssertEqual(try names("type:employee -job:sales"), ["Petra"])
        XCTAssertEqual(try names("acme (job:manager | email:petra)"), ["Jan", "Petra"])
        XCTAssertEqual(try names("created:today OR updated>=-1w"), [])
    }
}
