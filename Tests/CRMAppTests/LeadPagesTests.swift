import CRMApp
import CRMCore
import CRMStore
import TerminalUITesting
import XCTest

/// The Leads section's top menu and the lead pages (LD-2, LD-3) on the small demo seen at the
/// harness's fixed clock: navigation by Tab, digits and the view picker, the intraday chart,
/// statistics and conversions.
final class LeadPagesTests: XCTestCase {
    func testTabWalksTheViewsThenThePagesAndDigitsJumpDirectly() throws {
        let harness = try AppHarness(columns: 80, rows: 24)
        try harness.press("g l")
        harness.assertShows("Open ▾")
        harness.assertShows("Conversions")
        try harness.press("S-Tab")
        XCTAssertEqual(harness.app.currentScreen.breadcrumb, "Leads › Splitter")
        try harness.press("S-Tab")
        XCTAssertEqual(harness.app.currentScreen.breadcrumb, "Leads › Conversions")
        try harness.press("7")
        XCTAssertEqual(harness.app.currentScreen.breadcrumb, "Leads › Archived")
        harness.assertShows("Archived ▾")
        try harness.press("Tab")
        XCTAssertEqual(harness.app.currentScreen.breadcrumb, "Leads › Closed")
        try harness.press("Tab")
        XCTAssertEqual(harness.app.currentScreen.breadcrumb, "Leads › All leads")
        try harness.press("Tab")
        XCTAssertEqual(harness.app.currentScreen.breadcrumb, "Leads › Intraday")
        harness.assertShows("All leads ▾")
        try harness.press("9")
        XCTAssertEqual(harness.app.currentScreen.breadcrumb, "Leads › Statistics")
        try harness.press("v k k k k k k Enter")
        XCTAssertEqual(harness.app.currentScreen.breadcrumb, "Leads › Incoming")
        try harness.press("/")
        harness.type("mailchimp")
        try harness.press("Enter 5")
        XCTAssertEqual(harness.app.currentScreen.breadcrumb, "Leads › Free pool")
        harness.assertShows("mailchimp")
    }

    func testIntradayDrawsTodaysLeadsByHourAndCountsANewOne() throws {
        let harness = try AppHarness(columns: 80, rows: 24)
        try harness.press("g l 8")
        assertSnapshot(harness.terminal, named: "lead-intraday-80x24")
        let before = try harness.database.leadStatistics.intraday()
        XCTAssertGreaterThan(before.total, 20)
        harness.assertShows("\(before.total) leads so far")
        var draft = LeadDraft()
        draft.company = "Arrived Just Now Ltd"
        _ = try harness.database.leads(actingAs: nil).create(draft)
        harness.app.currentScreen.reload(app: harness.app)
        harness.app.processPendingInput()
        harness.assertShows("\(before.total + 1) leads so far")
    }

    func testIntradayAt120x40() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        try harness.press("g l 8")
        assertSnapshot(harness.terminal, named: "lead-intraday-120x40")
    }

    func testStatisticsSwitchPeriodAndDimensionAndAddUpToTheLeads() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        try harness.press("g l 9")
        assertSnapshot(harness.terminal, named: "lead-statistics-month-120x40")
        try harness.press("p b b")
        harness.assertShows("by owner")
        harness.assertShows("(free pool)")
        let total = try harness.database.leadStatistics.breakdown(by: .owner, in: .allTime).map(\.tally.total).reduce(0, +)
        XCTAssertEqual(total, 3_000)
        harness.assertShows("3,000 leads:")
    }

    func testConversionsSortByRateAndSayWhichRate() throws {
        let harness = try AppHarness(columns: 80, rows: 24)
        try harness.press("g l 0 p")
        harness.assertShows("Qualified ÷ decided")
        harness.assertShows("decided = qualified + disqualified")
        let rows = try harness.database.leadStatistics.breakdown(by: .source, in: .allTime)
        let best = try XCTUnwrap(rows.max {
            ($0.tally.qualifiedOfDecidedPermille ?? -1, $1.name) < ($1.tally.qualifiedOfDecidedPermille ?? -1, $0.name)
        })
        XCTAssertTrue(harness.lines[6].contains(best.name), "the best rate comes first:\n\(harness.screen)")
        try harness.press("S")
        XCTAssertFalse(harness.lines[6].contains(best.name), "reversed, the best rate is last:\n\(harness.screen)")
        assertSnapshot(harness.terminal, named: "lead-conversions-reversed-80x24")
    }
}
