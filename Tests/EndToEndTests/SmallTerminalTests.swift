import Foundation
import XCTest

/// The smallest supported terminal, 80×24: everything important fits, nothing wraps.
final class SmallTerminalTests: EndToEndTestCase {
    func testListAndFormFitIn80x24() throws {
        let db = try makeDemoDatabase()
        let app = try launchApp(db: db, columns: 80, rows: 24)
        let list = try waitForAccountsList(app)
        assertFits(list, of: app, what: "the accounts list")

        try app.send(keys: "n")
        let form = try app.waitFor("Organisation name")
        assertFits(form, of: app, what: "the account form")
        XCTAssertTrue(app.lines.last?.contains("F2 save") ?? false, "no save hint on the status line:\n\(app.framed(form))")

        try app.send(keys: "Escape")
        try app.waitForAbsence(of: "Organisation name")
        try app.send(keys: "q")
        try app.waitFor("EXITED:0")
    }

    private func assertFits(_ screen: String, of app: TmuxSession, what: String,
                            file: StaticString = #filePath, line: UInt = #line) {
        var lines = screen.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        XCTAssertEqual(lines.count, 24, "\(what): not 24 rows:\n\(app.framed(screen))", file: file, line: line)
        XCTAssertTrue(lines.first?.hasPrefix(" CRM ") ?? false, "\(what): the menu bar is not on the first row:\n\(app.framed(screen))",
                      file: file, line: line)
        XCTAssertTrue(lines.last?.contains("admin · Administrator") ?? false,
                      "\(what): the status line is not on the last row:\n\(app.framed(screen))", file: file, line: line)
        for (number, text) in lines.enumerated() where ScreenText.width(text) > 80 {
            XCTFail("\(what): row \(number) is \(ScreenText.width(text)) columns wide:\n\(app.framed(screen))", file: file, line: line)
        }
    }
}
