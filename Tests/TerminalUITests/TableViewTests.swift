import Foundation
import TerminalUI
import XCTest

/// Tables lay their columns out in display columns and mark the selected row over its marker
/// and its name only.
final class TableViewTests: XCTestCase {
    private struct Person {
        let name: String
        let city: String
        let deals: Int
    }

    private let columns: [TableColumn<Person>] = [
        TableColumn("Name", minWidth: 8, weight: 1) { $0.name },
        TableColumn("City", minWidth: 6) { $0.city },
        TableColumn("Deals", minWidth: 5, alignRight: true) { String($0.deals) },
    ]

    private let people = [
        Person(name: "Ada", city: "London", deals: 3),
        Person(name: "Grace", city: "NYC", deals: 12),
        Person(name: "Linus", city: "Espoo", deals: 0),
    ]

    private func draw(_ rows: [Person], selected: Int?, width: Int = 24, height: Int = 5,
                      marker: ((Person) -> String)? = nil) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        TableView.render(rows, columns: columns, selected: selected, sortColumn: 0, ascending: true, into: &buffer,
                         rect: buffer.bounds, theme: testTheme, marker: marker)
        return buffer
    }

    func testNoRowsDrawTheHeaderOnly() {
        let buffer = draw([], selected: nil)
        XCTAssertEqual(buffer.lines, [" Name ▲     City   Deals", "", "", "", ""])
        XCTAssertEqual(buffer[1, 0].style, testTheme.header)
    }

    func testOneRowSelectedIsBarredOverItsNameOnly() {
        let buffer = draw(Array(people.prefix(1)), selected: 0)
        // 24 columns: the margin, the name with the 2 spare columns (10), the city (6), the deals (5).
        XCTAssertEqual(buffer.line(1), " Ada        London     3")
        // The margin, the name and the gap after it (0...11) carry the bar; the city keeps its style.
        XCTAssertEqual((0...11).map { buffer[$0, 1].style }, Array(repeating: testTheme.selected, count: 12))
        XCTAssertEqual(buffer[12, 1].style, testTheme.plain)
        XCTAssertEqual(buffer[23, 1].text, "3", "numbers are right-aligned")
    }

    func testRowsPastTheRectAreLeftOut() {
        let exactly = draw(people, selected: 2, height: 4)
        XCTAssertEqual(exactly.lines.dropFirst(), [" Ada        London     3", " Grace      NYC       12", " Linus      Espoo      0"])
        XCTAssertEqual(exactly.rows(styled: testTheme.selected, atColumn: 1), [3])
        let cut = draw(people, selected: 0, height: 3)
        XCTAssertEqual(cut.lines, [" Name ▲     City   Deals", " Ada        London     3", " Grace      NYC       12"])
    }

    func testNarrowerTablesDropTheirLastColumnsAndWiderOnesGiveTheNameTheRoom() {
        XCTAssertEqual(draw(people, selected: nil, width: 17).line(1), " Ada       London")
        XCTAssertEqual(TableView.fittingCount(columns, width: 17, hasMarker: false), 2)
        XCTAssertEqual(draw(people, selected: nil, width: 30).line(1), " Ada              London     3")
    }

    func testWideCharactersAreCutAtTheColumnEdgeWithoutSpillingIntoTheNext() {
        let wide = [Person(name: "株式会社ヤマダ", city: "東京都港区", deals: 1),
                    Person(name: "🚀🚀🚀🚀🚀", city: "😀 Rio", deals: 2),
                    Person(name: "🚀🚀🚀🚀🚀🚀", city: "Rio 😀😀", deals: 3)]
        let buffer = draw(wide, selected: 0, height: 4)
        // The name has 10 columns: four wide characters and "…" leave one blank; the city 6.
        XCTAssertEqual(buffer.line(1), " 株式会社…  東京…      1")
        XCTAssertEqual(buffer.line(2), " 🚀🚀🚀🚀🚀 😀 Rio     2", "exactly ten and six columns fit whole")
        XCTAssertEqual(buffer.line(3), " 🚀🚀🚀🚀…  Rio …      3", "no room for an emoji and the ellipsis")
        for y in 1...3 {
            // Column 11 is the gap before the city at 12; no wide character reaches into it.
            XCTAssertEqual(buffer[11, y].text, " ", "row \(y)")
            XCTAssertFalse(buffer[12, y].isContinuation, "row \(y)")
        }
        XCTAssertTrue(buffer[10, 2].isContinuation, "the fifth rocket's right half is the name's last column")
    }

    func testTheMarkerHasItsOwnColumn() {
        let buffer = draw(people, selected: 1, marker: { $0.deals > 5 ? "★" : "" })
        XCTAssertEqual(buffer.line(2), "★ Grace     NYC       12")
        XCTAssertEqual(buffer[0, 2].style, testTheme.selected)
        XCTAssertEqual(draw(people, selected: 0, marker: { $0.deals > 5 ? "★" : "" })[0, 2].style, testTheme.favourite)
    }
}
