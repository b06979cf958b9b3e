import Foundation
import TerminalUI
import TerminalUICurses
import XCTest

/// What a key in a list costs on the wire (issue 14): the app's frames go through real ncurses,
/// headless as xterm-256color, and the bytes each key sends are counted. Over a slow SSH link
/// those bytes are the key's latency.
final class ListKeyBytesTests: XCTestCase {
    func testAJThatScrollsTheListAt80x24SendsAtMost200Bytes() throws {
        let wire = try Wire(columns: 80, rows: 24)
        try wire.harness.press("g p")
        // The list shows 18 rows: from the 18th key on, every j scrolls it by a row.
        let sent = try wire.bytes(pressing: "j", times: 40).suffix(20)
        XCTAssertLessThanOrEqual(sent.max() ?? .max, 200, "bytes per j: \(Array(sent))")
    }

    func testAJThatMovesTheCursorOnTheScreenSendsAtMost120Bytes() throws {
        let wire = try Wire(columns: 120, rows: 40)
        try wire.harness.press("g p")
        let sent = try wire.bytes(pressing: "j", times: 20)
        XCTAssertLessThanOrEqual(sent.max() ?? .max, 120, "bytes per j: \(sent)")
    }

    func testJDownTheListBesideTheSidebarAveragesAtMost400BytesAt120x40() throws {
        let wire = try Wire(columns: 120, rows: 40)
        try wire.harness.press("g p")
        _ = try wire.bytes(pressing: "j", times: 40)  // past the bottom row, where the list scrolls
        let sent = try wire.bytes(pressing: "j", times: 102)
        XCTAssertLessThanOrEqual(sent.reduce(0, +) / sent.count, 400, "bytes per j: \(sent)")
    }

    func testKUpTheLeadListBesideTheSidebarAveragesAtMost400BytesAt120x40() throws {
        let wire = try Wire(columns: 120, rows: 40)
        try wire.harness.press("g l G")
        let sent = try wire.bytes(pressing: "k", times: 102)
        XCTAssertLessThanOrEqual(sent.reduce(0, +) / sent.count, 400, "bytes per k: \(sent)")
    }
}

/// The app on a virtual terminal whose every frame is also drawn by headless ncurses into a file.
private final class Wire {
    let harness: AppHarness
    private let curses: CursesTerminal
    private let path = NSTemporaryDirectory() + "crm-list-key-bytes-\(UUID().uuidString)"

    init(columns: Int, rows: Int) throws {
        harness = try AppHarness(columns: columns, rows: rows)
        let curses = try CursesTerminal(headlessColumns: columns, rows: rows, outputPath: path)
        self.curses = curses
        if let first = harness.terminal.lastFrame { curses.present(first, fullRedraw: true) }
        harness.terminal.onPresent = { curses.present($0, fullRedraw: false) }
    }

    deinit {
        curses.shutdown()
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The bytes each of `times` presses of `key` sent.
    func bytes(pressing key: String, times: Int) throws -> [Int] {
        try (0..<times).map { _ in
            let before = curses.bytesSent
            try harness.press(key)
            return curses.bytesSent - before
        }
    }
}
