@testable import CRMApp
import XCTest

/// The command palette (`:`) as a salesperson meets it: Enter on it untouched does no harm,
/// quitting takes its name, and their own words ("board", "filter", "add") find the commands.
final class CommandPaletteTests: XCTestCase {
    func testEnterOnAnUntouchedPaletteNeitherQuitsNorDeletes() throws {
        for keys in ["g a", "g a Enter", "g p Enter", "g o Tab Enter", "g r Enter", "g k Enter", "g l Enter", "g m"] {
            let harness = try AppHarness(columns: 120, rows: 40)
            try harness.press(keys)
            try harness.press(":")
            XCTAssertFalse(harness.paletteEntries.first?.hasPrefix("Quit") ?? true, "after \(keys): \(harness.screen)")
            try harness.press("Enter")
            XCTAssertTrue(harness.app.isRunning, "Enter on the palette after “\(keys)” quit the app")
            harness.assertHides("Are you sure?")
        }
    }

    func testTheScreensOwnCommandsComeFirstInTheSidebarsOrder() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        try harness.press(":")
        XCTAssertEqual(Array(harness.paletteEntries.prefix(3).map { $0.split(separator: " ").first ?? "" }),
                       ["New", "Open", "Edit"], harness.screen)
        harness.assertHides("Quit crm")
    }

    func testQuitIsListedOnlyOnceItsNameIsTyped() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        try harness.press(":")
        harness.type("q")
        harness.assertHides("Quit crm")
        harness.type("u")
        harness.assertHides("Quit crm")
        harness.type("i")
        XCTAssertTrue(harness.paletteEntries.contains { $0.hasPrefix("Quit crm") }, harness.screen)
        harness.type("t")
        XCTAssertTrue(harness.paletteEntries.first?.hasPrefix("Quit crm") ?? false, harness.screen)
        try harness.press("Enter")
        XCTAssertFalse(harness.app.isRunning)

        let other = try AppHarness(columns: 120, rows: 40)
        try other.press(":")
        other.type("exit")
        XCTAssertTrue(other.paletteEntries.first?.hasPrefix("Quit crm · exit") ?? false, other.screen)
    }

    func testEverydayWordsFindTheCommandsTheyMean() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        try harness.press(":")
        harness.type("kanban")
        XCTAssertTrue(harness.paletteEntries.first?.hasPrefix("Go to Opportunities · kanban") ?? false, harness.screen)
        try harness.press("Enter")
        XCTAssertTrue(harness.app.currentScreen is BoardScreen, harness.screen)

        try harness.press("g a :")
        harness.type("board")
        XCTAssertTrue(harness.paletteEntries.first?.hasPrefix("Go to Opportunities · board") ?? false, harness.screen)

        try harness.press("Esc :")
        harness.type("filter")
        XCTAssertTrue(harness.paletteEntries.first?.hasPrefix("Quick filter") ?? false, harness.screen)
        try harness.press("Esc :")
        harness.type("search")
        XCTAssertTrue(harness.paletteEntries.contains { $0.hasPrefix("Quick filter (type to narrow the list) · search") },
                      harness.screen)

        try harness.press("Esc :")
        harness.type("add")
        XCTAssertTrue(harness.paletteEntries.first?.hasPrefix("New record · add") ?? false, harness.screen)
        try harness.press("Enter")
        harness.assertShows("Accounts › New account")
    }

    func testTitleWordsRankAboveSynonyms() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        try harness.press(":")
        harness.type("open")
        let entries = harness.paletteEntries
        let title = try XCTUnwrap(entries.firstIndex { $0.hasPrefix("Open the selected record") }, harness.screen)
        let synonym = try XCTUnwrap(entries.firstIndex { $0.hasPrefix("Go to a record by name · open") }, harness.screen)
        XCTAssertLessThan(title, synonym)
    }

    func testAWordWithNoCommandSaysSo() throws {
        let harness = try AppHarness(columns: 120, rows: 40)
        try harness.press(":")
        harness.type("export")
        harness.assertShows("No command here matches “export”")
        try harness.press("Enter")
        XCTAssertTrue(harness.app.isRunning)
    }

    func testEverySynonymBelongsToACommand() {
        let known = Set(CommandRegistry.all.map(\.id))
        for id in CommandSynonyms.table.keys { XCTAssertTrue(known.contains(id), "synonyms for unknown command \(id)") }
    }
}

extension AppHarness {
    /// The rows inside the border of the popup on top, as read.
    var popupRows: [String] {
        guard let frame = terminal.lastFrame else { return [] }
        for y in 0..<frame.height {
            guard let left = (0..<frame.width).first(where: { frame[$0, y].text == "┌" }),
                  let right = (left..<frame.width).first(where: { frame[$0, y].text == "┐" }) else { continue }
            var rows: [String] = []
            for row in y + 1..<frame.height where frame[left, row].text == "│" {
                rows.append((left + 1..<right).map { frame[$0, row].text }.joined().trimmingCharacters(in: .whitespaces))
            }
            return rows
        }
        return []
    }

    /// The palette's entries, best first (the rows under its query line).
    var paletteEntries: [String] { Array(popupRows.dropFirst(2)) }
}
