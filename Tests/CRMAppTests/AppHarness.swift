import CRMApp
import CRMCore
import CRMStore
import Foundation
import TerminalUI
import TerminalUITesting
import XCTest

/// A running app on a virtual terminal over a fresh in-memory demo database, with a fixed clock
/// so snapshots are stable. Tests type keys and read the screen.
final class AppHarness {
    let database: AppDatabase
    let terminal: VirtualTerminal
    let app: AppController
    let user: User

    static let fixedNow = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-17

    /// `pipeline: false` leaves the demo's pipeline out (no rates, projects, partners,
    /// opportunities, tasks or activities), for tests that plant their own. `userKeymap` is a
    /// user's keymap file applied over the set.
    init(columns: Int = 160, rows: Int = 40, login: String = "admin", database: AppDatabase? = nil,
         keys: String = "default", userKeymap: KeymapSource? = nil, pipeline: Bool = true) throws {
        if let database {
            self.database = database
        } else {
            self.database = try AppDatabase.inMemory(clock: { AppHarness.fixedNow })
            try DemoDataGenerator(scale: .small, includesPipeline: pipeline).generate(into: self.database) { _, _ in }
        }
        user = try XCTUnwrap(try self.database.users.find(login: login))
        terminal = VirtualTerminal(columns: columns, rows: rows, colorDepth: .palette256)
        var sources = [EmbeddedKeymaps.source(named: "default")!]
        if keys != "default" { sources.append(EmbeddedKeymaps.source(named: keys)!) }
        if let userKeymap { sources.append(userKeymap) }
        let keymap = try KeymapLoader.load(sources, schema: KeyBindings.schema).get()
        app = AppController(terminal: terminal, session: try AppSession(database: self.database, user: user),
                            bindings: KeyBindings(keymap: keymap))
        app.processPendingInput()
    }

    /// Presses keys given as chords separated by spaces ("g a j j Enter") and redraws.
    func press(_ keys: String) throws {
        try terminal.enqueue(keys: keys)
        app.processPendingInput()
    }

    /// Types literal text (into a filter or a form field) and redraws.
    func type(_ text: String) {
        terminal.type(text)
        app.processPendingInput()
    }

    var lines: [String] { terminal.lines }
    var screen: String { terminal.screenText }

    /// The status line (the last row).
    var statusLine: String { lines.last ?? "" }

    /// Fails with the whole screen when `text` is not on it.
    func assertShows(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(screen.contains(text), "expected “\(text)” on screen:\n\(screen)", file: file, line: line)
    }

    func assertHides(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(screen.contains(text), "did not expect “\(text)” on screen:\n\(screen)", file: file, line: line)
    }
}
