import TerminalUI
import XCTest

/// How a list moves when the cursor passes its edge: rows as wide as the screen scroll a row at
/// a time; beside the sidebar the list jumps half a page, with the cursor on the next record.
final class ListScrollingTests: XCTestCase {
    func testJPastTheBottomScrollsOneRowWhenTheListIsAsWideAsTheScreen() throws {
        let harness = try AppHarness(columns: 80, rows: 24)
        try harness.press("g p")
        let height = ListOnScreen(harness, width: 80).rows.count
        try harness.press(Self.keys("j", height - 1))
        let before = ListOnScreen(harness, width: 80)
        XCTAssertEqual(before.cursor, height - 1)

        try harness.press("j")

        let after = ListOnScreen(harness, width: 80)
        XCTAssertEqual(Array(after.rows.prefix(height - 1)), Array(before.rows.dropFirst()), harness.screen)
        XCTAssertEqual(after.cursor, height - 1)
        harness.assertShows("\(height + 1) of")
    }

    func testJPastTheBottomBesideTheSidebarBringsHalfAPage() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        try harness.press("g p")
        harness.assertShows("Actions")
        let height = ListOnScreen(harness, width: 94).rows.count
        let half = height / 2
        try harness.press(Self.keys("j", height - 1))
        let before = ListOnScreen(harness, width: 94)

        try harness.press("j")

        let after = ListOnScreen(harness, width: 94)
        XCTAssertEqual(Array(after.rows.prefix(height - half)), Array(before.rows.suffix(height - half)), harness.screen)
        XCTAssertEqual(after.cursor, height - half, "the cursor is on the record after the old last row")
        harness.assertShows("\(height + 1) of")

        try harness.press(Self.keys("j", half - 1))
        XCTAssertEqual(ListOnScreen(harness, width: 94).rows, after.rows, "the next keys move the cursor only")
        XCTAssertEqual(ListOnScreen(harness, width: 94).cursor, height - 1)
    }

    func testKPastTheTopBesideTheSidebarBringsHalfAPageBack() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        try harness.press("g p")
        let top = ListOnScreen(harness, width: 94)
        let height = top.rows.count
        try harness.press(Self.keys("j", height))  // one half-page down
        try harness.press(Self.keys("k", height - height / 2))  // back to the top row of the window

        try harness.press("k")

        let back = ListOnScreen(harness, width: 94)
        XCTAssertEqual(back.rows, top.rows, harness.screen)
        XCTAssertEqual(back.cursor, height / 2 - 1)
        harness.assertShows("\(height / 2) of")
    }

    private static func keys(_ key: String, _ count: Int) -> String {
        Array(repeating: key, count: count).joined(separator: " ")
    }
}

/// The record rows of the list on screen (the first `width` columns, left of any sidebar) and
/// which of them carries the cursor bar.
private struct ListOnScreen {
    let rows: [String]
    let cursor: Int?

    init(_ harness: AppHarness, width: Int) {
        let frame = harness.terminal.lastFrame!
        let lines = harness.lines
        let header = lines.firstIndex { $0.hasPrefix(" Name") }!
        let footer = lines.firstIndex { $0.contains(" of ") && $0.contains("contacts") }!
        let records = (header + 1)..<footer
        rows = records.map { y in (0..<width).map { frame[$0, y].text }.joined() }
        cursor = records.firstIndex { frame[1, $0].style == harness.app.theme.selected }.map { $0 - records.lowerBound }
    }
}
