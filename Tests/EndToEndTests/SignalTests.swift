import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Killed by a termination signal, the app restores the terminal and exits with 128 + signal.
final class SignalTests: EndToEndTestCase {
    func testSIGTERMRestoresTheTerminalAndExitsWith143() throws {
        try assertRestored(after: SIGTERM, exitCode: 143)
    }

    func testSIGHUPRestoresTheTerminalAndExitsWith129() throws {
        try assertRestored(after: SIGHUP, exitCode: 129)
    }

    private func assertRestored(after signal: Int32, exitCode: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let db = try makeDemoDatabase()
        let app = try launchApp(db: db)
        try waitForAccountsList(app, file: file, line: line)
        XCTAssertEqual(app.display("#{alternate_on} #{cursor_flag}"), "1 0",
                       "the running app should use the alternate screen and hide the cursor", file: file, line: line)

        let pid = try appPID(of: app)
        let command = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? "?"
        XCTAssertEqual(command.trimmingCharacters(in: .whitespacesAndNewlines), "crm", "pid \(pid) is not crm", file: file, line: line)
        XCTAssertEqual(kill(pid, signal), 0, "could not signal pid \(pid)", file: file, line: line)

        try app.waitFor("EXITED:\(exitCode)", file: file, line: line)
        assertTerminalRestored(app, file: file, line: line)
    }
}
