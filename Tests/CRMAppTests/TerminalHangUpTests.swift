import CRMApp
import XCTest

/// A terminal that goes away (a dropped SSH connection) ends the app as quitting does, after
/// the keys that arrived before; it must not wait for keys that can never come.
final class TerminalHangUpTests: XCTestCase {
    func testTheAppEndsWhenItsTerminalHangsUp() throws {
        let harness = try AppHarness(columns: 90, rows: 30)
        try harness.terminal.enqueue(keys: "g l")
        harness.terminal.hangUp()

        harness.app.run()

        XCTAssertEqual(harness.app.section, .leads, "the keys typed before the hang-up were handled")
    }
}
