import CRMApp
import CRMCore
@testable import CRMStore
import Foundation
import GRDB
import TerminalUI
import XCTest

/// Drawing reads nothing: before each frame the visible screen reads what it will show
/// (`Screen.refresh`), with the main pane's size; `render` only draws. Store errors met there
/// reach the status line, and another program's commit reloads the screen on view only.
final class ScreenRefreshTests: XCTestCase {
    /// Screens that hold rows from the store, and the keys that lead there.
    private let routes = [
        "g l", "g l 8", "g l 0", "g l 9", "g l 0 Tab U", "g l Enter Tab",
        "g o", "g o b", "g o Tab", "g o Tab b", "g o Tab Enter Tab", "g o Tab Enter Tab Tab",
        "g a", "g a Enter", "g a Enter Tab", "g a Enter Tab Tab", "g a Enter Tab Tab Tab",
        "g p", "g p Enter", "g r", "g r Enter Tab Tab", "g r Enter Tab Tab Tab",
        "g k", "g k b", "g k Tab Tab", "g k Tab Tab Enter", "g k Tab Tab Enter Tab", "g k Enter",
        "g s", "g s Tab", "g s S-Tab", "g a n", "g o Tab n", "g l 0 Tab",
    ]

    func testNoScreenReadsTheStoreWhileDrawingEvenAfterAChangeOrAResize() throws {
        let database = try AppHarness(columns: 120, rows: 40).database
        let log = StatementLog(database)
        var readers: [String] = []
        for keys in routes {
            let harness = try AppHarness(columns: 120, rows: 40, database: database)
            try harness.press(keys)
            let screen = harness.app.currentScreen
            screen.reload(app: harness.app)
            var buffer = ScreenBuffer(width: 100, height: 30)
            let statements = log.statements {
                screen.render(into: &buffer, rect: Rect(x: 0, y: 2, width: 100, height: 26), app: harness.app)
            }
            if !statements.isEmpty {
                readers.append("“\(keys)” (\(type(of: screen))) read while drawing: \(statements.joined(separator: " | "))")
            }
        }
        XCTAssertEqual(readers, [], readers.joined(separator: "\n"))
    }

    func testAChangeAndANewSizeShowTogetherOnTheNextFrame() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        try harness.press("g a")
        let repository = harness.database.accounts(actingAs: harness.user)
        var draft = AccountDraft(typeID: try XCTUnwrap(repository.page(AccountQuery(), .first, limit: 1).first).typeID)
        draft.name = "Aardvark Trading"
        _ = try repository.create(draft)
        harness.app.currentScreen.reload(app: harness.app)
        harness.terminal.resize(columns: 80, rows: 24)
        harness.app.processPendingInput()
        harness.assertShows("Aardvark Trading")
        let footer = harness.lines[harness.lines.count - 2]
        XCTAssertTrue(footer.hasPrefix(" 2 of "), "the cursor stays on its account, under the new one:\n\(harness.screen)")
    }

    func testAResizeWhoseReadFailsSaysSoOnTheStatusLine() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        try harness.press("g a")
        try harness.database.writer.write { try $0.execute(sql: "ALTER TABLE accounts RENAME TO accounts_elsewhere") }

        harness.terminal.resize(columns: 100, rows: 30)
        harness.app.processPendingInput()

        XCTAssertTrue(harness.screen.contains("Could not read the list"), harness.screen)
        try harness.database.writer.write { try $0.execute(sql: "ALTER TABLE accounts_elsewhere RENAME TO accounts") }
        try harness.press("j")
        harness.assertHides("Could not read the list")
        harness.assertShows("2 of")
    }

    func testAnotherProgramsChangeReloadsOnlyTheScreenOnView() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("crm.sqlite").path
        let database = try AppDatabase.open(path: path, clock: { AppHarness.fixedNow })
        try DemoDataGenerator(scale: .small, includesPipeline: false).generate(into: database) { _, _ in }
        let harness = try AppHarness(columns: 120, rows: 40, database: database)
        try harness.press("g p")
        let hidden = ReloadCounter(section: .contacts)
        harness.app.push(hidden)
        try harness.press("g a")
        let refreshedWhileShown = hidden.refreshes

        let otherProgram = try AppDatabase.open(path: path)
        let admin = try XCTUnwrap(try otherProgram.users.find(login: "admin"))
        let accounts = otherProgram.accounts(actingAs: admin)
        var draft = AccountDraft(typeID: try XCTUnwrap(accounts.page(AccountQuery(), .first, limit: 1).first).typeID)
        draft.name = "Aardvark Trading"
        _ = try accounts.create(draft)
        runUntilTheNextFrame(harness)

        harness.assertShows("Aardvark Trading")
        XCTAssertEqual(hidden.reloads, 0, "a screen of another section is not reloaded while hidden")
        XCTAssertEqual(hidden.refreshes, refreshedWhileShown, "nor does it read anything")
        harness.app.switchSection(to: .contacts)
        XCTAssertEqual(hidden.reloads, 1, "it is reloaded when shown again")
    }

    /// Runs the app's own loop, which looks for other programs' commits while no key comes,
    /// until the frame after the one it starts with.
    private func runUntilTheNextFrame(_ harness: AppHarness) {
        let terminal = harness.terminal
        let last = terminal.frameCount + 2
        terminal.onPresent = { _ in if terminal.frameCount >= last { terminal.hangUp() } }
        harness.app.run()
        terminal.onPresent = nil
    }
}

/// A screen that only counts how often it is reloaded and refreshed.
private final class ReloadCounter: Screen {
    let section: Section
    private(set) var reloads = 0
    private(set) var refreshes = 0

    init(section: Section) {
        self.section = section
    }

    var breadcrumb: String { "Counting" }
    var contexts: [KeyContext] { [.list] }
    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {}
    func commands(app: AppController) -> [Command] { [] }
    func reload(app: AppController) { reloads += 1 }
    func refresh(in rect: Rect, app: AppController) { refreshes += 1 }
}

/// The SQL statements run on a database's connection while `statements(during:)` watches.
private final class StatementLog: @unchecked Sendable {
    private let lock = NSLock()
    private var watching = false
    private var seen: [String] = []

    init(_ database: AppDatabase) {
        database.writer.writeWithoutTransaction { db in
            db.trace { [self] event in
                if case .statement(let statement) = event { record(statement.sql) }
            }
        }
    }

    func statements(during body: () -> Void) -> [String] {
        lock.withLock {
            seen = []
            watching = true
        }
        body()
        return lock.withLock {
            watching = false
            return seen
        }
    }

    private func record(_ sql: String) {
        lock.withLock { if watching { seen.append(sql) } }
    }
}
