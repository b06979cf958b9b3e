import Foundation
import XCTest

/// `.ci/summarize`, which turns a `swift test` log into CI's last line, counts failed test cases,
/// not failed assertions, and a case whose process died before it finished as failed.
final class CISummaryTests: XCTestCase {
    private let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".ci/summarize").path

    private func summarize(_ log: String) throws -> CommandResult {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ci-log-\(UUID().uuidString)")
        try log.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try CommandResult.run("/bin/sh", ["-c", "\"$0\" < \"$1\"", script, file.path])
    }

    func testATestWithSeveralFailedChecksCountsOnce() throws {
        let log = """
            Test Case 'MoneyTests.testGroups' started at 2026-12-07 10:00:00.000
            /repo/Tests/MoneyTests.swift:10: error: MoneyTests.testGroups : XCTAssertEqual failed: ("1") is not equal to ("2")
            /repo/Tests/MoneyTests.swift:11: error: MoneyTests.testGroups : XCTAssertEqual failed: ("3") is not equal to ("4")
            /repo/Tests/MoneyTests.swift:12: error: MoneyTests.testGroups : XCTAssertTrue failed
            Test Case 'MoneyTests.testGroups' failed (0.004 seconds)
            Test Case 'MoneyTests.testRounding' started at 2026-12-07 10:00:00.004
            Test Case 'MoneyTests.testRounding' passed (0.001 seconds)
            Test Case 'MoneyTests.testLater' started at 2026-12-07 10:00:00.005
            Test Case 'MoneyTests.testLater' skipped (0.000 seconds)
            \t Executed 3 tests, with 3 failures (0 unexpected) in 0.005 (0.005) seconds
            """
        let result = try summarize(log)
        XCTAssertEqual(result.stdout, "1 passed, 1 failed\n")
        XCTAssertTrue(result.stderr.contains("failed: MoneyTests.testGroups"), result.stderr)
        XCTAssertEqual(result.status, 1)
    }

    func testACaseThatNeverFinishedIsAFailureAndAGreenRunExitsZero() throws {
        let crashed = try summarize("""
            Test Case 'A.testOne' started at x
            Test Case 'A.testOne' passed (0.1 seconds)
            Test Case 'A.testCrash' started at x
            Fatal error: Index out of range
            """)
        XCTAssertEqual(crashed.stdout, "1 passed, 1 failed\n")
        let green = try summarize("""
            Test Case 'A.testOne' started at x
            Test Case 'A.testOne' passed (0.1 seconds)
            Test Case 'A.testTwo' started at x
            Test Case 'A.testTwo' passed (0.1 seconds)
            """)
        XCTAssertEqual(green.stdout, "2 passed, 0 failed\n")
        XCTAssertEqual(green.status, 0)
        XCTAssertEqual(try summarize("error: build failed").stdout, "0 passed, 1 failed\n")
    }
}
