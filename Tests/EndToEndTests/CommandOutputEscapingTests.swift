import Foundation
import TestFixtures
import XCTest

/// Every command that prints records or echoes what was typed prints untrusted text escaped, on
/// standard output and in its error messages alike: no control sequence, bidi override or
/// invisible character reaches the user's terminal from the command line either.
final class CommandOutputEscapingTests: EndToEndTestCase {
    /// Scalars that must never be printed raw: C0 controls but newline, DEL and C1, bidi
    /// controls and zero-width characters.
    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(value)
            || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            || [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x061C].contains(value)
    }

    private func assertEscaped(_ result: CommandResult, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        let unsafe = result.output.unicodeScalars.filter(Self.isUnsafe)
        XCTAssertTrue(unsafe.isEmpty, "\(label) printed raw U+\(unsafe.map { String($0.value, radix: 16) }):\n\(result.output.debugDescription)",
                      file: file, line: line)
    }

    func testEveryCommandPrintsEveryHostileStringEscaped() throws {
        let db = try makeDemoDatabase()
        let cases = try HostileStrings.all().filter { !$0.text.contains("\u{0}") }
        for (index, hostile) in cases.enumerated() {
            let name = "k\(index) " + String(hostile.text.prefix(80))
            let created = try runCRM(["apikey", "create", name, "--db", db.path])
            assertEscaped(created, "apikey create \(hostile.case)")
            let twice = try runCRM(["apikey", "create", name, "--db", db.path])
            assertEscaped(twice, "apikey create again \(hostile.case)")
            if created.status == 0 {
                assertEscaped(try runCRM(["apikey", "revoke", name, "--db", db.path]), "apikey revoke \(hostile.case)")
            }
            let rule = ["rules", "add", "--db", db.path, "--user", "admin", "--name", "r\(index) " + hostile.text,
                        "--when", "source contains \(hostile.text)", "--free-pool"]
            assertEscaped(try runCRM(rule), "rules add \(hostile.case)")
            assertEscaped(try runCRM(rule), "rules add, a name taken, \(hostile.case)")
            assertEscaped(try runCRM(["user", "add", "u\(index)", "--role", "sales-rep", "--name", hostile.text, "--db", db.path]),
                          "user add \(hostile.case)")
            assertEscaped(try runCRM(["user", "add", "u\(index)", "--role", "sales-rep", "--name", hostile.text, "--db", db.path]),
                          "user add, a login taken, \(hostile.case)")
        }
        for listing in [["apikey", "list"], ["user", "list"], ["rules", "list", "--user", "admin"]] {
            let result = try runCRM(listing + ["--db", db.path])
            XCTAssertEqual(result.status, 0, result.output)
            assertEscaped(result, listing.joined(separator: " "))
        }
        let unknown = try runCRM(["rules", "list", "--db", db.path, "--user", "\u{1B}]52;c;cHduZWQ=\u{07}x"])
        XCTAssertEqual(unknown.status, 3, unknown.output)
        assertEscaped(unknown, "an unknown user named with escapes")
    }
}
