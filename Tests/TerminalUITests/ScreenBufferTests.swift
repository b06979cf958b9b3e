import TerminalUI
import XCTest

final class ScreenBufferTests: XCTestCase {
    func testWriteReturnsColumnsAndLinesTrimTrailingSpaces() {
        var buffer = ScreenBuffer(width: 10, height: 2)
        XCTAssertEqual(buffer.write("Acme", x: 2, y: 0), 4)
        XCTAssertEqual(buffer.lines, ["  Acme", ""])
        XCTAssertEqual(buffer.line(0), "  Acme    ")
    }

    func testTextThatDoesNotFitEndsInAnEllipsis() {
        var buffer = ScreenBuffer(width: 10, height: 1)
        XCTAssertEqual(buffer.write("Acme Corporation", x: 0, y: 0), 10)
        XCTAssertEqual(buffer.lines, ["Acme Corp…"])
        var narrow = ScreenBuffer(width: 10, height: 1)
        narrow.write("Acme Corporation", x: 3, y: 0, maxWidth: 5)
        XCTAssertEqual(narrow.lines, ["   Acme…"])
    }

    func testWritesOutsideTheScreenAreIgnored() {
        var buffer = ScreenBuffer(width: 5, height: 1)
        XCTAssertEqual(buffer.write("x", x: 0, y: 1), 0)
        XCTAssertEqual(buffer.write("x", x: 5, y: 0), 0)
        XCTAssertEqual(buffer.write("x", x: 0, y: -1), 0)
        XCTAssertEqual(buffer.lines, [""])
    }

    func testWideCharactersTakeTwoCellsAndNeverStraddleTheEdge() {
        var buffer = ScreenBuffer(width: 7, height: 1)
        buffer.write("株式会社", x: 0, y: 0)
        // 8 columns do not fit in 7: three characters (6 columns) would leave no room for "…".
        XCTAssertEqual(buffer.lines, ["株式会…"])
        XCTAssertEqual(buffer[0, 0].width, 2)
        XCTAssertTrue(buffer[1, 0].isContinuation)
        XCTAssertEqual(buffer[6, 0].text, "…")

        var edge = ScreenBuffer(width: 5, height: 1)
        edge.write("ab株", x: 2, y: 0)           // 株 would need columns 4 and 5
        XCTAssertEqual(edge.lines, ["  ab…"])
        XCTAssertFalse(edge[4, 0].isContinuation)
    }

    func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        buffer.write("株式会", x: 0, y: 0)
        buffer.write("x", x: 1, y: 0)               // right half of 株
        XCTAssertEqual(buffer.lines, [" x式会"])
        buffer.write("y", x: 2, y: 0)               // left half of 式
        XCTAssertEqual(buffer.lines, [" xy 会"])
        XCTAssertFalse(buffer[3, 0].isContinuation)
        buffer.write("日", x: 3, y: 0)              // wide over narrow + left half of 会
        XCTAssertEqual(buffer.lines, [" xy日"])
        XCTAssertFalse(buffer[5, 0].isContinuation)
    }

    func testFillOverHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        buffer.write("株式会", x: 0, y: 0)
        buffer.fill(Rect(x: 1, y: 0, width: 2, height: 1), with: ".")
        XCTAssertEqual(buffer.lines, [" .. 会"])
        XCTAssertFalse(buffer[3, 0].isContinuation)
        XCTAssertEqual(buffer[0, 0].width, 1)
    }

    func testWriteFieldPadsAndAligns() {
        var buffer = ScreenBuffer(width: 12, height: 3)
        buffer.fill(buffer.bounds, with: "#")
        buffer.writeField("abc", x: 1, y: 0, width: 6)
        buffer.writeField("1 250,00", x: 1, y: 1, width: 10, alignRight: true)
        buffer.writeField("株式会社", x: 1, y: 2, width: 5, alignRight: true)
        XCTAssertEqual(buffer.lines, [
            "#abc   #####",
            "#  1 250,00#",
            "#株式…######",
        ])
    }

    func testWriteFieldRightAlignsWideTextByColumns() {
        var buffer = ScreenBuffer(width: 8, height: 1)
        buffer.writeField("株式", x: 0, y: 0, width: 8, alignRight: true)
        XCTAssertEqual(buffer.line(0), "    株式")
    }

    func testBoxDrawsBordersAndATitle() {
        var buffer = ScreenBuffer(width: 12, height: 4)
        buffer.box(Rect(x: 0, y: 0, width: 12, height: 4), title: "Accounts")
        XCTAssertEqual(buffer.lines, [
            "┌─ Accoun…─┐",
            "│          │",
            "│          │",
            "└──────────┘",
        ])
        XCTAssertTrue(buffer[3, 0].style.attributes.contains(.bold))
        XCTAssertFalse(buffer[0, 0].style.attributes.contains(.bold))
    }

    func testBoxTooSmallDrawsNothing() {
        var buffer = ScreenBuffer(width: 3, height: 3)
        buffer.box(Rect(x: 0, y: 0, width: 1, height: 3))
        XCTAssertEqual(buffer.lines, ["", "", ""])
    }

    func testWriteSanitizesControls() {
        var buffer = ScreenBuffer(width: 20, height: 1)
        buffer.write("a\u{1B}[2Jb", x: 0, y: 0)
        XCTAssertEqual(buffer.lines, ["a^[[2Jb"])
    }
}
