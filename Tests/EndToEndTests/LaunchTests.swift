import ArgumentParser
@testable import crm
import XCTest

/// `crm` parses the arguments that start the app with `Open` alone (`Launch.app`), the whole
/// command tree only for the rest. The quick way must never take arguments the whole tree reads
/// differently or refuses: every help request and mistake goes to the whole tree, whose
/// messages the user sees.
final class LaunchTests: XCTestCase {
    /// Arguments that start the app: taken the quick way, parsed exactly as the whole tree does.
    func testTheAppsOwnArgumentsAreParsedAsTheWholeCommandParsesThem() throws {
        let starts: [[String]] = [
            [], ["--demo"], ["--db", "/tmp/x.sqlite"], ["--db=/tmp/x.sqlite", "--user", "jan"],
            ["--user", "jan", "--db", "/tmp/x.sqlite", "--keys", "vim", "--color", "never"],
            ["--db", "user"], ["--user", "open"], ["--db", "help", "--demo"], ["--keys", "emacs", "--user=ana"],
        ]
        for arguments in starts {
            let quick = try XCTUnwrap(Launch.app(arguments), "\(arguments) should start the app the quick way")
            let whole = try XCTUnwrap(try CRM.parseAsRoot(arguments) as? Open, "\(arguments)")
            XCTAssertEqual(Fields(quick), Fields(whole), "\(arguments)")
        }
    }

    /// Subcommands, help and mistakes are left to the whole tree, which answers them.
    func testEverythingElseIsLeftToTheWholeCommand() {
        let others: [[String]] = [
            ["open"], ["open", "--demo"], ["user", "list"], ["demo", "--db", "x"], ["help"], ["bench", "--db", "x"],
            ["-h"], ["--help"], ["--db", "x", "--help"], ["--version"], ["--db"], ["--user"], ["--colour", "never"],
            ["--db", "x", "extra"], ["--generate-completion-script", "bash"],
            ["--experimental-dump-help"],
        ]
        for arguments in others {
            XCTAssertNil(Launch.app(arguments), "\(arguments) must go to the whole command")
        }
    }

    /// What `Open` holds after parsing, comparable.
    private struct Fields: Equatable {
        let user: String?, db: String?, demo: Bool, keys: String?, color: String?

        init(_ open: Open) {
            (user, db, demo, keys, color) = (open.user, open.database.db, open.database.demo, open.keys, open.color)
        }
    }
}
