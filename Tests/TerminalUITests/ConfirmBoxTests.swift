import Foundation
import TerminalUI
import XCTest

/// The "Are you sure?" box: No is chosen until the user moves to Yes, text wraps inside the box,
/// and the buttons stay on screen however small it is.
final class ConfirmBoxTests: XCTestCase {
    private func draw(_ box: ConfirmBox, width: Int = 60, height: Int = 12) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        box.render(into: &buffer, bounds: buffer.bounds, theme: testTheme, yesKey: "y", noKey: "n")
        return buffer
    }

    /// The column where `text` starts on row `y`, nil when it is not there.
    private func column(of text: String, in buffer: ScreenBuffer, y: Int) -> Int? {
        var x = 0
        while x < buffer.width {
            var found = ""
            var end = x
            while end < buffer.width, found.count < text.count {
                if !buffer[end, y].isContinuation { found += buffer[end, y].text }
                end += 1
            }
            if found == text { return x }
            x += 1
        }
        return nil
    }

    func testNoIsChosenUntilTheUserMovesToYes() {
        var box = ConfirmBox(question: "Delete the account “Acme”?", detail: "Its contacts stay.")
        XCTAssertFalse(box.yesSelected)
        var buffer = draw(box)
        let buttons = buffer.lines.firstIndex { $0.contains("[y] Yes") }!
        XCTAssertEqual(buffer.lines[buttons].trimmingCharacters(in: .whitespaces), "│          [y] Yes    [n] No           │",
                       "centred in a box 40 wide")
        let yes = column(of: "[y] Yes", in: buffer, y: buttons)!, no = column(of: "[n] No", in: buffer, y: buttons)!
        XCTAssertEqual(buffer[yes, buttons].style, testTheme.plain)
        XCTAssertEqual(buffer[no, buttons].style, testTheme.selected)
        box.toggle()
        buffer = draw(box)
        XCTAssertTrue(box.yesSelected)
        XCTAssertEqual(buffer[yes, buttons].style, testTheme.selected)
        XCTAssertEqual(buffer[no, buttons].style, testTheme.plain)
    }

    func testTheBoxIsFramedAndTheQuestionStandsOut() {
        let buffer = draw(ConfirmBox(question: "Delete it?", detail: "Cannot be undone."))
        let top = buffer.lines.firstIndex { $0.contains("Are you sure?") }!
        XCTAssertTrue(buffer.lines[top].contains("┌─ Are you sure? ─"))
        XCTAssertEqual(buffer.lines[top + 1].trimmingCharacters(in: .whitespaces).hasPrefix("│ Delete it?"), true)
        let question = column(of: "Delete it?", in: buffer, y: top + 1)!
        XCTAssertEqual(buffer[question, top + 1].style, testTheme.accent)
        let detail = column(of: "Cannot be undone.", in: buffer, y: top + 2)!
        XCTAssertEqual(buffer[detail, top + 2].style, testTheme.plain)
        XCTAssertEqual(buffer[question - 2, top].style.foreground, testTheme.error.foreground)
    }

    func testLongTextWrapsWithinTheWidestBox() {
        let long = String(repeating: "word ", count: 40)
        let buffer = draw(ConfirmBox(question: long), width: 100, height: 20)
        let frame = buffer.lines.filter { $0.contains("┌") }
        XCTAssertEqual(frame.count, 1)
        XCTAssertEqual(frame[0].trimmingCharacters(in: .whitespaces).count, ConfirmBox.maximumWidth)
        let body = buffer.lines.filter { $0.contains("│ word") }
        XCTAssertGreaterThan(body.count, 2, "wrapped into several lines")
    }

    func testWideCharactersWrapBetweenWordsAndALongWordIsCutInsideTheFrame() {
        let question = Array(repeating: "株式会社", count: 8).joined(separator: " ")
        let buffer = draw(ConfirmBox(question: question, detail: String(repeating: "株", count: 30)), width: 40, height: 14)
        let inner = buffer.lines.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " │")) }
        // A box 36 wide leaves 32 columns: three words of 8 columns to a line.
        XCTAssertEqual(inner.filter { $0.hasPrefix("株式会社") },
                       ["株式会社 株式会社 株式会社", "株式会社 株式会社 株式会社", "株式会社 株式会社"])
        XCTAssertTrue(inner.contains(String(repeating: "株", count: 15) + "…"), "a word wider than the box is cut")
        let frame = Set((0..<buffer.height).compactMap { y in
            (0..<buffer.width).last { buffer[$0, y].text == "│" }
        })
        XCTAssertEqual(frame.count, 1, "the right edge of the frame is one column on every row")
        for y in 0..<buffer.height {
            XCTAssertFalse(buffer[frame.first!, y].isContinuation)
        }
    }

    func testASmallScreenCutsTheDetailButKeepsTheButtons() {
        let box = ConfirmBox(question: "Delete?", detail: String(repeating: "A long explanation. ", count: 10))
        let buffer = draw(box, width: 44, height: 7)
        XCTAssertTrue(buffer.lines.contains { $0.contains("[y] Yes") && $0.contains("[n] No") })
        XCTAssertTrue(buffer.lines[6].contains("└"), "the frame closes on the last row")
    }
}
