import CRMCore
import CRMStore
import Foundation
import TestFixtures
import XCTest

/// SH-12: text from the database never reaches the terminal as a control sequence.
final class UntrustedTextTests: XCTestCase {
    func testEveryHostileNameIsShownEscapedAndNeverAsControls() throws {
        let database = try AppDatabase.inMemory(clock: { AppHarness.fixedNow })
        try DemoDataGenerator(scale: .small).generate(into: database) { _, _ in }
        let admin = try XCTUnwrap(database.users.find(login: "admin"))
        let company = try XCTUnwrap(database.accountTypes(actingAs: admin).list().first { $0.key == "company" })
        let cases = try HostileStrings.all()
        XCTAssertGreaterThan(cases.count, 20)
        for hostile in cases where !hostile.text.contains("\u{0}") {
            var draft = AccountDraft(typeID: company.id)
            draft.name = "Aa " + String(hostile.text.prefix(150))
            draft.note = hostile.text
            let saved = try database.accounts(actingAs: admin).create(draft)
            XCTAssertEqual(try database.accounts(actingAs: admin).get(id: saved.id).name, draft.name, hostile.case)
        }
        for size in [(80, 24), (120, 40)] {
            let harness = try AppHarness(columns: size.0, rows: size.1, database: database)
            for screen in ["", "Enter", "Tab"] {
                if !screen.isEmpty { try harness.press(screen) }
                let frame = try XCTUnwrap(harness.terminal.lastFrame)
                for cell in frame.cells {
                    for scalar in cell.text.unicodeScalars {
                        XCTAssertFalse(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value),
                                       "control U+\(String(scalar.value, radix: 16)) in a cell")
                        XCTAssertFalse([0x202E, 0x2066, 0x2067, 0x2069, 0x200B, 0xFEFF].contains(scalar.value))
                    }
                }
                XCTAssertTrue(harness.lines.allSatisfy { $0.count <= size.0 })
                XCTAssertTrue(harness.lines[0].contains("CRM"), "the menu bar must survive:\n\(harness.screen)")
            }
        }
        let harness = try AppHarness(columns: 250, rows: 60, database: database)
        harness.assertShows("Evil ^[]52;c;cm0gLXJmIH4K^G Corp")
        harness.assertShows("C1<U+009B>2J Corp")
        harness.assertShows("invoice<U+202E>txt.exe")
        harness.assertShows("Good Name^MEvil")
    }
}

/// Every text input of the app (a form field, the quick filter, go-to, the palette, a record
/// picker's search) takes every hostile string typed key by key, as a terminal sends it, without
/// crashing and without letting a control character reach the screen.
final class HostileTypingTests: XCTestCase {
    func testEveryTextInputTakesEveryHostileStringTypedKeyByKey() throws {
        let harness = try AppHarness(columns: 100, rows: 30)
        for hostile in try HostileStrings.all() {
            let text = String(String.UnicodeScalarView(hostile.text.unicodeScalars.prefix(40)))
            for (open, close) in [("g a /", "Esc Esc"), ("g a C-p", "Esc"), ("g a :", "Esc"),
                                  ("g a n Tab", "Esc y"), ("g o n Tab Enter", "Esc Esc y")] {
                try harness.press(open)
                harness.type(text)
                try harness.press("Left Left Backspace Right Home End")
                harness.type("e\u{301}")
                for line in harness.lines {
                    XCTAssertFalse(line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) },
                                   "\(hostile.case) in \(open): a control character reached the screen")
                }
                try harness.press(close)
            }
        }
    }
}
