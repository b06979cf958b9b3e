import Foundation
import XCTest

/// `crm rules` prints rule names, conditions and routing explanations that other users typed
/// (or a lead sent): they reach the shell only as visible, escaped characters (SH-12).
final class RulesCommandOutputTests: EndToEndTestCase {
    func testRuleNamesAndLeadValuesArePrintedEscaped() throws {
        let db = try makeDemoDatabase()
        let hostile = UntrustedTextTests.hostileName
        let added = try runCRM(["rules", "add", "--db", db.path, "--user", "admin", "--name", hostile,
                                "--when", "source contains web\u{1B}[31m", "--free-pool"])
        XCTAssertEqual(added.status, 0, added.output)
        let outputs = [
            added,
            try runCRM(["rules", "list", "--db", db.path, "--user", "admin"]),
            try runCRM(["rules", "show", "1", "--db", db.path, "--user", "admin"]),
            try runCRM(["rules", "off", "1", "--db", db.path, "--user", "admin"]),
            try runCRM(["rules", "on", "1", "--db", db.path, "--user", "admin"]),
            try runCRM(["rules", "test", "--db", db.path, "--user", "admin",
                        "--json", #"{"company":"Acme","source":"web\u001b[31m\u001b]0;pwned\u0007"}"#]),
        ]
        for result in outputs {
            XCTAssertEqual(result.status, 0, result.output)
            XCTAssertFalse(result.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x9B || $0.value == 0x202E },
                           "raw control characters printed:\n\(result.stdout.debugDescription)")
        }
        XCTAssertTrue(outputs[1].stdout.contains(UntrustedTextTests.escapedName), outputs[1].stdout)
        XCTAssertTrue(outputs[5].stdout.contains("^[]0;pwned^G"), outputs[5].stdout)
    }

    func testUserNamesArePrintedEscaped() throws {
        let db = try makeDemoDatabase()
        let added = try runCRM(["user", "add", "mallory", "--role", "sales-rep", "--name", UntrustedTextTests.hostileName,
                                "--db", db.path])
        XCTAssertEqual(added.status, 0, added.output)
        let listed = try runCRM(["user", "list", "--db", db.path])
        XCTAssertEqual(listed.status, 0, listed.output)
        XCTAssertFalse(listed.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x9B || $0.value == 0x202E },
                       "raw control characters printed:\n\(listed.stdout.debugDescription)")
        XCTAssertTrue(listed.stdout.contains(UntrustedTextTests.escapedName), listed.stdout)
    }

    func testAnEmptyListSaysSoAndAMoveOutOfRangeIsRefused() throws {
        let db = try makeDemoDatabase()
        let empty = try runCRM(["rules", "list", "--db", db.path, "--user", "admin"])
        XCTAssertEqual(empty.status, 0, empty.output)
        XCTAssertTrue(empty.stdout.contains("No lead rules yet"), empty.output)
        _ = try runCRM(["rules", "add", "--db", db.path, "--user", "admin", "--name", "Fairs",
                        "--when", "source is trade fair", "--free-pool"])
        let moved = try runCRM(["rules", "move", "1", "--to", "0", "--db", db.path, "--user", "admin"])
        XCTAssertEqual(moved.status, 2, moved.output)
        XCTAssertTrue(moved.stderr.contains("--to must be a rule number from 1 to 1 (not 0)"), moved.output)
    }
}
