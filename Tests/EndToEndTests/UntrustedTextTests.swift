import Foundation
import XCTest

/// SH-12: text from the database reaches the real terminal only as visible, escaped characters.
final class UntrustedTextTests: EndToEndTestCase {
    /// OSC 52 (set the clipboard to "pwned"), OSC 0 (set the title), CSI 2J (clear the
    /// screen), an 8-bit CSI (U+009B), a carriage return and a right-to-left override.
    static let hostileName = "\u{1B}]52;c;cHduZWQ=\u{07}\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}2J\rX\u{202E}txt"
    /// The same as the app must show it.
    static let escapedName = "^[]52;c;cHduZWQ=^G^[]0;pwned^G^[[2J<U+009B>2J^MX<U+202E>txt"

    func testControlSequencesInAnAccountNameAreShownEscaped() throws {
        let db = try makeDemoDatabase()
        let word = try plantHostileName(in: db)

        let app = try launchApp(db: db)
        let titleBefore = app.display("#{pane_title}")
        try waitForAccountsList(app)
        try filter(app, word, expecting: "^[]52;c;")
        let list = app.screen()
        XCTAssertTrue(ScreenText.firstListedName(in: list)?.hasPrefix("^[]52;c;") ?? false,
                      "the renamed account should be the first row (its sort name is unchanged):\n\(app.framed(list))")
        assertIntact(list, of: app, where: "on the list")

        try app.send(keys: "Enter")
        let detail = try app.waitFor("Data │ People │ Opportunities │ Activities │ History")
        XCTAssertTrue(detail.contains(Self.escapedName), "the name is not shown escaped in full:\n\(app.framed(detail))")
        assertIntact(detail, of: app, where: "on the detail")
        try app.send(keys: "Tab", "Tab", "Tab", "Tab")
        let history = try app.waitUntil("the History table") { $0.range(of: #"When\s+Who"#, options: .regularExpression) != nil }
        assertIntact(history, of: app, where: "on the History tab")

        XCTAssertEqual(app.display("#{pane_title}"), titleBefore, "the name changed the terminal's title")
        XCTAssertFalse(app.pasteBuffer()?.contains("pwned") ?? false, "the name set the clipboard (OSC 52)")
        try app.send(keys: "q")
        try app.waitFor("EXITED:0")
        assertTerminalRestored(app)
    }

    /// The assertions above can fail: the same bytes printed raw do change title and clipboard.
    func testTheChecksDetectRawSequences() throws {
        let shell = try makeSession()
        let bytes = "printf 'before\\033]0;pwned\\007\\033]52;c;cHduZWQ=\\007after'; exec sleep 600"
        try shell.start(command: bytes, columns: 80, rows: 24)
        try shell.waitFor("beforeafter")
        try shell.waitUntil("the title to change") { _ in shell.display("#{pane_title}") == "pwned" }
        XCTAssertEqual(shell.pasteBuffer(), "pwned")
    }

    /// Renames the first company of the demo (by sort order) to the hostile name, leaving its
    /// search text alone so the quick filter still finds it by a word of its old name.
    private func plantHostileName(in db: URL) throws -> String {
        let sqlite = try SQLiteFile(path: db.path)
        let companies = try sqlite.query("""
            SELECT id, display_name FROM accounts WHERE is_private = 0 AND name <> '' ORDER BY sort_name, id LIMIT 20
            """)
        guard let (id, word) = companies.lazy.compactMap({ row in ScreenText.filterWord(for: row[1]).map { (row[0], $0) } }).first else {
            throw E2EError("no demo company with a plain word in its name: \(companies)")
        }
        let name = SQLiteFile.literal(Self.hostileName)
        try sqlite.query("UPDATE accounts SET name = \(name), display_name = \(name) WHERE id = \(id)")
        XCTAssertEqual(try sqlite.query("SELECT name FROM accounts WHERE id = \(id)").first?.first, Self.hostileName)
        return word
    }

    private func assertIntact(_ screen: String, of app: TmuxSession, where place: String,
                              file: StaticString = #filePath, line: UInt = #line) {
        let lines = screen.components(separatedBy: "\n")
        XCTAssertTrue(lines.first?.contains("CRM  Leads") ?? false,
                      "the menu bar is gone \(place) (was the screen cleared?):\n\(app.framed(screen))", file: file, line: line)
        XCTAssertTrue(lines.contains { $0.contains("admin · Administrator") },
                      "the status line is gone \(place):\n\(app.framed(screen))", file: file, line: line)
        for raw in ["\u{1B}", "\u{9B}", "\u{202E}", "\r", "\u{07}"] {
            XCTAssertFalse(screen.contains(raw), "a raw U+\(String(raw.unicodeScalars.first!.value, radix: 16)) reached the screen \(place)",
                           file: file, line: line)
        }
    }
}
