import Foundation
import TerminalUI
import XCTest

/// An in-memory table keeps its selected row in view as the cursor moves and the rect changes.
final class SelectableRowsTests: XCTestCase {
    private let columns = [TableColumn<String>("Name", minWidth: 6, weight: 1) { $0 }]
    private let names = (1...12).map { "Row \($0)" }

    private func draw(_ rows: [String], cursor: inout RowCursor, height: Int, width: Int = 12) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        SelectableRows.render(rows, cursor: &cursor, empty: "Nothing yet", columns: columns, into: &buffer,
                              rect: buffer.bounds, theme: testTheme)
        return buffer
    }

    /// The y of the selected row and the names on screen.
    private func shown(_ buffer: ScreenBuffer) -> (selected: [Int], names: [String]) {
        (buffer.rows(styled: testTheme.selected, atColumn: 1),
         buffer.lines.dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }

    func testNoRowsShowTheHint() {
        var cursor = RowCursor()
        let buffer = draw([], cursor: &cursor, height: 4)
        XCTAssertEqual(buffer.lines, ["", " Nothing y…", "", ""])
        XCTAssertEqual(buffer[1, 1].style, testTheme.dim)
    }

    func testOneRowIsSelected() {
        var cursor = RowCursor()
        cursor.down()
        let buffer = draw(["Only"], cursor: &cursor, height: 4)
        XCTAssertEqual(shown(buffer).names, ["Only"])
        XCTAssertEqual(shown(buffer).selected, [1])
    }

    func testExactlyAPageShowsEveryRowWithoutScrolling() {
        var cursor = RowCursor()
        _ = draw(Array(names.prefix(3)), cursor: &cursor, height: 4)
        cursor.toLast()
        let buffer = draw(Array(names.prefix(3)), cursor: &cursor, height: 4)
        XCTAssertEqual(shown(buffer).names, ["Row 1", "Row 2", "Row 3"])
        XCTAssertEqual(shown(buffer).selected, [3])
    }

    func testMovingPastTheBottomScrollsARowAndMovingUpLeavesTheViewAlone() {
        var cursor = RowCursor()
        _ = draw(names, cursor: &cursor, height: 4)
        cursor.down(4)
        var buffer = draw(names, cursor: &cursor, height: 4)
        XCTAssertEqual(shown(buffer).names, ["Row 3", "Row 4", "Row 5"])
        XCTAssertEqual(shown(buffer).selected, [3])
        cursor.up()
        buffer = draw(names, cursor: &cursor, height: 4)
        XCTAssertEqual(shown(buffer).names, ["Row 3", "Row 4", "Row 5"])
        XCTAssertEqual(shown(buffer).selected, [2])
    }

    func testResizingKeepsTheSelectedRowInView() {
        var cursor = RowCursor()
        _ = draw(names, cursor: &cursor, height: 10)
        cursor.down(8)
        XCTAssertEqual(shown(draw(names, cursor: &cursor, height: 10)).selected, [9])
        let smaller = draw(names, cursor: &cursor, height: 4)
        XCTAssertEqual(shown(smaller).names, ["Row 7", "Row 8", "Row 9"])
        XCTAssertEqual(shown(smaller).selected, [3])
        let larger = draw(names, cursor: &cursor, height: 13)
        XCTAssertEqual(shown(larger).names, names, "all twelve fit again")
        XCTAssertEqual(shown(larger).selected, [9])
    }

    func testFewerRowsAfterAReloadMoveTheSelectionOntoTheLast() {
        var cursor = RowCursor()
        _ = draw(names, cursor: &cursor, height: 4)
        cursor.toLast()
        let buffer = draw(Array(names.prefix(2)), cursor: &cursor, height: 4)
        XCTAssertEqual(shown(buffer).names, ["Row 1", "Row 2"])
        XCTAssertEqual(shown(buffer).selected, [2])
    }

    func testWideNamesAreCutAtTheEdge() {
        var cursor = RowCursor()
        let buffer = draw(["株式会社ヤマダ", "😀😀😀😀😀😀"], cursor: &cursor, height: 3, width: 9)
        XCTAssertEqual(buffer.line(1), " 株式会… ")
        XCTAssertEqual(buffer.line(2), " 😀😀😀… ")
        XCTAssertEqual(buffer[1, 1].width, 2)
        XCTAssertEqual(buffer[7, 1].text, "…")
    }
}
