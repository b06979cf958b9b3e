@testable import crm
import Foundation
import XCTest

/// A terminal can go away without the app hearing a SIGHUP: the kernel sends it to the session's
/// leader only, and here that is a shell that ignores it. Reads then fail at once (EIO); the app
/// must end, not spin on them for ever at 40 % CPU.
final class TerminalGoneTests: EndToEndTestCase {
    func testTheAppEndsWhenItsTerminalGoesAwayWithoutAHangUpSignal() throws {
        let db = try makeDemoDatabase()
        let status = workDirectory.appendingPathComponent("status")
        // `timeout` ends an app that would not end by itself (exit status 137), so the test fails
        // instead of hanging.
        let script = #"trap '' HUP; timeout --foreground -s KILL 20 "$0" --db "$1" --user admin; echo "$?" > "$2""#
        let terminal = try PseudoTerminal(
            executable: "/bin/sh", arguments: ["-c", script, crm, db.path, status.path], columns: 80, rows: 24,
            environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8",
                          "XDG_CONFIG_HOME": workDirectory.appendingPathComponent("config").path,
                          "XDG_STATE_HOME": workDirectory.appendingPathComponent("state").path])
        let firstFrame = terminal.read(quiet: .milliseconds(300), patience: .seconds(20)) {
            String(decoding: $0.bytes, as: UTF8.self).contains("accounts")
        }
        XCTAssertTrue(String(decoding: firstFrame.bytes, as: UTF8.self).contains("accounts"), "the app never drew its list")

        let closed = ContinuousClock.now
        terminal.hangUp()

        let ended = try String(contentsOf: status, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(ended, "0", "the app should quit by itself (137: it was still running and was killed)")
        XCTAssertLessThan(closed.duration(to: .now), .seconds(5))
    }
}
