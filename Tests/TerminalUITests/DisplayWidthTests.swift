import TerminalUI
import XCTest

final class DisplayWidthTests: XCTestCase {
    func testAsciiIsOneColumnPerCharacter() {
        XCTAssertEqual(DisplayWidth.of("Acme s.r.o."), 11)
        XCTAssertEqual(DisplayWidth.of(""), 0)
    }

    func testAccentsPrecomposedAndCombiningTakeOneColumn() {
        XCTAssertEqual(DisplayWidth.of("\u{E9}"), 1)            // é precomposed
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)          // e + combining acute
        XCTAssertEqual(DisplayWidth.of("a\u{308}\u{304}"), 1)   // two marks on one base
        XCTAssertEqual(DisplayWidth.of("Cafe\u{301} Ume\u{301}ní"), 10)
    }

    func testCzechNamesMeasureTheSameComposedOrDecomposed() {
        let names = ["Příliš žluťoučký kůň úpěl ďábelské ódy", "Jiří Čermák", "Šárka Řeháčková", "Ústí nad Labem"]
        for name in names {
            XCTAssertEqual(DisplayWidth.of(name), name.count, name)
            let decomposed = name.decomposedStringWithCanonicalMapping
            XCTAssertGreaterThan(decomposed.unicodeScalars.count, name.unicodeScalars.count, name)
            XCTAssertEqual(DisplayWidth.of(decomposed), name.count, name)
        }
    }

    func testCJKIsTwoColumnsPerCharacter() {
        XCTAssertEqual(DisplayWidth.of("株式会社"), 8)
        XCTAssertEqual(DisplayWidth.of("株式会社 Acme"), 13)
        XCTAssertEqual(DisplayWidth.of("한국어"), 6)
        XCTAssertEqual(DisplayWidth.of("ｶﾀｶﾅ"), 4)               // half-width katakana stay narrow
        XCTAssertEqual(DisplayWidth.of("ＡＢ"), 4)               // full-width Latin is wide
    }

    func testEmojiAreTwoColumns() {
        XCTAssertEqual(DisplayWidth.of("👍"), 2)
        XCTAssertEqual(DisplayWidth.of("🚀 Launch"), 9)
        XCTAssertEqual(DisplayWidth.of("👩\u{200D}👩\u{200D}👧\u{200D}👦"), 2) // one ZWJ family
        XCTAssertEqual(DisplayWidth.of("🇨🇿"), 2)                               // flag
        XCTAssertEqual(DisplayWidth.of("\u{2764}\u{FE0F}"), 2)                 // ❤️ with VS16
        XCTAssertEqual(DisplayWidth.of("\u{2764}"), 1)                         // ❤ text style
    }

    func testControlsAndFormatCharactersTakeNoColumns() {
        XCTAssertEqual(DisplayWidth.of("\u{1B}"), 0)
        XCTAssertEqual(DisplayWidth.of("\u{9B}"), 0)
        XCTAssertEqual(DisplayWidth.of("a\u{200B}b"), 2)
    }
}
