import CRMApp
import CRMCore
import CRMStore
import Foundation
import XCTest

/// Amounts, numbers and dates typed into forms the way the app displays them (`52,000`), the
/// way the filter language writes them (`52k`, `+30d`), or refused in place with what to type.
final class TypedInputFormTests: XCTestCase {
    /// An app over one account and one opportunity, "Forklift fleet", of 1,000.00 EUR; its
    /// edit form open with the focus on the field `tabs` Tabs down.
    private func editForklift(tabs: Int) throws -> (AppHarness, OpportunityRepository, Int64) {
        let database = try AppDatabase.inMemory(clock: { AppHarness.fixedNow })
        let admin = try database.users.add(login: "admin", displayName: "Administrator", role: .admin)
        let companyType = try XCTUnwrap(database.accountTypes(actingAs: admin).list().first { $0.key == "company" })
        var company = AccountDraft(typeID: companyType.id)
        company.name = "Acme Logistics"
        let account = try database.accounts(actingAs: admin).create(company)
        let status = try XCTUnwrap(database.opportunityStatuses(actingAs: admin).list().first { $0.name == "Prospecting" })
        var draft = OpportunityDraft(name: "Forklift fleet", statusID: status.id)
        draft.accountID = account.id
        draft.ownerID = admin.id
        draft.amount = Money(minorUnits: 100_000, try Currency(code: "EUR"))
        let repository = database.opportunities(actingAs: admin)
        let opportunity = try repository.create(draft)
        let harness = try AppHarness(columns: 120, rows: 30, database: database)
        try harness.press("g o Tab / ")
        harness.type("forklift")
        try harness.press("Enter e")
        harness.assertShows("Forklift fleet › Edit")
        for _ in 0..<tabs { try harness.press("Tab") }
        return (harness, repository, opportunity.id)
    }

    private let amountTabs = 5
    private let expectedCloseTabs = 7

    func testAmountTypedAsTheAppShowsItIsSavedAsShown() throws {
        let (harness, repository, id) = try editForklift(tabs: amountTabs)
        harness.assertShows("1,000.00")  // the stored amount, as the app displays it
        try harness.press("C-u")
        harness.type("52,000")
        try harness.press("C-s")
        harness.assertShows("Saved “Forklift fleet”")
        XCTAssertEqual(try repository.get(id: id).amount?.description, "52000.00 EUR")
        harness.assertShows("52,000.00 EUR")
        try harness.press("Enter")
        XCTAssertTrue(harness.lines.contains { $0.contains("Amount") && $0.contains("52,000.00 EUR") }, harness.screen)
    }

    func testACommaDecimalIsRefusedUnderTheFieldAndNothingIsSaved() throws {
        let (harness, repository, id) = try editForklift(tabs: amountTabs)
        try harness.press("C-u")
        harness.type("52,5")
        try harness.press("C-s")
        harness.assertShows("✗ use a point for decimals: 52.5")
        harness.assertShows("Please correct the marked fields")
        XCTAssertTrue(harness.app.currentScreen is FormScreen, "the form stays open with the input")
        XCTAssertEqual(try repository.get(id: id).amount?.description, "1000.00 EUR")
    }

    func testAnotherCurrencyCodeOrTooManyDecimalsIsRefusedUnderTheField() throws {
        let (harness, repository, id) = try editForklift(tabs: amountTabs)
        try harness.press("C-u")
        harness.type("52,000 USD")
        try harness.press("C-s")
        harness.assertShows("✗ this amount is in EUR, not USD: choose USD as its currency first")
        try harness.press("C-u")
        harness.type("52.505")
        try harness.press("C-s")
        harness.assertShows("✗ EUR amounts have at most 2 decimals. For thousands write 52,505.")
        XCTAssertEqual(try repository.get(id: id).amount?.description, "1000.00 EUR")
        try harness.press("C-u")
        harness.type("1.5M")
        try harness.press("C-s")
        XCTAssertEqual(try repository.get(id: id).amount?.description, "1500000.00 EUR")
    }

    func testSavingUnchangedKeepsTheAmount() throws {
        let (harness, repository, id) = try editForklift(tabs: 0)
        let before = try repository.get(id: id)
        try harness.press("C-s")
        harness.assertShows("Saved “Forklift fleet”")
        let after = try repository.get(id: id)
        XCTAssertEqual(after.amount, before.amount)
        XCTAssertEqual(after.expectedClose, before.expectedClose)
    }

    func testARelativeDateIsSavedAsTheDayItNames() throws {
        let (harness, repository, id) = try editForklift(tabs: expectedCloseTabs)
        harness.type("+30d")
        try harness.press("C-s")
        harness.assertShows("Saved “Forklift fleet”")
        // The harness's clock stands at 2026-11-18 11:06 UTC.
        XCTAssertEqual(try repository.get(id: id).expectedClose?.description, "2026-12-18")
    }

    func testTheCalendarOpensOnTheDayARelativeDateNames() throws {
        let (harness, repository, id) = try editForklift(tabs: expectedCloseTabs)
        harness.type("+2m")
        try harness.press("Enter")
        harness.assertShows("January 2027")
        try harness.press("Enter")
        harness.assertShows("2027-01-18")
        try harness.press("C-s")
        XCTAssertEqual(try repository.get(id: id).expectedClose?.description, "2027-01-18")
    }

    func testAnUnreadableDateSaysWhatToType() throws {
        let (harness, repository, id) = try editForklift(tabs: expectedCloseTabs)
        harness.type("next friday")
        try harness.press("C-s")
        harness.assertShows("✗ not a date: write YYYY-MM-DD, today, tomorrow or +30d")
        XCTAssertNil(try repository.get(id: id).expectedClose)
    }

    /// Tabs to the field `key` of the open form.
    private func focus(_ key: String, _ harness: AppHarness) throws {
        let form = try XCTUnwrap(harness.app.currentScreen as? FormScreen)
        for _ in form.fields.indices where form.focusedKey != key { try harness.press("Tab") }
        XCTAssertEqual(form.focusedKey, key)
    }

    /// The code beside an amount follows the Currency field as it is picked.
    func testTheCodeBesideAnAmountIsTheCurrencyPickedNow() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        try harness.press("g o n")
        let amountRow = { harness.lines.first { $0.contains("Amount") } ?? "" }
        XCTAssertTrue(amountRow().hasSuffix("EUR") || amountRow().contains("EUR "), amountRow())
        try focus("currency", harness)
        try harness.press("Right")
        let picked = try XCTUnwrap((harness.app.currentScreen as? FormScreen)?.field("currency")?.value)
        XCTAssertNotEqual(picked, "EUR")
        XCTAssertTrue(amountRow().contains(picked), "the amount still shows the old currency: \(amountRow())")
    }

    func testAccountHeadCountAndRevenueTakeMultipliersAndGroups() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        try harness.press("g a n")
        let focus = { (key: String) in try self.focus(key, harness) }
        try focus("name")
        harness.type("Kestrel Freight")
        try focus("employees")
        harness.type("1,2")
        try focus("annualRevenue")
        harness.type("1.5M")
        try focus("customerSince")
        harness.type("yesterday")
        try harness.press("C-s")
        harness.assertShows("✗ use a point for decimals: 1.2")
        try focus("employees")
        try harness.press("C-u")
        harness.type("1.2k")
        try harness.press("C-s")
        harness.assertShows("Created “Kestrel Freight”")
        let accounts = try harness.database.accounts(actingAs: harness.user).page(AccountQuery(filter: "kestrel"), .first, limit: 5)
        let account = try XCTUnwrap(accounts.first)
        XCTAssertEqual(account.employees, 1_200)
        XCTAssertEqual(account.annualRevenue?.description, "1500000.00 EUR")
        XCTAssertEqual(account.customerSince?.description, "2026-11-17")
    }

    func testLeadValueAndScoreAndTaskDueDateReadTheSameWay() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        try harness.press("g l n")
        harness.type("Ana")
        try focus("value", harness)
        harness.type("52k")
        try focus("score", harness)
        harness.type("1.5")
        try harness.press("F2")
        harness.assertShows("✗ not a whole number")
        try harness.press("C-u")
        harness.type("0.5k")
        try harness.press("F2")
        harness.assertShows("Created “Ana”")
        let lead = try XCTUnwrap(harness.database.leads(actingAs: harness.user).page(LeadQuery(), .first, limit: 5)
            .first { $0.fields.firstName == "Ana" })
        XCTAssertEqual(lead.fields.value?.description, "52000.00 EUR")
        XCTAssertEqual(lead.fields.score, 500)

        try harness.press("g k n")
        harness.assertShows("Tasks › New task")
        harness.type("Call Ana back")
        try focus("dueDate", harness)
        harness.type("+1w")
        try harness.press("F2")
        harness.assertShows("Created “Call Ana back”")
        let tasks = try harness.database.tasks(actingAs: harness.user).page(TaskQuery(filter: "call ana"), .first, limit: 5)
        XCTAssertEqual(tasks.first?.fields.dueDate?.description, "2026-11-25")
    }

    func testExchangeRateValidFromTakesARelativeDay() throws {
        let harness = try AppHarness(columns: 160, rows: 40, pipeline: false)
        try harness.press("g s")
        for _ in 0..<6 { try harness.press("Tab") }
        try harness.press("n")
        harness.type("czk")
        try harness.press("Tab")
        harness.type("0.04")
        try harness.press("Tab C-u")
        harness.type("tomorrow")
        try harness.press("C-s")
        let rate = try XCTUnwrap(harness.database.moneySettings(actingAs: harness.user).rates().first)
        XCTAssertEqual(rate.validFrom.description, "2026-11-19")
        XCTAssertEqual(rate.rate, Decimal(string: "0.04"))
    }
}
