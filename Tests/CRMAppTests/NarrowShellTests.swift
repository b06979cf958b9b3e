@testable import CRMApp
import CRMCore
import Foundation
import TerminalUI
import XCTest

/// The shell on small terminals: the menu keeps every section in reach and the current one in
/// view, tab bars say when more tabs follow, detail views say when there is more and scroll
/// with PgDn, dialogs wrap their explanation, and the "coming" pages speak plainly and truly.
final class NarrowShellTests: XCTestCase {
    private let shortTitles = ["CRM", "Leads", "Opps", "Accts", "Contacts", "Partners", "Campaigns", "Contracts", "Prices",
                               "Tasks", "Setup"]

    /// The text drawn highlighted on the menu bar.
    private func highlightedSection(_ harness: AppHarness) throws -> String {
        let frame = try XCTUnwrap(harness.terminal.lastFrame)
        let active = harness.app.theme.menuActive
        return (0..<frame.width).filter { frame[$0, 0].style == active }.map { frame[$0, 0].text }.joined()
            .trimmingCharacters(in: .whitespaces)
    }

    func testMenuShowsTheCurrentSectionAndMarksHiddenOnesAt60And40Columns() throws {
        for (columns, rows) in [(60, 20), (40, 15)] {
            let harness = try AppHarness(columns: columns, rows: rows)
            try harness.press("g c")
            for title in shortTitles {
                let menu = harness.lines[0]
                XCTAssertEqual(try highlightedSection(harness), title, "at \(columns) columns: “\(menu)”")
                let hidden = shortTitles.filter { !menu.contains($0) }
                if !hidden.isEmpty {
                    XCTAssertTrue(menu.hasPrefix("‹") || menu.hasSuffix("›"), "\(hidden) left out unmarked: “\(menu)”")
                }
                if !menu.contains("CRM") { XCTAssertTrue(menu.hasPrefix("‹"), menu) }
                if !menu.contains("Setup") { XCTAssertTrue(menu.hasSuffix("›"), menu) }
                try harness.press("]")
            }
        }
    }

    func testMenuShowsEverySectionInFullWhereItFits() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        for title in Section.allCases.map(\.title) { XCTAssertTrue(harness.lines[0].contains(title), harness.lines[0]) }
        XCTAssertFalse(harness.lines[0].contains("›"))
    }

    func testTabBarSaysMoreTabsFollowAndKeepsTheCurrentOneInView() throws {
        let harness = try AppHarness(columns: 80, rows: 24)
        try harness.press("g o Tab Enter")
        var tabs = harness.lines[1]
        XCTAssertNotNil(tabs.range(of: #"\+\d+ ›"#, options: .regularExpression), tabs)
        XCTAssertFalse(tabs.contains("…"), "a tab is cut: \(tabs)")
        XCTAssertTrue(tabs.contains(" Overview "), tabs)
        try harness.press("S-Tab")
        tabs = harness.lines[1]
        XCTAssertTrue(tabs.hasPrefix("‹"), tabs)
        XCTAssertTrue(tabs.contains(" History "), tabs)
        XCTAssertFalse(tabs.contains("›"), "History is the last tab: \(tabs)")

        let narrow = try AppHarness(columns: 60, rows: 20)
        try narrow.press("g s")
        XCTAssertNotNil(narrow.lines[1].range(of: #"\+\d+ ›"#, options: .regularExpression), narrow.lines[1])
    }

    func testTallDetailSaysThereIsMoreAndScrollsWithPageKeys() throws {
        let harness = try AppHarness(columns: 60, rows: 14)
        try harness.press("g o Tab Enter")
        harness.assertShows("↓ more")
        harness.assertHides("↑ more")
        harness.assertHides("Description")
        try harness.press("PgDn")
        harness.assertShows("Description")
        harness.assertShows("↑ more")
        harness.assertHides("↓ more")
        try harness.press("PgUp")
        harness.assertShows("Name ")
        harness.assertHides("↑ more")
        try harness.press("j")
        harness.assertShows("↑ more")
    }

    func testDetailPageKeysOfTheVimAndEmacsSets() throws {
        for (keys, down, up) in [("vim", "C-f", "C-b"), ("emacs", "C-v", "M-v")] {
            let harness = try AppHarness(columns: 60, rows: 14, keys: keys)
            try harness.press("g o Tab Enter")
            try harness.press(down)
            harness.assertShows("Description")
            try harness.press(up)
            harness.assertHides("↑ more")
        }
    }

    func testTallLeadOverviewSaysThereIsMoreAndPagesToTheEnd() throws {
        let harness = try AppHarness(columns: 80, rows: 24)
        try harness.press("g l Enter")
        harness.assertShows("↓ more")
        harness.assertHides("First touched")
        try harness.press("PgDn PgDn PgDn")
        harness.assertShows("First touched")
        harness.assertShows("↑ more")
        harness.assertHides("↓ more")
        try harness.press("PgUp PgUp PgUp")
        harness.assertHides("↑ more")
    }

    func testLongHistorySaysThereIsMoreBelowItsHeader() throws {
        let harness = try AppHarness(columns: 80, rows: 10)
        let repository = harness.database.accounts(actingAs: harness.user)
        var account = try XCTUnwrap(repository.page(AccountQuery(), .first, limit: 1).first)
        for round in 1...8 {
            var fields = account.fields
            fields.phone = "+420 111 222 \(round)"
            account = try repository.update(id: account.id, with: fields, expectedVersion: account.version)
        }
        try harness.press("Enter S-Tab")
        harness.assertShows("New value")
        harness.assertShows("↓ more")
        harness.assertHides("created")
        try harness.press("j")
        harness.assertShows("↑↓ more")
        try harness.press("PgDn")
        harness.assertShows("created")
        harness.assertShows("↑ more")
        harness.assertShows("New value")
    }

    func testConfirmationWrapsItsExplanationAt80x24() throws {
        let harness = try AppHarness(columns: 80, rows: 24)
        try harness.press("g o Tab Enter D")
        let text = harness.popupRows.joined(separator: " ")
        XCTAssertTrue(text.contains("Its related accounts and business roles go with it. This cannot be undone."), harness.screen)
        XCTAssertFalse(text.contains("…"), harness.screen)
        try harness.press("n")
    }

    func testConfirmationWrapsItsExplanationAt60x20() throws {
        let harness = try AppHarness(columns: 60, rows: 20)
        try harness.press("g r D")
        let text = harness.popupRows.joined(separator: " ")
        XCTAssertTrue(text.contains("Its consultants stay as personal contacts. This cannot be undone."), harness.screen)
        XCTAssertTrue(text.contains("[y] Yes"), harness.screen)
        XCTAssertFalse(text.contains("…"), harness.screen)
    }

    func testComingPagesSpeakPlainlyWithoutSpecIDs() throws {
        let harness = try AppHarness(columns: 80, rows: 24)
        for keys in ["g c", "g m", "g t", "g b"] {
            try harness.press(keys)
            harness.assertShows("Coming in a later release.")
            XCTAssertNil(harness.screen.range(of: #"\b[A-Z]{2}-[0-9*]"#, options: .regularExpression), harness.screen)
            harness.assertHides("are ready to use")
        }
        try harness.press("g o Tab Enter")
        for _ in 0..<5 { try harness.press("Tab") }
        harness.assertShows("Quotes come in a later release")
        XCTAssertNil(harness.screen.range(of: #"\b[A-Z]{2}-[0-9*]"#, options: .regularExpression), harness.screen)
    }

    func testComingPagesListExactlyTheSectionsThatAreReady() throws {
        let harness = try AppHarness(columns: 80, rows: 24)
        var ready: [String] = []
        for section in Section.allCases {
            harness.app.run(section.command)
            harness.app.processPendingInput()
            if !harness.screen.contains("Coming in a later release.") { ready.append(section.title) }
        }
        XCTAssertEqual(ready, ["Leads", "Opportunities", "Accounts", "Contacts", "Partners", "Tasks", "Settings"])
        try harness.press("g m")
        let listed = harness.lines.drop { !$0.contains("Ready to use now:") }.dropFirst()
            .prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { String($0.split(separator: ":")[0].split(separator: " ").last ?? "") }
        XCTAssertEqual(listed, ready, harness.screen)
        harness.assertShows("g l  Leads:")
    }
}
