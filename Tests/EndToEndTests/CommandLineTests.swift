import Foundation
import XCTest

/// The subcommands as a new user first meets them: `--demo` on each, and a refused command that
/// leaves no database file behind.
final class CommandLineTests: EndToEndTestCase {
    private func databaseFiles(_ path: URL) -> [String] {
        ["", "-wal", "-shm"].map { path.path + $0 }.filter { FileManager.default.fileExists(atPath: $0) }
    }

    func testUserListTakesDemoLikeTheOtherCommands() throws {
        let listed = try runCRM(["user", "list", "--demo"])
        XCTAssertEqual(listed.status, 0, listed.output)
        XCTAssertTrue(listed.stdout.contains("admin"), listed.output)
        XCTAssertTrue(listed.stdout.contains("partner"), "the demo's users are listed:\n\(listed.output)")
        let rules = try runCRM(["rules", "list", "--demo"])
        XCTAssertEqual(rules.status, 0, rules.output)
    }

    /// A keymap written for an earlier release, with an id that is now one with its twin, checks
    /// clean and is told the new name with its line.
    func testKeysCheckNotesAnOldCommandIDAndPasses() throws {
        let file = workDirectory.appendingPathComponent("keymap.toml")
        try "[detail]\n\"E\" = \"detail.edit\"\n".write(to: file, atomically: true, encoding: .utf8)
        let checked = try runCRM(["keys", "--check", file.path])
        XCTAssertEqual(checked.status, 0, checked.output)
        XCTAssertTrue(checked.stdout.contains("\(file.path):2: \"detail.edit\" is now called \"record.edit\""), checked.output)
        XCTAssertTrue(checked.stdout.contains("no problems"), checked.output)
    }

    func testARefusedCommandLeavesNoNewDatabaseBehind() throws {
        let fresh = workDirectory.appendingPathComponent("fresh.sqlite")
        let unknownUser = try runCRM(["rules", "list", "--db", fresh.path, "--user", "nobody"])
        XCTAssertEqual(unknownUser.status, 3, unknownUser.output)
        XCTAssertTrue(unknownUser.stderr.contains("crm user add"), "says how to start:\n\(unknownUser.output)")
        XCTAssertEqual(databaseFiles(fresh), [], "an unknown user made a database")

        for command in [["user", "list"], ["apikey", "list"], ["serve", "--listen", "127.0.0.1:0"]] {
            let result = try runCRM(command + ["--db", fresh.path])
            XCTAssertNotEqual(result.status, 0, "\(command): \(result.output)")
            XCTAssertEqual(databaseFiles(fresh), [], "\(command) made a database")
        }

        let badLogin = try runCRM(["user", "add", "Not A Login!", "--role", "admin", "--db", fresh.path])
        XCTAssertNotEqual(badLogin.status, 0, badLogin.output)
        XCTAssertEqual(databaseFiles(fresh), [], "a refused first user left the new database behind")

        let added = try runCRM(["user", "add", "eva", "--role", "admin", "--db", fresh.path])
        XCTAssertEqual(added.status, 0, added.output)
        XCTAssertTrue(FileManager.default.fileExists(atPath: fresh.path), "the first user creates the database")
    }
}

/// `crm backup` copies the database as one consistent snapshot that opens as a crm database,
/// and never overwrites a file.
final class BackupCommandTests: EndToEndTestCase {
    func testABackupOpensWithEverythingAndNeverOverwrites() throws {
        let db = try makeDemoDatabase()
        let copy = workDirectory.appendingPathComponent("backups/crm-copy.sqlite")
        let made = try runCRM(["backup", copy.path, "--db", db.path])
        XCTAssertEqual(made.status, 0, made.output)
        XCTAssertTrue(made.stdout.contains("Backed up"), made.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: copy.path + ".partial"))
        let original = try runCRM(["user", "list", "--db", db.path])
        let restored = try runCRM(["user", "list", "--db", copy.path])
        XCTAssertEqual(restored.status, 0, restored.output)
        XCTAssertEqual(restored.stdout, original.stdout)
        let sqlite = try SQLiteFile(path: copy.path)
        XCTAssertEqual(try sqlite.query("SELECT count(*) FROM leads"), try SQLiteFile(path: db.path).query("SELECT count(*) FROM leads"))

        let again = try runCRM(["backup", copy.path, "--db", db.path])
        XCTAssertEqual(again.status, 2, again.output)
        XCTAssertTrue(again.stderr.contains("exists already"), again.output)
    }
}
