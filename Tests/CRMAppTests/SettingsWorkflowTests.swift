import CRMCore
@testable import CRMApp
import CRMStore
import Foundation
import TerminalUITesting
import XCTest

/// The CRM settings tabs driven through the keys (ST-5): statuses, lost reasons, activity
/// categories and currencies.
final class SettingsWorkflowTests: XCTestCase {
    /// Opens settings on the tab at `index` (0 contact types … 3 statuses, 4 lost reasons, 5 categories,
    /// 6 currencies).
    private func settings(tab index: Int, columns: Int = 160, rows: Int = 40) throws -> AppHarness {
        let harness = try AppHarness(columns: columns, rows: rows, pipeline: false)
        try harness.press("g s")
        for _ in 0..<index { try harness.press("Tab") }
        return harness
    }

    private func statuses(_ harness: AppHarness) throws -> [OpportunityStatus] {
        try harness.database.opportunityStatuses(actingAs: harness.user).list()
    }

    func testStatusFormRefusesToLeaveNoWonStatusAndKeepsTheInput() throws {
        let harness = try settings(tab: 3)
        harness.assertShows("Settings › Opportunity statuses")
        try harness.press("j j j j e")
        harness.assertShows("Settings › Statuses › Won")
        try harness.press("C-u")
        harness.type("Closed")
        try harness.press("Tab Tab Tab Space")  // Kind: Won → Lost
        try harness.press("C-s")
        harness.assertShows("✗ The pipeline needs at least one won status")
        harness.assertShows("Closed")
        harness.assertShows("Settings › Statuses › Won")
        XCTAssertEqual(try statuses(harness).first { $0.kind == .won }?.name, "Won", "nothing was saved")
        // Choosing "won" again saves the rename.
        try harness.press("Left C-s")
        harness.assertShows("Saved the status “Closed”")
        XCTAssertEqual(try statuses(harness).first { $0.kind == .won }?.name, "Closed")
    }

    func testRequiredFieldsAreChosenWithTheMultiSelectAndSaved() throws {
        let harness = try settings(tab: 3)
        try harness.press("e Tab Tab Tab Tab Tab")  // Prospecting → Required to enter
        harness.assertShows("(Space to choose)")
        try harness.press("Space")
        harness.assertShows("[ ] Account")
        try harness.press("Space j j j Space")  // Account and Amount
        harness.assertShows("[x] Amount")
        try harness.press("Enter")
        harness.assertShows("Account, Amount")
        try harness.press("C-s")
        XCTAssertEqual(try statuses(harness).first { $0.name == "Prospecting" }?.requiredFields, [.accountID, .amount])
        XCTAssertTrue(harness.lines.contains { $0.contains("Prospecting") && $0.contains("Account, Amount") }, harness.screen)
    }

    func testStatusesReorderWithShiftKAndJ() throws {
        let harness = try settings(tab: 3)
        try harness.press("J")
        XCTAssertEqual(try statuses(harness).prefix(2).map(\.name), ["Qualification", "Prospecting"])
        try harness.press("K")
        XCTAssertEqual(try statuses(harness).prefix(2).map(\.name), ["Prospecting", "Qualification"])
    }

    func testDeletingAStatusInUseIsRefusedWithTheReason() throws {
        let harness = try settings(tab: 3)
        let first = try XCTUnwrap(statuses(harness).first)
        _ = try harness.database.opportunities(actingAs: harness.user).create(OpportunityDraft(name: "Pilot", statusID: first.id))
        try harness.press("D y")
        XCTAssertTrue(harness.statusLine.contains("holds 1 opportunity"), harness.statusLine)
        XCTAssertEqual(try statuses(harness).count, 6)
    }

    /// A rename racing another user's rename (ST-7): stopped with their name shown beside the
    /// input, then saved knowingly by keeping one's own.
    func testARenameRacingAnotherUsersRenameIsRefusedThenSavedKnowingly() throws {
        let harness = try settings(tab: 0)
        let types = harness.database.contactTypes(actingAs: harness.user)
        let first = try XCTUnwrap(types.list().first)
        try harness.press("Home e C-u")
        harness.type("Customer contact")
        _ = try types.rename(id: first.id, to: "Client contact", expectedVersion: first.version)
        try harness.press("C-s")
        harness.assertShows("Someone else saved this")
        harness.assertShows("someone else saved: Client contact")
        harness.assertShows("Customer contact")
        XCTAssertEqual(try types.list().first { $0.id == first.id }?.name, "Client contact")
        try harness.press("Enter Enter C-s")
        XCTAssertEqual(try types.list().first { $0.id == first.id }?.name, "Customer contact")
    }

    func testActivityCategoriesCanBeAddedAndAreNotDeletedWhileUsed() throws {
        let harness = try settings(tab: 5)
        harness.assertShows("Settings › Activity categories")
        try harness.press("n")
        harness.type("Site visit")
        try harness.press("C-s")
        harness.assertShows("Site visit")
        let account = try XCTUnwrap(harness.database.accounts(actingAs: harness.user).page(AccountQuery(), .first, limit: 1).first)
        let call = try XCTUnwrap(harness.database.activityCategories(actingAs: harness.user).list().first)
        _ = try harness.database.salesActivities(actingAs: harness.user).create(SalesActivityDraft(
            target: .account(account.id), categoryID: call.id, at: AppHarness.fixedNow, ownerID: harness.user.id))
        try harness.press("D y")
        XCTAssertTrue(harness.statusLine.contains("is used by 1 activity"), harness.statusLine)
    }

    func testLostReasonsAreConfiguredNextToTheStatusesAndKeptWhileDealsNameThem() throws {
        let harness = try settings(tab: 4)
        harness.assertShows("Settings › Lost reasons")
        harness.assertShows("Competitor")
        try harness.press("n")
        harness.type("Went with in-house tooling")
        try harness.press("C-s")
        harness.assertShows("Saved the lost reason “Went with in-house tooling”")
        let reasons = try harness.database.lostReasons(actingAs: harness.user).list()
        XCTAssertEqual(reasons.last?.name, "Went with in-house tooling")
        let lost = try XCTUnwrap(statuses(harness).first { $0.kind == .lost })
        var deal = OpportunityDraft(name: "Pilot", statusID: lost.id)
        deal.lostReasonID = try XCTUnwrap(reasons.first).id
        _ = try harness.database.opportunities(actingAs: harness.user).create(deal)
        try harness.press("Home D y")
        XCTAssertTrue(harness.statusLine.contains("is used by 1 opportunity"), harness.statusLine)
        XCTAssertEqual(try harness.database.lostReasons(actingAs: harness.user).list().count, reasons.count)
    }

    func testExchangeRateFormRejectsBadRatesAndSavesTheExactDecimal() throws {
        let harness = try settings(tab: 6)
        try harness.press("n")
        harness.type("czk")
        try harness.press("Tab")
        for (bad, message) in [("abc", "not a rate: write a decimal number such as 0.0398"),
                               ("0,0398", "use a point for decimals: 0.0398"),
                               ("1,2,3", "group digits by three: 123 (or 12.3 for decimals)")] {
            try harness.press("C-u")
            harness.type(bad)
            try harness.press("C-s")
            harness.assertShows("✗ " + message)
            harness.assertShows(bad)
        }
        try harness.press("C-u")
        harness.type("-1")
        try harness.press("C-s")
        harness.assertShows("✗ A rate must be greater than zero.")
        XCTAssertEqual(try harness.database.moneySettings(actingAs: harness.user).rates(), [])
        try harness.press("C-u")
        harness.type("0.0398")
        try harness.press("C-s")
        let rate = try XCTUnwrap(harness.database.moneySettings(actingAs: harness.user).rates().first)
        XCTAssertEqual(rate.currency.code, "CZK")
        XCTAssertEqual(rate.rate, Decimal(string: "0.0398", locale: Locale(identifier: "en_US_POSIX")))
        XCTAssertEqual(DecimalText.format(rate.rate, minorDigits: 0), "0.0398")
        XCTAssertTrue(harness.lines.contains { $0.contains("CZK") && $0.contains("0.0398") }, harness.screen)

        // Editing changes the value only, version-checked.
        try harness.press("e C-u")
        harness.type("0.04")
        try harness.press("C-s")
        XCTAssertEqual(try harness.database.moneySettings(actingAs: harness.user).rates().first?.rate, Decimal(string: "0.04"))
    }

    func testBaseCurrencyChangeIsRefusedInPlaceWhileRatesExist() throws {
        let harness = try settings(tab: 6)
        let money = harness.database.moneySettings(actingAs: harness.user)
        _ = try money.setRate(Decimal(string: "0.92")!, for: try Currency(code: "USD"), from: CalendarDate(parsing: "2026-01-01")!)
        try harness.press("B C-u")
        harness.type("usd")
        try harness.press("C-s")
        harness.assertShows("✗ Exchange rates are stated in EUR")
        harness.assertShows("usd")
        XCTAssertEqual(try money.baseCurrency().code, "EUR")
    }

    func testSettingsTabsAt80x24And120x40() throws {
        for (columns, rows) in [(80, 24), (120, 40)] {
            let harness = try settings(tab: 3, columns: columns, rows: rows)
            assertSnapshot(harness.lines, named: "settings-statuses-\(columns)x\(rows)")
            try harness.press("Tab")
            assertSnapshot(harness.lines, named: "settings-lost-reasons-\(columns)x\(rows)")
            try harness.press("Tab")
            assertSnapshot(harness.lines, named: "settings-categories-\(columns)x\(rows)")
            _ = try harness.database.moneySettings(actingAs: harness.user).setRate(
                Decimal(string: "0.0398")!, for: try Currency(code: "CZK"), from: CalendarDate(parsing: "2026-11-01")!)
            try harness.press("Tab")
            assertSnapshot(harness.lines, named: "settings-currencies-\(columns)x\(rows)")
        }
    }
}
