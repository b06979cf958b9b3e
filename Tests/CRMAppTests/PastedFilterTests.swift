import CRMApp
import TerminalUI
import XCTest

/// Text pasted into a quick filter arrives as a burst of keys at once. The list is read again
/// once, for the whole text, instead of once per letter (the issue measured "novak" pasted at
/// 119 ms: five queries, the short prefixes the slowest); letters typed one at a time still
/// narrow the list as they come.
final class PastedFilterTests: XCTestCase {
    func testPastedTextReadsTheListOnceForTheWholeWord() throws {
        let harness = try AppHarness(columns: 90, rows: 30)
        try harness.press("g l /")
        let unfiltered = try XCTUnwrap(footer(harness.lines))
        var footers: [String] = []
        harness.terminal.onPresent = { frame in footers.append(Self.footer(frame.lines) ?? "") }

        harness.type("novak")

        harness.assertShows("Filter: novak")
        let filtered = try XCTUnwrap(footer(harness.lines))
        XCTAssertNotEqual(filtered, unfiltered, "the word narrows the list")
        XCTAssertEqual(footers.filter { $0 != unfiltered && $0 != filtered }, [],
                       "no frame shows the matches of a part of the word")
        harness.terminal.onPresent = nil
        try harness.press("Esc")
        XCTAssertEqual(footer(harness.lines), unfiltered, "Esc clears the pasted filter")
    }

    func testLettersTypedOneAtATimeEachNarrowTheList() throws {
        let harness = try AppHarness(columns: 90, rows: 30)
        try harness.press("g l /")
        var footers = [try XCTUnwrap(footer(harness.lines))]
        for letter in "novak" {
            harness.type(String(letter))
            footers.append(try XCTUnwrap(footer(harness.lines)))
        }
        XCTAssertNotEqual(footers[1], footers[0], "“n” alone narrows the list")
        XCTAssertEqual(footers.last, try footerAfterPasting("novak"), "letter by letter ends where the paste does")
    }

    func testAPasteEndedByEnterKeepsTheWholeWord() throws {
        let harness = try AppHarness(columns: 90, rows: 30)
        try harness.press("g l /")
        harness.terminal.type("novak")
        try harness.press("Enter")
        XCTAssertEqual(footer(harness.lines), try footerAfterPasting("novak"))
        harness.assertShows("Filter: novak")
    }

    /// The list's footer ("… leads") after pasting `text` into a fresh app's lead filter.
    private func footerAfterPasting(_ text: String) throws -> String? {
        let harness = try AppHarness(columns: 90, rows: 30)
        try harness.press("g l /")
        harness.type(text)
        return footer(harness.lines)
    }

    /// The footer of the list on `lines`: the row that ends counting the leads.
    private static func footer(_ lines: [String]) -> String? {
        lines.last { $0.hasSuffix(" leads") }?.trimmingCharacters(in: .whitespaces)
    }

    private func footer(_ lines: [String]) -> String? { Self.footer(lines) }
}
