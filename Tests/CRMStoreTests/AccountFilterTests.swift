import CRMCore
@testable import CRMStore
import Foundation
import GRDB
import XCTest

/// Compiles filters against the account catalog and runs them on a small database, checking
/// exactly which accounts match.
final class AccountFilterTests: XCTestCase {
    private var fixture: Fixture!
    private var catalog: FilterCatalog!
    private var context: FilterContext!

    override func setUpWithError() throws {
        fixture = try Fixture()
        let accounts = fixture.db.accounts(actingAs: fixture.alice)
        let czk = try Currency(code: "CZK"), eur = try Currency(code: "EUR"), usd = try Currency(code: "USD")
        func add(_ name: String, city: String, manager: User?, employees: Int?, revenue: Money?, key: Bool = false,
                 since: String?, created: String) throws {
            var draft = fixture.company(name, city: city)
            draft.accountManagerID = manager?.id
            draft.employees = employees
            draft.annualRevenue = revenue
            draft.isKeyAccount = key
            draft.customerSince = since.flatMap(CalendarDate.init(parsing:))
            try setCreated(accounts.create(draft).id, created)
        }
        try add("Acme Corp", city: "Praha", manager: fixture.alice, employees: 50, revenue: Money(1_000_000, czk), key: true,
                since: "2026-12-15", created: "2027-02-16T23:30:00Z")
        try add("Acme Labs", city: "Brno", manager: fixture.bob, employees: 500, revenue: Money(39_801, eur),
                since: "2027-01-10", created: "2026-11-01T10:00:00Z")
        try add("Beta Trading", city: "Plzeň", manager: nil, employees: nil, revenue: Money(Decimal(string: "39800.99")!, eur),
                since: nil, created: "2027-02-17T12:00:00Z")
        try add("Dvořák a syn", city: "Ústí nad Labem", manager: fixture.alice, employees: 3, revenue: Money(10_000, usd),
                since: "2027-03-31", created: "2025-06-01T08:00:00Z")
        try add("x' OR 1=1 --", city: "", manager: nil, employees: nil, revenue: nil, since: nil, created: "2020-01-01T00:00:00Z")
        var person = AccountDraft(typeID: fixture.personType.id)
        person.firstName = "Eva"
        person.lastName = "Malá"
        try setCreated(accounts.create(person).id, "2027-02-18T09:00:00Z")

        catalog = try fixture.db.accountFilterCatalog()
        // 1 EUR = 25.125 CZK; USD has no rate.
        context = FilterContext(
            today: CalendarDate(year: 2027, month: 2, day: 17)!, timeZone: TimeZone(identifier: "Europe/Prague")!,
            me: fixture.alice.id, rates: ExchangeRateTable(base: czk, rates: ["EUR": Decimal(string: "25.125")!]))
    }

    private func setCreated(_ id: Int64, _ iso: String) throws {
        let instant = try XCTUnwrap(ISO8601DateFormatter().date(from: iso))
        try fixture.db.write { db in
            try db.execute(sql: "UPDATE accounts SET created_at = ? WHERE id = ?", arguments: [instant.millisecondsSince1970, id])
        }
    }

    /// The display names of the accounts matching `text`, sorted; the words the compiler leaves
    /// to the quick filter are applied as the quick filter's walk does.
    private func names(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let compiled = try catalog.compile(text, context: context)
        var parts = compiled.condition.map { [$0] } ?? []
        parts += SearchText.filterTokens(compiled.words).map { "instr(a.search_text, \(" " + $0)) > 0" as SQL }
        let condition: SQL = parts.isEmpty ? "" : "WHERE " + parts.joined(separator: " AND ")
        return try fixture.db.read { db in
            try String.fetchAll(db, SQLRequest<String>(literal: "SELECT a.display_name FROM accounts a \(condition)"))
        }.sorted()
    }

    private func failure(_ text: String) -> String {
        do {
            _ = try catalog.compile(text, context: context)
            return "compiled"
        } catch {
            return error.description
        }
    }

    private let everyone = ["Acme Corp", "Acme Labs", "Beta Trading", "Dvořák a syn", "Eva Malá", "x' OR 1=1 --"]

    private func everyone(but excluded: String...) -> [String] { everyone.filter { !excluded.contains($0) } }

    func testEmptyFilterKeepsEveryRow() throws {
        XCTAssertEqual(try names(""), everyone)
        XCTAssertNil(try catalog.compile("  ", context: context).condition)
    }

    func testTopLevelWordsAreLeftToTheQuickFilter() throws {
        let compiled = try catalog.compile("Acme city:praha Čor", context: context)
        XCTAssertEqual(compiled.words, "acme cor")
        XCTAssertEqual(try names("acme"), ["Acme Corp", "Acme Labs"])
        XCTAssertNil(try catalog.compile("acme", context: context).condition)
        XCTAssertEqual(try names("Acme Čor"), ["Acme Corp"])
    }

    func testWithoutASearchIndexWordsBecomeConditions() throws {
        var plain = catalog!
        plain.ftsTable = nil
        let compiled = try plain.compile("acme \"acme corp\"", context: context)
        XCTAssertEqual(compiled.words, "")
        catalog = plain
        XCTAssertEqual(try names("acme \"acme corp\""), ["Acme Corp"])
        XCTAssertEqual(try names("acme"), ["Acme Corp", "Acme Labs"])
    }

    func testPhrasesNeedTheirWordsInOrder() throws {
        XCTAssertEqual(try catalog.compile("\"acme corp\"", context: context).words, "acme corp")
        XCTAssertEqual(try names("\"acme co\""), ["Acme Corp"])
        XCTAssertEqual(try names("\"corp acme\""), [])
        XCTAssertEqual(try names("\"dvorak a s\""), ["Dvořák a syn"])
    }

    func testTextFieldsMatchWordPrefixesFoldingCaseAndAccents() throws {
        XCTAssertEqual(try names("city:praha"), ["Acme Corp"])
        XCTAssertEqual(try names("city:PLZEN"), ["Beta Trading"])
        XCTAssertEqual(try names("city:usti"), ["Dvořák a syn"])
        XCTAssertEqual(try names("city:\"usti nad\""), ["Dvořák a syn"])
        XCTAssertEqual(try names("city:\"nad usti\""), [])
        XCTAssertEqual(try names("city:labem"), ["Dvořák a syn"])
        XCTAssertEqual(try names("name:dvorak"), ["Dvořák a syn"])
        XCTAssertEqual(try names("name:mala"), ["Eva Malá"])
    }

    func testEqualsComparesTheWholeFoldedText() throws {
        XCTAssertEqual(try names("city=plzen"), ["Beta Trading"])
        XCTAssertEqual(try names("city=plz"), [])
        XCTAssertEqual(try names("city=\"ÚSTÍ NAD LABEM\""), ["Dvořák a syn"])
        XCTAssertEqual(try names("city!=praha"), everyone(but: "Acme Corp"))
    }

    func testEmptyTextValues() throws {
        XCTAssertEqual(try names("city:none"), ["Eva Malá", "x' OR 1=1 --"])
        XCTAssertEqual(try names("city!=empty"), ["Acme Corp", "Acme Labs", "Beta Trading", "Dvořák a syn"])
    }

    func testListsMeanAnyOf() throws {
        XCTAssertEqual(try names("city:praha,brno"), ["Acme Corp", "Acme Labs"])
        XCTAssertEqual(try names("city!=praha,brno"), everyone(but: "Acme Corp", "Acme Labs"))
        XCTAssertEqual(try names("manager:none,bob"), everyone(but: "Acme Corp", "Dvořák a syn"))
    }

    func testUsers() throws {
        XCTAssertEqual(try names("manager:me"), ["Acme Corp", "Dvořák a syn"])
        XCTAssertEqual(try names("owner:ME"), ["Acme Corp", "Dvořák a syn"])
        XCTAssertEqual(try names("manager:bob"), ["Acme Labs"])
        XCTAssertEqual(try names("manager:\"Alice\""), ["Acme Corp", "Dvořák a syn"])
        XCTAssertEqual(try names("manager:ali"), ["Acme Corp", "Dvořák a syn"])
        XCTAssertEqual(try names("manager:none"), ["Beta Trading", "Eva Malá", "x' OR 1=1 --"])
        XCTAssertEqual(failure("manager:zed"), "No user \"zed\"; choose from admin, alice, bob at 9–11")
    }

    func testNegationKeepsRowsWithoutAValue() throws {
        let notMine = ["Acme Labs", "Beta Trading", "Eva Malá", "x' OR 1=1 --"]
        XCTAssertEqual(try names("-manager:me"), notMine)
        XCTAssertEqual(try names("NOT manager:me"), notMine)
        XCTAssertEqual(try names("manager!=me"), notMine)
        XCTAssertEqual(try names("-employees>=50"), everyone(but: "Acme Corp", "Acme Labs"))
        XCTAssertEqual(try names("--manager:me"), ["Acme Corp", "Dvořák a syn"])
    }

    func testNumbers() throws {
        XCTAssertEqual(try names("employees>=50"), ["Acme Corp", "Acme Labs"])
        XCTAssertEqual(try names("employees>50"), ["Acme Labs"])
        XCTAssertEqual(try names("employees>2.5"), ["Acme Corp", "Acme Labs", "Dvořák a syn"])
        XCTAssertEqual(try names("employees<=3"), ["Dvořák a syn"])
        XCTAssertEqual(try names("employees:1..50"), ["Acme Corp", "Dvořák a syn"])
        XCTAssertEqual(try names("employees=0.5k"), ["Acme Labs"])
        XCTAssertEqual(try names("employees:none"), ["Beta Trading", "Eva Malá", "x' OR 1=1 --"])
        XCTAssertEqual(failure("employees>=1e99k"), "\"1e99k\" is not a number; write 10000, 2.5 or 10k at 12–16")
        XCTAssertEqual(try names("employees<=99999999999999999999999"), ["Acme Corp", "Acme Labs", "Dvořák a syn"])
    }

    func testMoneyComparesInTheBaseCurrencyExactly() throws {
        // Acme Labs: 39,801 EUR = 1,000,000.125 CZK; Beta: 39,800.99 EUR = 999,999.87 CZK.
        XCTAssertEqual(try names("revenue>=1m"), ["Acme Corp", "Acme Labs"])
        XCTAssertEqual(try names("revenue>1000000"), ["Acme Labs"])
        XCTAssertEqual(try names("revenue<1m"), ["Beta Trading"])
        XCTAssertEqual(try names("revenue>=39801EUR"), ["Acme Labs"])
        XCTAssertEqual(try names("revenue>=EUR39800.99"), ["Acme Corp", "Acme Labs", "Beta Trading"])
        XCTAssertEqual(try names("revenue=39800.99eur"), ["Beta Trading"])
        XCTAssertEqual(try names("revenue:999999..1000000czk"), ["Acme Corp", "Beta Trading"])
        XCTAssertEqual(try names("revenue:none"), ["Eva Malá", "x' OR 1=1 --"])
        // USD has no rate, so Dvořák's revenue never matches a comparison, but its negation does.
        XCTAssertEqual(try names("-revenue>=1m"), ["Beta Trading", "Dvořák a syn", "Eva Malá", "x' OR 1=1 --"])
        XCTAssertEqual(failure("revenue>=10kUSD"), "No exchange rate for USD; known: CZK, EUR at 10–15")
    }

    func testBooleans() throws {
        XCTAssertEqual(try names("key:yes"), ["Acme Corp"])
        XCTAssertEqual(try names("key-account:no"), everyone(but: "Acme Corp"))
        XCTAssertEqual(failure("key:maybe"), "\"maybe\" is not yes or no at 5–9")
    }

    func testDates() throws {
        XCTAssertEqual(try names("since<2027"), ["Acme Corp"])
        XCTAssertEqual(try names("customer-since:2027-01"), ["Acme Labs"])
        XCTAssertEqual(try names("since:2027-01-01..2027-03-31"), ["Acme Labs", "Dvořák a syn"])
        XCTAssertEqual(try names("since:this-quarter"), ["Acme Labs", "Dvořák a syn"])
        XCTAssertEqual(try names("since<this-quarter"), ["Acme Corp"])
        XCTAssertEqual(try names("since<=this-quarter"), ["Acme Corp", "Acme Labs", "Dvořák a syn"])
        XCTAssertEqual(try names("since>=this-quarter"), ["Acme Labs", "Dvořák a syn"])
        XCTAssertEqual(try names("since>this-quarter"), [])
        XCTAssertEqual(try names("since<+30d"), ["Acme Corp", "Acme Labs"])
        XCTAssertEqual(try names("since>2027-03-30"), ["Dvořák a syn"])
        XCTAssertEqual(try names("since:none"), ["Beta Trading", "Eva Malá", "x' OR 1=1 --"])
        XCTAssertEqual(failure("since:soon"), "\"soon\" is not a date; write 2027-01-31, today, +30d or this-quarter at 7–10")
        XCTAssertEqual(failure("since:2027-03..2027-01"), "This range ends before it starts at 7–22")
    }

    func testTimestampDaysFollowTheUsersZone() throws {
        // Acme Corp was created at 23:30 UTC on the 16th, which is already the 17th in Prague.
        XCTAssertEqual(try names("created:today"), ["Acme Corp", "Beta Trading"])
        XCTAssertEqual(try names("created<today"), ["Acme Labs", "Dvořák a syn", "x' OR 1=1 --"])
        context.timeZone = TimeZone(identifier: "UTC")!
        XCTAssertEqual(try names("created:today"), ["Beta Trading"])
        XCTAssertEqual(try names("created:yesterday"), ["Acme Corp"])
        XCTAssertEqual(try names("created>yesterday"), ["Beta Trading", "Eva Malá"])
        XCTAssertEqual(try names("created<=2026"), ["Acme Labs", "Dvořák a syn", "x' OR 1=1 --"])
        XCTAssertEqual(try names("created:2025..last-year"), ["Acme Labs", "Dvořák a syn"])
    }

    func testEnumerationsByNameOrKey() throws {
        XCTAssertEqual(try names("type:person"), ["Eva Malá"])
        XCTAssertEqual(try names("type:Company"), everyone(but: "Eva Malá"))
        XCTAssertEqual(try names("-type:company"), ["Eva Malá"])
        XCTAssertEqual(failure("type:robot"), "No type \"robot\"; choose from Person, Company, Account at 6–10")
    }

    func testOrAndPrecedence() throws {
        XCTAssertEqual(try names("city:praha OR city:brno"), ["Acme Corp", "Acme Labs"])
        XCTAssertEqual(try names("(city:brno | city:plzen) employees>=100"), ["Acme Labs"])
        XCTAssertEqual(try names("city:brno | city:plzen employees>=100"), ["Acme Labs"])
        XCTAssertEqual(try names("city:plzen | city:brno employees<100"), ["Beta Trading"])
        XCTAssertEqual(try names("acme -city:brno"), ["Acme Corp"])
        XCTAssertEqual(try names("acme OR beta"), ["Acme Corp", "Acme Labs", "Beta Trading"])
        XCTAssertEqual(try names("NOT acme"), everyone(but: "Acme Corp", "Acme Labs"))
        XCTAssertEqual(try names("-(acme | beta) manager:me"), ["Dvořák a syn"])
    }

    func testWordsWithoutLettersMatchEverything() throws {
        XCTAssertEqual(try names("& acme"), ["Acme Corp", "Acme Labs"])
        XCTAssertEqual(try names("acme OR &"), everyone)
        XCTAssertEqual(try names("-&"), [])
    }

    func testUserTextNeverBecomesSQL() throws {
        let injection = "name:\"x' OR 1=1 --\""
        XCTAssertEqual(try names(injection), ["x' OR 1=1 --"])
        XCTAssertEqual(try names("name=\"x' OR 1=1 --\""), ["x' OR 1=1 --"])
        XCTAssertEqual(try names("\"x' OR 1=1 --\""), ["x' OR 1=1 --"])
        XCTAssertEqual(try names("city:\"'); DROP TABLE accounts; --\""), [])
        let condition = try XCTUnwrap(catalog.compile("name=\"x' OR 1=1 --\" city:\"a\\\"b\"", context: context).condition)
        let sql = try fixture.db.read { try condition.build($0).sql }
        XCTAssertFalse(sql.contains("1=1"), sql)
        XCTAssertFalse(sql.contains("'"), sql)
        XCTAssertEqual(try fixture.db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM accounts") }, 6)
    }

    func testFieldErrorsPointAtTheirToken() {
        XCTAssertEqual(failure("ctiy:praha"), "Unknown field \"ctiy\" (did you mean city?) at 1–4")
        XCTAssertEqual(failure("acme ownr:me"), "Unknown field \"ownr\" (did you mean manager?) at 6–9")
        XCTAssertEqual(failure("zzz:1"), """
            Unknown field "zzz"; fields here: name, city, country, industry, email, phone, type, manager, created, \
            updated, employees, revenue, key, customer-since at 1–3
            """)
        XCTAssertEqual(failure("city>b"), "city cannot be compared with \">\"; use :, = or != at 5")
        XCTAssertEqual(failure("type:a..b"), "A range works only for numbers, amounts and dates at 6–9")
        XCTAssertEqual(failure("employees<1,2"), "\"<\" takes one value, not a list at 11–13")
        XCTAssertEqual(failure("employees>=none"), "\"none\" works only with :, = or != at 12–15")
        XCTAssertEqual(failure("city:&"), "\"&\" has no letters or digits to look for; use = to compare it whole at 6")
    }
}
