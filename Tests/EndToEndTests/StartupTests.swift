import Foundation
import XCTest

/// The app refuses to start with a clear message and exit code, and leaves the terminal alone.
final class StartupTests: EndToEndTestCase {
    func testUnknownUserExitsWith3AndNamesTheUser() throws {
        let db = try makeDemoDatabase()
        let app = try launchApp(db: db, user: "nobody")
        try app.waitFor("EXITED:3")
        let screen = app.screen(joiningWrappedLines: true)
        XCTAssertTrue(screen.contains("there is no crm user \"nobody\""), app.framed(screen))
        XCTAssertTrue(screen.contains("crm user add nobody"), "the hint to add the user is missing:\n\(app.framed(screen))")
        assertTerminalRestored(app)
    }

    func testBadKeymapFileRefusesToStartWithFileAndLine() throws {
        let db = try makeDemoDatabase()
        let app = try launchApp(db: db) { session in
            let directory = session.configHome.appendingPathComponent("crm")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try "[list]\n\"j\" = \"cursor.dwn\"\n".write(to: directory.appendingPathComponent("keymap.toml"),
                                                          atomically: true, encoding: .utf8)
        }
        try app.waitFor("EXITED:2")
        let screen = app.screen(joiningWrappedLines: true)
        XCTAssertTrue(screen.contains("keymap.toml:2"), "no file:line in the message:\n\(app.framed(screen))")
        XCTAssertTrue(screen.contains("cursor.dwn"), "the bad command is not named:\n\(app.framed(screen))")
        XCTAssertFalse(screen.contains("All accounts"), "the app started anyway:\n\(app.framed(screen))")
        assertTerminalRestored(app)
    }
}
