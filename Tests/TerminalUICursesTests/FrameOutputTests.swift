import Foundation
import TerminalUI
import TerminalUICurses
import XCTest

/// What the curses backend sends to the terminal for a frame: one `write()`, and only what
/// changed, so a key costs little over a slow SSH link.
final class FrameOutputTests: XCTestCase {
    func testAFrameThatChangesOneRowLeavesInOneSmallWrite() throws {
        let screen = try MeteredTerminal(columns: 80, rows: 24)
        var frame = Self.contactList(startingAt: 0)
        screen.present(frame)

        frame.writeField("Contact 0007 — renamed by a colleague", x: 0, y: 8, width: 80)
        let sent = screen.present(frame)

        XCTAssertEqual(sent.writes, 1, "one frame, one write() (\(sent.bytes) bytes)")
        XCTAssertLessThan(sent.bytes, 100, "only the changed row is sent")
    }

    func testScrollingAListByOneRowSendsLessThanRedrawingIt() throws {
        let screen = try MeteredTerminal(columns: 80, rows: 24)
        screen.present(Self.contactList(startingAt: 0))

        let scrolled = screen.present(Self.contactList(startingAt: 1))
        let redrawn = screen.present(Self.contactList(startingAt: 1), fullRedraw: true)

        XCTAssertEqual(scrolled.writes, 1)
        XCTAssertLessThan(scrolled.bytes * 5, redrawn.bytes,
                          "scrolling sends \(scrolled.bytes) bytes, redrawing \(redrawn.bytes)")
    }

    /// A header, 22 rows of a contact list from `first` on, each as wide as the screen, and a
    /// status line.
    private static func contactList(startingAt first: Int) -> ScreenBuffer {
        var frame = ScreenBuffer(width: 80, height: 24)
        frame.writeField(" Name              Company             City", x: 0, y: 0, width: 80, style: Style(attributes: .bold))
        for line in 1...22 {
            let number = first + line - 1
            let row = " Contact \(String(format: "%04d", number))      Company \(number % 17)          City \(number % 5)"
            frame.writeField(row, x: 0, y: line, width: 80)
        }
        frame.writeField(" \(first + 1) of 1,000 contacts", x: 0, y: 23, width: 80)
        return frame
    }
}

/// The headless curses backend writing to a file, telling what each frame sent: the bytes
/// (the file grows by them) and the `write()` calls this process made meanwhile.
private final class MeteredTerminal {
    private let terminal: CursesTerminal
    private let path = NSTemporaryDirectory() + "crm-frame-output-\(UUID().uuidString)"

    init(columns: Int, rows: Int) throws {
        terminal = try CursesTerminal(headlessColumns: columns, rows: rows, outputPath: path)
    }

    deinit {
        terminal.shutdown()
        try? FileManager.default.removeItem(atPath: path)
    }

    @discardableResult
    func present(_ frame: ScreenBuffer, fullRedraw: Bool = false) -> (bytes: Int, writes: Int) {
        let bytes = terminal.bytesSent, writes = Self.writeCalls
        terminal.present(frame, fullRedraw: fullRedraw)
        return (terminal.bytesSent - bytes, Self.writeCalls - writes)
    }

    /// `write()` calls made by this process so far, as Linux counts them.
    private static var writeCalls: Int {
        let io = (try? String(contentsOfFile: "/proc/self/io", encoding: .utf8)) ?? ""
        let line = io.split(separator: "\n").first { $0.hasPrefix("syscw:") } ?? ""
        return Int(line.dropFirst("syscw:".count).trimmingCharacters(in: .whitespaces)) ?? 0
    }
}
