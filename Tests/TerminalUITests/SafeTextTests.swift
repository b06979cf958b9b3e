import Foundation
import TerminalUI
import TestFixtures
import XCTest

final class SafeTextTests: XCTestCase {
    private func hostileCases() throws -> [HostileStrings.Case] {
        let cases = try HostileStrings.all()
        XCTAssertGreaterThan(cases.count, 10, "hostile-strings.jsonl looks truncated")
        return cases
    }

    private static let zeroWidth: Set<UInt32> = [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]

    private func assertSafe(_ text: String, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let hex = String(v, radix: 16)
            XCTAssertFalse(v < 0x20, "\(label): C0 control U+\(hex)", file: file, line: line)
            XCTAssertFalse((0x7F...0x9F).contains(v), "\(label): DEL/C1 control U+\(hex)", file: file, line: line)
            XCTAssertFalse((0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
                           || v == 0x200E || v == 0x200F || v == 0x061C,
                           "\(label): bidi control U+\(hex)", file: file, line: line)
            XCTAssertFalse(Self.zeroWidth.contains(v), "\(label): zero-width U+\(hex)", file: file, line: line)
        }
    }

    func testHostileStringsAreSanitized() throws {
        for hostile in try hostileCases() {
            assertSafe(SafeText.sanitize(hostile.text), hostile.case)
        }
    }

    func testHostileStringsStayInsideTheirRow() throws {
        for hostile in try hostileCases() {
            var buffer = ScreenBuffer(width: 40, height: 3)
            let written = buffer.write(hostile.text, x: 0, y: 1)
            XCTAssertLessThanOrEqual(written, 40, hostile.case)
            XCTAssertEqual(buffer.lines[0], "", "\(hostile.case) spilled above")
            XCTAssertEqual(buffer.lines[2], "", "\(hostile.case) spilled below")
            XCTAssertLessThanOrEqual(DisplayWidth.of(buffer.line(1)), 40, hostile.case)
            var columns = 0
            for x in 0..<40 {
                let cell = buffer[x, 1]
                assertSafe(cell.text, "\(hostile.case) cell \(x)")
                if cell.isContinuation {
                    XCTAssertGreaterThan(x, 0, hostile.case)
                    XCTAssertEqual(buffer[x - 1, 1].width, 2, "\(hostile.case): orphan continuation at \(x)")
                } else {
                    XCTAssertEqual(Int(cell.width), DisplayWidth.of(cell.text), "\(hostile.case) cell \(x)")
                    columns += Int(cell.width)
                }
            }
            XCTAssertEqual(columns, 40, "\(hostile.case): the row must add up to exactly 40 columns")
        }
    }

    func testControlsBecomeVisibleNotation() {
        XCTAssertEqual(SafeText.sanitize("Evil\u{1B}]0;x\u{07}"), "Evil^[]0;x^G")
        XCTAssertEqual(SafeText.sanitize("a\r\nb"), "a^M^Jb")
        XCTAssertEqual(SafeText.sanitize("Del\u{7F}"), "Del^?")
        XCTAssertEqual(SafeText.sanitize("C1\u{9B}2J"), "C1<U+009B>2J")
        XCTAssertEqual(SafeText.sanitize("invoice\u{202E}txt"), "invoice<U+202E>txt")
        XCTAssertEqual(SafeText.sanitize("a\u{200B}b"), "a<U+200B>b")
    }

    func testHarmlessTextIsUnchanged() {
        for text in ["Acme s.r.o.", "Příliš žluťoučký kůň", "株式会社", "🚀 Launch", "e\u{301}", "O'Brien\"; --"] {
            XCTAssertEqual(SafeText.sanitize(text), text)
        }
    }

    func testCombiningFloodsAreCut() {
        let flood = "Z" + String(repeating: "\u{336}", count: 50)
        let safe = SafeText.sanitize(flood)
        XCTAssertEqual(safe.unicodeScalars.count, 1 + SafeText.maxCombiningMarks)
        XCTAssertEqual(DisplayWidth.of(safe), 1)
    }

    func testALoneCombiningMarkGetsABase() {
        XCTAssertEqual(SafeText.sanitize("\u{301}"), "\u{25CC}\u{301}")
    }
}
