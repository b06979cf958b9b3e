import TerminalUI
import XCTest

/// The window over a keyset-paged source holds only the rows in view and reads neighbours by
/// key as the cursor passes an edge.
final class ListWindowTests: XCTestCase {
    /// Rows 0..<count in order, counted exactly up to `cap`; remembers how many rows it read.
    private final class Numbers: PagedSource {
        struct Count: RowTotal {
            let exactRows: Int?
        }

        var rows: [Int]
        let cap: Int
        private(set) var read = 0

        init(_ count: Int, cap: Int = 1000) {
            rows = Array(0..<count)
            self.cap = cap
        }

        private func take(_ slice: ArraySlice<Int>) -> [Int] {
            read += slice.count
            return Array(slice)
        }

        func first(_ limit: Int) -> [Int] { take(rows.prefix(limit)) }
        func last(_ limit: Int) -> [Int] { take(rows.suffix(limit)) }
        func after(_ row: Int, limit: Int) -> [Int] { take(rows.filter { $0 > row }.prefix(limit)) }
        func before(_ row: Int, limit: Int) -> [Int] { take(rows.filter { $0 < row }.suffix(limit)) }
        func count() -> Count { Count(exactRows: rows.count <= cap ? rows.count : nil) }
        func identity(of row: Int) -> Int64 { Int64(row) }
    }

    func testAnEmptySourceHasNothingSelected() throws {
        let source = Numbers(0)
        var window = ListWindow<Int>(height: 5)
        try window.loadFirst(from: source)
        try window.moveDown(in: source)
        try window.pageDown(in: source)
        try window.loadLast(from: source, total: source.count())
        XCTAssertEqual(window.rows, [])
        XCTAssertNil(window.selectedRow)
        XCTAssertEqual(window.selected, 0)
    }

    func testOneRowStaysSelected() throws {
        let source = Numbers(1)
        var window = ListWindow<Int>(height: 5)
        try window.loadFirst(from: source)
        try window.moveDown(in: source)
        try window.moveUp(in: source)
        XCTAssertEqual(window.selectedRow, 0)
        XCTAssertEqual(window.position, 0)
    }

    func testExactlyAPageMovesInsideTheWindowWithoutScrolling() throws {
        let source = Numbers(5)
        var window = ListWindow<Int>(height: 5)
        try window.loadFirst(from: source)
        for _ in 0..<7 { try window.moveDown(in: source) }
        XCTAssertEqual(window.rows, [0, 1, 2, 3, 4])
        XCTAssertEqual(window.selectedRow, 4)
        XCTAssertEqual(window.position, 4)
    }

    func testAFullWidthListScrollsARowAtATime() throws {
        let source = Numbers(100)
        var window = ListWindow<Int>(height: 4)
        try window.loadFirst(from: source)
        for _ in 0..<4 { try window.moveDown(in: source) }
        XCTAssertEqual(window.rows, [1, 2, 3, 4])
        XCTAssertEqual(window.selected, 3)
        XCTAssertEqual(window.position, 4)
        for _ in 0..<4 { try window.moveUp(in: source) }
        XCTAssertEqual(window.rows, [0, 1, 2, 3])
        XCTAssertEqual(window.selected, 0)
    }

    func testAListBesideSomethingJumpsHalfAWindow() throws {
        let source = Numbers(100)
        var window = ListWindow<Int>(height: 6)
        window.scrollsByRow = false
        try window.loadFirst(from: source)
        for _ in 0..<6 { try window.moveDown(in: source) }
        XCTAssertEqual(window.rows, [3, 4, 5, 6, 7, 8])
        XCTAssertEqual(window.selectedRow, 6, "the cursor lands on the first row brought in, mid-window")
        XCTAssertEqual(window.selected, 3)
    }

    func testPagesAndEnds() throws {
        let source = Numbers(23)
        var window = ListWindow<Int>(height: 5)
        try window.loadFirst(from: source)
        try window.pageDown(in: source)
        XCTAssertEqual(window.selectedRow, 5)
        XCTAssertEqual(window.position, 5)
        try window.loadLast(from: source, total: source.count())
        XCTAssertEqual(window.rows, [18, 19, 20, 21, 22])
        XCTAssertEqual(window.selectedRow, 22)
        XCTAssertEqual(window.position, 22)
        try window.pageDown(in: source)
        XCTAssertEqual(window.selectedRow, 22)
        try window.pageUp(in: source)
        XCTAssertEqual(window.selectedRow, 17)
        XCTAssertTrue(window.rows.contains(17))
        XCTAssertEqual(window.position, 17)
    }

    func testTheEndOfACappedListHasNoRowNumber() throws {
        let source = Numbers(50, cap: 10)
        var window = ListWindow<Int>(height: 5)
        try window.loadLast(from: source, total: source.count())
        XCTAssertEqual(window.selectedRow, 49)
        XCTAssertNil(window.position)
    }

    func testResizingSmallerKeepsTheSelectedRowInView() throws {
        let source = Numbers(100)
        var window = ListWindow<Int>(height: 10)
        try window.loadFirst(from: source)
        for _ in 0..<8 { try window.moveDown(in: source) }
        try window.resize(to: 4, source: source)
        XCTAssertEqual(window.rows.count, 4)
        XCTAssertEqual(window.selectedRow, 8)
        XCTAssertTrue(window.rows.contains(8))
        XCTAssertEqual(window.position, 8)
    }

    func testResizingLargerFillsTheWindowFromItsFirstRow() throws {
        let source = Numbers(100)
        var window = ListWindow<Int>(height: 3)
        try window.loadFirst(from: source)
        for _ in 0..<4 { try window.moveDown(in: source) }
        XCTAssertEqual(window.rows, [2, 3, 4])
        try window.resize(to: 6, source: source)
        XCTAssertEqual(window.rows, [2, 3, 4, 5, 6, 7])
        XCTAssertEqual(window.selectedRow, 4)
        XCTAssertEqual(window.position, 4)
    }

    func testARefreshKeepsTheSelectedRowWhenRowsArriveAbove() throws {
        let source = Numbers(0)
        source.rows = [10, 20, 30, 40, 50, 60]
        var window = ListWindow<Int>(height: 4)
        try window.loadFirst(from: source)
        try window.moveDown(in: source)
        source.rows.insert(15, at: 1)
        try window.refresh(from: source)
        XCTAssertEqual(window.rows, [10, 15, 20, 30])
        XCTAssertEqual(window.selectedRow, 20)
        XCTAssertEqual(window.position, 2)
    }

    func testMovingReadsOnlyTheNeighbouringRows() throws {
        let source = Numbers(100_000)
        var window = ListWindow<Int>(height: 20)
        try window.loadLast(from: source, total: source.count())
        let before = source.read
        try window.moveUp(in: source)
        XCTAssertEqual(source.read, before, "inside the window nothing is read")
        for _ in 0..<19 { try window.moveUp(in: source) }
        XCTAssertEqual(source.read - before, 1, "one row brought in past the edge")
    }

    func testLoadingAroundARowSelectsIt() throws {
        let source = Numbers(100)
        var window = ListWindow<Int>(height: 6)
        try window.load(around: 50, from: source)
        XCTAssertEqual(window.rows, [47, 48, 49, 50, 51, 52])
        XCTAssertEqual(window.selectedRow, 50)
        XCTAssertNil(window.position)
    }
}
