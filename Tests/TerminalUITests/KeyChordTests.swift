import TerminalUI
import XCTest

final class KeyChordTests: XCTestCase {
    func testParsesEveryKindOfChord() throws {
        XCTAssertEqual(try KeyChord.parse("j"), .char("j"))
        XCTAssertEqual(try KeyChord.parse("G"), .char("G"))
        XCTAssertEqual(try KeyChord.parse("S-l"), .char("L"))
        XCTAssertEqual(try KeyChord.parse("C-p"), .ctrl("p"))
        XCTAssertEqual(try KeyChord.parse("C-P"), .ctrl("p"))
        XCTAssertEqual(try KeyChord.parse("M-x"), KeyEvent(.char("x"), .alt))
        XCTAssertEqual(try KeyChord.parse("A-x"), KeyEvent(.char("x"), .alt))
        XCTAssertEqual(try KeyChord.parse("C-M-d"), KeyEvent(.char("d"), [.ctrl, .alt]))
        XCTAssertEqual(try KeyChord.parse("S-Tab"), KeyEvent(.backTab))
        XCTAssertEqual(try KeyChord.parse("Enter"), KeyEvent(.enter))
        XCTAssertEqual(try KeyChord.parse("ret"), KeyEvent(.enter))
        XCTAssertEqual(try KeyChord.parse("PgDn"), KeyEvent(.pageDown))
        XCTAssertEqual(try KeyChord.parse("pagedown"), KeyEvent(.pageDown))
        XCTAssertEqual(try KeyChord.parse("F5"), KeyEvent(.function(5)))
        XCTAssertEqual(try KeyChord.parse("f12"), KeyEvent(.function(12)))
        XCTAssertEqual(try KeyChord.parse("Space"), .char(" "))
        XCTAssertEqual(try KeyChord.parse("Esc"), KeyEvent(.escape))
        XCTAssertEqual(try KeyChord.parse("-"), .char("-"))
        XCTAssertEqual(try KeyChord.parse("?"), .char("?"))
        XCTAssertEqual(try KeyChord.parse("č"), .char("č"))
    }

    func testControlSpellingsThatTerminalsCannotTellApartAreOneChord() throws {
        XCTAssertEqual(try KeyChord.parse("C-i"), try KeyChord.parse("Tab"))
        XCTAssertEqual(try KeyChord.parse("C-m"), try KeyChord.parse("Enter"))
        XCTAssertEqual(try KeyChord.parse("S-g"), try KeyChord.parse("G"))
    }

    func testParsesSequences() throws {
        XCTAssertEqual(try KeyChord.parseSequence("g d"), [.char("g"), .char("d")])
        XCTAssertEqual(try KeyChord.parseSequence("  g   S-l  "), [.char("g"), .char("L")])
        XCTAssertEqual(try KeyChord.parseSequence("C-x C-s"), [.ctrl("x"), .ctrl("s")])
    }

    func testFormatIsCanonicalAndRoundTrips() throws {
        let written = ["j", "G", "C-p", "M-x", "C-M-d", "S-Tab", "Enter", "PgDn", "PgUp", "F5", "Space",
                       "Esc", "Up", "Down", "Left", "Right", "Home", "End", "Del", "Ins", "Backspace", "Tab", "?"]
        for chord in written {
            let event = try KeyChord.parse(chord)
            XCTAssertEqual(KeyChord.format(event), chord)
            XCTAssertEqual(try KeyChord.parse(KeyChord.format(event)), event, chord)
        }
        XCTAssertEqual(KeyChord.format(try KeyChord.parse("S-l")), "L")
        XCTAssertEqual(KeyChord.format(try KeyChord.parse("C-i")), "Tab")
        XCTAssertEqual(KeyChord.format(try KeyChord.parseSequence("g  S-d")), "g D")
        XCTAssertEqual(KeyEvent.ctrl("p").description, "C-p")
    }

    func testRejectsWhatNoTerminalSends() {
        let bad: [(String, String)] = [
            ("", "empty key"),
            ("Foo", "not a key name"),
            ("X-y", "modifiers are C-, M- and S-"),
            ("S-1", "S- goes with letters and Tab only"),
            ("S-Enter", "S- goes with letters and Tab only"),
            ("C-1", "terminals send Ctrl only with letters"),
            ("F25", "not a key name"),
            ("F0", "not a key name"),
        ]
        for (chord, reason) in bad {
            XCTAssertThrowsError(try KeyChord.parse(chord), chord) { error in
                guard let error = error as? KeyChord.ParseError else { return XCTFail("\(error)") }
                XCTAssertEqual(error.chord, chord)
                XCTAssertTrue(error.reason.contains(reason), "\(chord): \(error.reason)")
                XCTAssertEqual(error.description, "unknown key \"\(chord)\": \(error.reason)")
            }
        }
        XCTAssertThrowsError(try KeyChord.parseSequence("   "))
        XCTAssertThrowsError(try KeyChord.parseSequence("g Foo")) { error in
            XCTAssertEqual((error as? KeyChord.ParseError)?.chord, "Foo")
        }
    }

    func testTypedCharacterOnlyForUnmodifiedCharacters() {
        XCTAssertEqual(KeyEvent.char("a").typedCharacter, "a")
        XCTAssertNil(KeyEvent.ctrl("a").typedCharacter)
        XCTAssertNil(KeyEvent(.enter).typedCharacter)
    }
}
