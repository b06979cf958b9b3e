import TerminalUITesting
import XCTest

/// The main screens drawn at 80x24 and 120x40, compared with committed snapshots.
final class ShellSnapshotTests: XCTestCase {
    func testAccountsListAt120x40() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        assertSnapshot(harness.lines, named: "accounts-list-120x40")
    }

    func testAccountsListAt80x24() throws {
        let harness = try AppHarness(columns: 80, rows: 24)
        assertSnapshot(harness.lines, named: "accounts-list-80x24")
    }

    func testContactsListAt80x24() throws {
        let harness = try AppHarness(columns: 80, rows: 24)
        try harness.press("g p")
        assertSnapshot(harness.lines, named: "contacts-list-80x24")
    }

    func testAccountDetailTabsAt120x40() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        try harness.press("Enter")
        assertSnapshot(harness.lines, named: "account-detail-data-120x40")
        try harness.press("Tab")
        assertSnapshot(harness.lines, named: "account-detail-people-120x40")
        try harness.press("Tab Tab Tab")
        assertSnapshot(harness.lines, named: "account-detail-history-120x40")
    }

    func testAccountFormAt80x24() throws {
        let harness = try AppHarness(columns: 80, rows: 24)
        try harness.press("n")
        assertSnapshot(harness.lines, named: "account-form-new-80x24")
    }

    func testHelpOverlayAt80x24() throws {
        let harness = try AppHarness(columns: 80, rows: 24)
        try harness.press("?")
        assertSnapshot(harness.lines, named: "help-accounts-80x24")
    }

    func testComingSoonSectionAt80x24() throws {
        let harness = try AppHarness(columns: 80, rows: 24)
        try harness.press("g m")
        assertSnapshot(harness.lines, named: "campaigns-coming-80x24")
    }

    func testEveryMenuSectionOpensWithoutCrashing() throws {
        let harness = try AppHarness(columns: 80, rows: 24)
        for _ in 0..<11 {
            try harness.press("]")
            XCTAssertFalse(harness.lines[0].isEmpty)
        }
        harness.assertShows("Accts")
    }

    func testResizeRedrawsAtTheNewSize() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        harness.terminal.resize(columns: 80, rows: 24)
        harness.app.processPendingInput()
        XCTAssertEqual(harness.lines.count, 24)
        XCTAssertTrue(harness.lines.allSatisfy { $0.count <= 80 })
        XCTAssertTrue(harness.statusLine.contains("admin"), harness.screen)
    }
}
