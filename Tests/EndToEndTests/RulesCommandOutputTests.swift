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
}
