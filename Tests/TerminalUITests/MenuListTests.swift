import Foundation
import TerminalUI
import XCTest

/// A popup menu's list: entries with their keys, narrowing as the user types, and the selected
/// entry always in view.
final class MenuListTests: XCTestCase {
    private struct Entry: MenuEntry {
        let title: String
        var key: String?
    }

    private let fruit = ["Apple", "Banana", "Blueberry", "Cherry"].map { Entry(title: $0) }

    private func draw(_ list: inout MenuList<Entry>, title: String = "Pick", width: Int = 50,
                      height: Int = 20) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        list.render(title: title, into: &buffer, bounds: buffer.bounds, theme: testTheme)
        return buffer
    }

    /// The entry titles on screen, top to bottom, and which one is drawn selected.
    private func entries(_ buffer: ScreenBuffer, among titles: [String]) -> (shown: [String], selected: String?) {
        var shown: [String] = [], selected: String?
        for line in buffer.lines {
            let inner = line.trimmingCharacters(in: CharacterSet(charactersIn: " │"))
            guard let title = titles.first(where: { inner.hasPrefix($0) }) else { continue }
            shown.append(title)
            let y = buffer.lines.firstIndex(of: line)!
            let x = line.distance(from: line.startIndex, to: line.range(of: title)!.lowerBound)
            if buffer[x, y].style == testTheme.selected { selected = title }
        }
        return (shown, selected)
    }

    func testAnEmptyMenuSaysSo() {
        var list = MenuList<Entry>(items: [])
        let buffer = draw(&list)
        XCTAssertTrue(buffer.lines.contains { $0.contains("│ Nothing to choose") })
        XCTAssertNil(list.selectedItem)
        list.down()
        XCTAssertNil(list.selectedItem)
    }

    func testOneEntryIsSelectedAndItsKeyShownOnTheRight() {
        var list = MenuList(items: [Entry(title: "Edit", key: "e")])
        let buffer = draw(&list)
        let row = buffer.lines.firstIndex { $0.contains("Edit") }!
        // A box 36 wide: the title after a margin, the key before the right margin.
        XCTAssertEqual(buffer.lines[row].trimmingCharacters(in: .whitespaces),
                       "│ Edit" + String(repeating: " ", count: 27) + "e │")
        XCTAssertEqual(entries(buffer, among: ["Edit"]).selected, "Edit")
        XCTAssertEqual(list.item(forKey: "e")?.title, "Edit")
        XCTAssertNil(list.item(forKey: "x"))
    }

    func testMovesStopAtTheEnds() {
        var list = MenuList(items: fruit, selected: 2)
        XCTAssertEqual(list.selectedItem?.title, "Blueberry")
        list.down()
        list.down()
        XCTAssertEqual(list.selectedItem?.title, "Cherry")
        for _ in 0..<6 { list.up() }
        XCTAssertEqual(list.selectedItem?.title, "Apple")
        XCTAssertEqual(entries(draw(&list), among: fruit.map(\.title)).shown, fruit.map(\.title), "exactly fits: all shown")
    }

    func testTypingNarrowsAndSelectsTheFirstMatch() {
        var list = MenuList<Entry>(emptyText: "Type a fruit", noMatch: { "No fruit called “\($0)”" }) { [fruit] query in
            query.isEmpty ? fruit : fruit.filter { $0.title.lowercased().hasPrefix(query) }
        }
        list.down()
        XCTAssertTrue(list.type(.char("b")))
        XCTAssertEqual(list.items.map(\.title), ["Banana", "Blueberry"])
        XCTAssertEqual(list.selectedItem?.title, "Banana")
        var buffer = draw(&list)
        XCTAssertTrue(buffer.lines.contains { $0.contains("│ › b") })
        XCTAssertNil(list.item(forKey: "b"), "with a query line, letters type")
        XCTAssertFalse(list.type(KeyEvent(.down)), "moving keys are the caller's")
        XCTAssertTrue(list.type(.char("x")))
        buffer = draw(&list)
        XCTAssertTrue(buffer.lines.contains { $0.contains("No fruit called “bx”") })
        XCTAssertTrue(list.type(.ctrl("u")))
        XCTAssertEqual(list.items.count, 4)
        var fixed = MenuList(items: fruit)
        XCTAssertFalse(fixed.type(.char("b")), "a fixed menu has no query line")
    }

    func testALongMenuScrollsToKeepTheSelectionInView() {
        let many = (1...30).map { Entry(title: "Item \($0)") }
        var list = MenuList(items: many)
        // 20 rows leave 10 for the list (a popup keeps 10 rows of the screen free).
        _ = draw(&list)
        for _ in 0..<12 { list.down() }
        var seen = entries(draw(&list), among: many.map(\.title).reversed())
        XCTAssertEqual(seen.selected, "Item 13")
        XCTAssertEqual(seen.shown.first, "Item 4")
        XCTAssertEqual(seen.shown.count, 10)
        // A smaller terminal: still in view, at the bottom.
        seen = entries(draw(&list, height: 15), among: many.map(\.title).reversed())
        XCTAssertEqual(seen.selected, "Item 13")
        XCTAssertEqual(seen.shown, (9...13).map { "Item \($0)" })
        // A larger one shows more around it.
        seen = entries(draw(&list, height: 40), among: many.map(\.title).reversed())
        XCTAssertEqual(seen.selected, "Item 13")
        XCTAssertEqual(seen.shown.count, 30)
    }

    func testWideTitlesAreCutInsideTheFrame() {
        var list = MenuList(items: [Entry(title: String(repeating: "株", count: 40), key: "k"),
                                    Entry(title: String(repeating: "😀", count: 40))])
        let buffer = draw(&list, width: 30, height: 14)
        let rows = buffer.lines.filter { $0.contains("株") || $0.contains("😀") }
        XCTAssertEqual(rows.count, 2)
        for y in 0..<buffer.height where buffer.line(y).contains("…") {
            let right = buffer.line(y).lastIndex(of: "│")!
            XCTAssertGreaterThan(right, buffer.line(y).firstIndex(of: "…")!, "the cut is inside the frame")
        }
        let first = buffer.lines.firstIndex { $0.contains("株") }!
        XCTAssertTrue(buffer.lines[first].hasSuffix("k │"), buffer.lines[first])
    }
}
