import TerminalUI
import TestFixtures
import XCTest

/// The text editor of every field, typed as a terminal delivers keys: one Unicode scalar at a
/// time, so accents, flags and joined emoji arrive in parts that join the character before.
final class TextInputTests: XCTestCase {
    private func typed(_ text: String, into input: inout TextInput) {
        for scalar in text.unicodeScalars { _ = input.apply(.char(Character(scalar))) }
    }

    func testEveryHostileStringTypedKeyByKeyIsKeptWhole() throws {
        for hostile in try HostileStrings.all() {
            var input = TextInput("", maxLength: 100_000)
            typed(hostile.text, into: &input)
            XCTAssertEqual(input.text, hostile.text, hostile.case)
            XCTAssertEqual(input.cursor, input.text.count, hostile.case)
        }
    }

    /// Typing in the middle, moving and deleting around joined characters never puts the cursor
    /// past the text (it crashed on the next key after an accent).
    func testEditingAroundJoinedCharactersKeepsTheCursorInside() throws {
        let keys: [KeyEvent] = [KeyEvent(.left), KeyEvent(.left), .char("x"), KeyEvent(.backspace),
                                KeyEvent(.delete), KeyEvent(.right), KeyEvent(.home), .char("y"), KeyEvent(.end),
                                KeyEvent(.backspace), .ctrl("w"), .ctrl("k"), .ctrl("u")]
        for hostile in try HostileStrings.all() {
            var input = TextInput("ab", maxLength: 100_000)
            typed(hostile.text, into: &input)
            for key in keys {
                _ = input.apply(key)
                XCTAssertLessThanOrEqual(input.cursor, input.text.count, "\(hostile.case) after \(key)")
                typed("e\u{301}\u{1F1E8}", into: &input)
                XCTAssertLessThanOrEqual(input.cursor, input.text.count, "\(hostile.case) after typing past \(key)")
            }
        }
    }

    func testAnAccentTypedAfterItsLetterJoinsIt() {
        var input = TextInput()
        typed("Cafe\u{301}", into: &input)
        XCTAssertEqual(input.text, "Café")
        XCTAssertEqual(input.cursor, 4)
        _ = input.apply(KeyEvent(.backspace))
        XCTAssertEqual(input.text, "Caf")
    }

    // MARK: Drawing

    private func draw(_ input: TextInput, width: Int, showCursor: Bool = true, marked: Range<Int>? = nil) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width + 2, height: 1)
        input.render(into: &buffer, x: 1, y: 0, width: width, style: Style.plain, showCursor: showCursor, marked: marked,
                     markStyle: Style(attributes: .underline))
        return buffer
    }

    /// The column of the cell drawn as the cursor (reversed), if any.
    private func cursorColumn(_ buffer: ScreenBuffer) -> Int? {
        (0..<buffer.width).first { buffer[$0, 0].style.attributes.contains(.reverse) }
    }

    func testAnEmptyFieldShowsTheCursorAtItsStart() {
        let buffer = draw(TextInput(), width: 6)
        XCTAssertEqual(buffer.lines, [""])
        XCTAssertEqual(cursorColumn(buffer), 1)
        XCTAssertNil(cursorColumn(draw(TextInput(), width: 6, showCursor: false)))
    }

    func testTextLongerThanTheFieldScrollsSoTheCursorStaysInside() {
        var input = TextInput("abcdefghij")
        var buffer = draw(input, width: 6)
        XCTAssertEqual(buffer.line(0), " fghij  ", "the end of the text and the cursor after it")
        XCTAssertEqual(cursorColumn(buffer), 6)
        _ = input.apply(KeyEvent(.home))
        buffer = draw(input, width: 6)
        XCTAssertEqual(buffer.line(0), " abcde… ")
        XCTAssertEqual(cursorColumn(buffer), 1)
    }

    func testExactlyFillingTheFieldKeepsRoomForTheCursor() {
        let buffer = draw(TextInput("abcdef"), width: 6)
        XCTAssertEqual(cursorColumn(buffer), 6)
        XCTAssertEqual(buffer.line(0), " bcdef  ")
    }

    func testWideCharactersScrollWholeAndAreCutAtTheEdge() {
        var input = TextInput("株式会社ヤマダ")
        var buffer = draw(input, width: 7)
        XCTAssertEqual(cursorColumn(buffer), 7, "after the last character, inside the field")
        XCTAssertFalse(buffer[1, 0].isContinuation, "no half character at the left edge")
        _ = input.apply(KeyEvent(.home))
        buffer = draw(input, width: 7)
        XCTAssertEqual(buffer.line(0), " 株式会… ")
        XCTAssertEqual(cursorColumn(buffer), 1)
        XCTAssertEqual(buffer[1, 0].text, "株", "the cursor cell keeps its character")
        input = TextInput("😀😀😀😀😀")
        _ = input.apply(KeyEvent(.left))
        buffer = draw(input, width: 5)
        XCTAssertNotNil(cursorColumn(buffer))
        XCTAssertLessThan(cursorColumn(buffer)!, 6)
    }

    func testAMarkedRangeIsDrawnInTheMarkStyle() {
        let buffer = draw(TextInput("amount>x"), width: 12, showCursor: false, marked: 7..<8)
        XCTAssertEqual(buffer[8, 0].text, "x")
        XCTAssertEqual(buffer[8, 0].style, Style(attributes: .underline))
        XCTAssertEqual(buffer[7, 0].style, Style.plain)
    }
}
