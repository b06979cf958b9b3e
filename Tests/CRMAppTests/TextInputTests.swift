@testable import CRMApp
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
}
