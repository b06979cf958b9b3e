import TerminalUI
import XCTest

/// The one cursor of every list, table, menu and board column: moves stop at the ends and the
/// selected row is always in view, whatever the count and the height do.
final class RowCursorTests: XCTestCase {
    func testNoRowsLeaveNothingToMoveOrShow() {
        var cursor = RowCursor(count: 0, height: 5)
        for move in [{ (c: inout RowCursor) in c.down() }, { $0.up() }, { $0.pageDown() }, { $0.pageUp() },
                     { $0.toLast() }, { $0.toFirst() }, { $0.scroll(by: 3) }] {
            move(&cursor)
            XCTAssertEqual(cursor.selected, 0)
            XCTAssertEqual(cursor.top, 0)
            XCTAssertTrue(cursor.visible.isEmpty)
        }
        XCTAssertTrue(cursor.isEmpty)
    }

    func testOneRowStaysSelected() {
        var cursor = RowCursor(count: 1, height: 5)
        cursor.down()
        cursor.pageDown()
        XCTAssertEqual(cursor.selected, 0)
        XCTAssertEqual(cursor.visible, 0..<1)
        XCTAssertTrue(cursor.isOnFirst && cursor.isOnLast)
    }

    func testExactlyAPageNeverScrolls() {
        var cursor = RowCursor(count: 5, height: 5)
        cursor.toLast()
        XCTAssertEqual(cursor.selected, 4)
        XCTAssertEqual(cursor.top, 0)
        XCTAssertEqual(cursor.selectedOffset, 4)
        cursor.down()
        XCTAssertEqual(cursor.selected, 4, "the last row is the end: no wrapping")
        cursor.pageUp()
        XCTAssertEqual(cursor.selected, 0)
        XCTAssertEqual(cursor.visible, 0..<5)
    }

    func testTheViewFollowsTheSelectionOnlyAsFarAsItMust() {
        var cursor = RowCursor(count: 20, height: 5)
        cursor.down(5)
        XCTAssertEqual(cursor.top, 1, "row 5 enters at the bottom")
        XCTAssertEqual(cursor.selectedOffset, 4)
        cursor.up(4)
        XCTAssertEqual(cursor.selected, 1)
        XCTAssertEqual(cursor.top, 1, "moving up inside the view leaves it where it is")
        cursor.up()
        XCTAssertEqual(cursor.top, 0)
        cursor.pageDown()
        XCTAssertEqual(cursor.selected, 5)
        cursor.toLast()
        XCTAssertEqual(cursor.visible, 15..<20)
        cursor.toFirst()
        XCTAssertEqual(cursor.visible, 0..<5)
    }

    func testStartingOnARowShowsIt() {
        let cursor = RowCursor(count: 30, height: 10, selected: 25)
        XCTAssertEqual(cursor.top, 16)
        XCTAssertEqual(RowCursor(count: 3, height: 10, selected: 99).selected, 2)
        XCTAssertEqual(RowCursor(count: 3, height: 10, selected: -4).selected, 0)
    }

    /// How the board keeps its focused column among those shown: from the view it had.
    func testStartingFromAnEarlierViewScrollsOnlyAsFarAsNeeded() {
        XCTAssertEqual(RowCursor(count: 8, height: 3, selected: 4, top: 3).top, 3, "already in view")
        XCTAssertEqual(RowCursor(count: 8, height: 3, selected: 6, top: 1).top, 4)
        XCTAssertEqual(RowCursor(count: 8, height: 3, selected: 1, top: 5).top, 1)
        XCTAssertEqual(RowCursor(count: 8, height: 3, selected: 7, top: 99).top, 5, "never past the last row")
        XCTAssertEqual(RowCursor(count: 2, height: 3, selected: 1, top: 4).top, 0)
    }

    func testResizingSmallerKeepsTheSelectionInView() {
        var cursor = RowCursor(count: 20, height: 10, selected: 9)
        XCTAssertEqual(cursor.top, 0)
        cursor.resize(height: 4)
        XCTAssertEqual(cursor.selected, 9)
        XCTAssertEqual(cursor.visible, 6..<10)
    }

    func testResizingLargerShowsMoreRowsAboveAtTheEnd() {
        var cursor = RowCursor(count: 20, height: 5)
        cursor.toLast()
        cursor.resize(height: 8)
        XCTAssertEqual(cursor.visible, 12..<20, "no blank rows under the last one while rows above are hidden")
        cursor.resize(height: 50)
        XCTAssertEqual(cursor.visible, 0..<20)
        XCTAssertEqual(cursor.selected, 19)
    }

    func testFewerRowsMoveTheSelectionToTheLastOne() {
        var cursor = RowCursor(count: 20, height: 5, selected: 17)
        cursor.resize(count: 3)
        XCTAssertEqual(cursor.selected, 2)
        XCTAssertEqual(cursor.visible, 0..<3)
        cursor.resize(count: 0)
        XCTAssertEqual(cursor.selected, 0)
        XCTAssertTrue(cursor.visible.isEmpty)
    }

    func testScrollingTheViewDragsTheSelectionAlong() {
        var cursor = RowCursor(count: 20, height: 5)
        cursor.scroll(by: 3)
        XCTAssertEqual(cursor.visible, 3..<8)
        XCTAssertEqual(cursor.selected, 3)
        cursor.scroll(by: 100)
        XCTAssertEqual(cursor.visible, 15..<20, "never past the last row")
        cursor.scroll(by: -100)
        XCTAssertEqual(cursor.visible, 0..<5)
        XCTAssertEqual(cursor.selected, 4)
    }

    func testSettingTheSelectionClampsIt() {
        var cursor = RowCursor(count: 10, height: 3)
        cursor.selected = 42
        XCTAssertEqual(cursor.selected, 9)
        XCTAssertEqual(cursor.visible, 7..<10)
    }

    /// Any sequence of moves and resizes keeps the selection on a row, in view, and the view
    /// inside the rows.
    func testTheSelectionIsAlwaysInView() {
        continueAfterFailure = false
        var generator = SplitMix(seed: 15)
        for _ in 0..<200 {
            var cursor = RowCursor(count: Int.random(in: 0...40, using: &generator),
                                   height: Int.random(in: 1...12, using: &generator))
            for _ in 0..<60 {
                switch Int.random(in: 0..<9, using: &generator) {
                case 0: cursor.down()
                case 1: cursor.up()
                case 2: cursor.pageDown()
                case 3: cursor.pageUp()
                case 4: cursor.toLast()
                case 5: cursor.resize(count: Int.random(in: 0...40, using: &generator))
                case 6: cursor.resize(height: Int.random(in: 1...12, using: &generator))
                case 7: cursor.scroll(by: Int.random(in: -8...8, using: &generator))
                default: cursor.select(Int.random(in: -5...45, using: &generator))
                }
                if cursor.count > 0 {
                    XCTAssertTrue(cursor.visible.contains(cursor.selected), "\(cursor)")
                } else {
                    XCTAssertEqual(cursor.selected, 0)
                }
                XCTAssertLessThanOrEqual(cursor.top, max(0, cursor.count - cursor.height), "\(cursor)")
                XCTAssertGreaterThanOrEqual(cursor.top, 0)
            }
        }
    }
}

/// A seeded generator, so a failing sequence of moves comes back on the next run.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
