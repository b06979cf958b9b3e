import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Killed by a termination signal, the app restores the terminal and exits with 128 + signal; a
/// crash restores it too, says so in one line and leaves its report in a file, never in Swift's
/// interactive crash prompt.
final class SignalTests: EndToEndTestCase {
    func testACrashRestoresTheTerminalAndLeavesAReportInsteadOfAPrompt() throws {
        let db = try makeDemoDatabase()
        for (signal, exitCode) in [(SIGABRT, 134), (SIGSEGV, 139)] {
            let app = try launchApp(db: db)
            try waitForAccountsList(app)
            XCTAssertEqual(kill(try appPID(of: app), signal), 0)
            let screen = try app.waitFor("EXITED:\(exitCode)")
            let joined = app.screen(joiningWrappedLines: true)
            XCTAssertTrue(joined.contains("crm stopped on an internal error"), app.framed(screen))
            XCTAssertFalse(joined.contains("Press space to interact"), app.framed(screen))
            XCTAssertFalse(joined.contains("Thread 0"), "the stack belongs in the report:\n\(app.framed(screen))")
            assertTerminalRestored(app)
            let report = app.stateHome.appendingPathComponent("crm/crash.log")
            XCTAssertTrue(joined.contains(report.path), "the notice names the report:\n\(app.framed(screen))")
            let text = try String(contentsOf: report, encoding: .utf8)
            XCTAssertTrue(text.contains("crm stopped on signal \(signal)"), text)
            XCTAssertTrue(text.contains("crm("), "the stack is in the report:\n\(text)")
        }
    }

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
