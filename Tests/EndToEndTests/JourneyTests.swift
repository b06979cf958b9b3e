import Foundation
import XCTest

/// The everyday path through the real binary: list, filter, create, open, history, quit.
final class JourneyTests: EndToEndTestCase {
    func testFilterCreateOpenHistoryAndQuit() throws {
        let db = try makeDemoDatabase()
        let app = try launchApp(db: db)
        try waitForAccountsList(app)
        try app.send(keys: "g", "a")
        let list = try waitForAccountsList(app)
        let total = try XCTUnwrap(ScreenText.accountCount(in: list))
        let first = try firstAccount(on: list, of: app)

        // The quick filter narrows the list to the accounts matching a word of the first name.
        try app.send(keys: "/")
        try app.type(first.word)
        let narrowed = try app.waitUntil("the list narrowed by “\(first.word)”") {
            $0.contains("Filter: \(first.word)") && (ScreenText.accountCount(in: $0) ?? .max) < total
                && $0.contains(first.shown)
        }
        XCTAssertGreaterThan(ScreenText.accountCount(in: narrowed) ?? 0, 0, app.framed(narrowed))
        try app.send(keys: "Enter")

        // A new company through the form: Type (Company), First name, Last name, Organisation name.
        try app.send(keys: "n")
        try app.waitFor("Accounts › New account")
        let form = try app.waitFor("Organisation name *")
        XCTAssertTrue(form.contains("‹ Company ›"), "Type should default to Company:\n\(app.framed(form))")
        try app.send(keys: "Tab", "Tab", "Tab")
        try app.type("Kestrel Journey Ltd")
        try app.waitFor("Kestrel Journey Ltd")
        try app.send(keys: "F2")
        try app.waitFor("Created “Kestrel Journey Ltd”")

        try filter(app, "Kestrel", expecting: "1 of 1 accounts")
        XCTAssertTrue(app.screen().contains("Kestrel Journey Ltd"), app.framed())

        // Open it; after Data come People, Opportunities and Activities, then History with the
        // journal of the creation.
        try app.send(keys: "Enter")
        try app.waitFor("Accounts › Kestrel Journey Ltd")
        try app.waitFor("Data │ People │ Opportunities │ Activities │ History")
        try app.send(keys: "Tab")
        try app.waitFor("No people here yet")
        try app.send(keys: "Tab")
        try app.waitFor("No opportunities here yet")
        try app.send(keys: "Tab")
        try app.waitFor("No activities here yet")
        try app.send(keys: "Tab")
        let history = try app.waitFor("created")
        let rows = history.components(separatedBy: "\n")
        XCTAssertTrue(rows.contains { $0.range(of: #"admin\s+created"#, options: .regularExpression) != nil },
                      "no “admin … created” journal row:\n\(app.framed(history))")
        XCTAssertTrue(rows.contains { $0.contains("admin") && $0.contains("Name") && $0.contains("Kestrel Journey Ltd") },
                      "no journal row for the Name field:\n\(app.framed(history))")

        // q quits: the process ends with 0 and the terminal is the shell's again.
        try app.send(keys: "q")
        let after = try app.waitFor("EXITED:0")
        XCTAssertFalse(after.contains("Kestrel"), "the app's screen is still shown after quitting:\n\(app.framed(after))")
        assertTerminalRestored(app)
    }

    /// C-s saves a form through a real tty: the app turns off XON/XOFF flow control, which
    /// would otherwise freeze the terminal instead (only an end-to-end test can see this).
    func testCtrlSSavesAFormAndDoesNotFreezeTheTerminal() throws {
        let app = try launchApp(db: try makeDemoDatabase())
        try waitForAccountsList(app)
        try app.send(keys: "n")
        try app.waitFor("Organisation name *")
        try app.send(keys: "Tab", "Tab", "Tab")
        try app.type("Osprey Flow Control")
        try app.waitFor("Osprey Flow Control")
        try app.send(keys: "C-s")
        try app.waitFor("Created “Osprey Flow Control”")
        try app.send(keys: "q")
        try app.waitFor("EXITED:0")
    }

    /// Esc pressed twice quickly arrives as two ESC bytes at once, which terminals also send for
    /// Alt+Esc; the app takes them as two presses, so a user backs out of two screens.
    func testEscTwiceQuicklyBacksOutOfTwoScreens() throws {
        let app = try launchApp(db: try makeDemoDatabase())
        try waitForAccountsList(app)
        try app.send(keys: "Enter")
        try app.waitFor("Accounts ›")
        try app.send(keys: "e")
        try app.waitFor("› Edit")
        try app.send(keys: "Escape", "Escape")
        try app.waitForAbsence(of: "› Edit")
        try app.waitUntil("the accounts list is back") { $0.contains("All accounts") && !$0.contains("Accounts ›") }
        try app.send(keys: "q")
        try app.waitFor("EXITED:0")
    }
}
