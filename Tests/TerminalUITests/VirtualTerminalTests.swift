import TerminalUI
import TerminalUITesting
import XCTest

final class VirtualTerminalTests: XCTestCase {
    private func drain(_ terminal: VirtualTerminal) -> [KeyEvent] {
        var keys: [KeyEvent] = []
        while let key = terminal.readKey(timeoutMilliseconds: 1000) { keys.append(key) }
        return keys
    }

    func testEnqueuedChordsComeOutInOrderThenNil() throws {
        let terminal = VirtualTerminal()
        try terminal.enqueue(keys: "g a j j S-l C-p Enter")
        XCTAssertEqual(drain(terminal), [.char("g"), .char("a"), .char("j"), .char("j"), .char("L"),
                                         .ctrl("p"), KeyEvent(.enter)])
        XCTAssertNil(terminal.readKey(timeoutMilliseconds: 1000))
    }

    func testTypingEnqueuesEveryCharacterIncludingSpaces() {
        let terminal = VirtualTerminal()
        terminal.type("Acme s.r.o.")
        let keys = drain(terminal)
        XCTAssertEqual(keys.count, 11)
        XCTAssertEqual(String(keys.compactMap(\.typedCharacter)), "Acme s.r.o.")
        terminal.type("Žluťoučký 株式")
        XCTAssertEqual(String(drain(terminal).compactMap(\.typedCharacter)), "Žluťoučký 株式")
    }

    func testBadChordsThrowWithoutQueueingAnything() {
        let terminal = VirtualTerminal()
        XCTAssertThrowsError(try terminal.enqueue(keys: "g Foo"))
        XCTAssertEqual(terminal.pendingKeys, [])
    }

    func testResizeChangesSizeAndQueuesAResizeKey() throws {
        let terminal = VirtualTerminal(columns: 80, rows: 24)
        try terminal.enqueue(keys: "j")
        terminal.resize(columns: 120, rows: 40)
        XCTAssertEqual(terminal.size.columns, 120)
        XCTAssertEqual(terminal.size.rows, 40)
        terminal.size = (120, 40)                 // unchanged: no second event
        terminal.size = (100, 30)
        XCTAssertEqual(drain(terminal), [.char("j"), KeyEvent(.resize), KeyEvent(.resize)])
    }

    func testPresentKeepsTheLastFrameAndCountsFrames() {
        let terminal = VirtualTerminal(columns: 10, rows: 2)
        XCTAssertEqual(terminal.lines, [])
        var frame = ScreenBuffer(width: 10, height: 2)
        frame.write("first", x: 0, y: 0)
        terminal.present(frame, fullRedraw: true)
        frame.write("second", x: 0, y: 1)
        terminal.present(frame, fullRedraw: false)
        XCTAssertEqual(terminal.lines, ["first", "second"])
        XCTAssertEqual(terminal.screenText, "first\nsecond")
        XCTAssertEqual(terminal.frameCount, 2)
        XCTAssertEqual(terminal.fullRedrawCount, 1)
    }

    func testColorDepthIsSettableAndShutdownIsRecorded() {
        let terminal = VirtualTerminal(colorDepth: .none)
        XCTAssertEqual(terminal.colorDepth, ColorDepth.none)
        terminal.colorDepth = .basic8
        XCTAssertEqual(terminal.colorDepth, .basic8)
        terminal.shutdown()
        terminal.shutdown()
        XCTAssertTrue(terminal.isShutDown)
    }

    func testDrivesAResolverLikeTheAppLoop() throws {
        let keymap = Keymap(parse("""
            [global]
            g = { a = "go.accounts" }
            [list]
            j = "cursor.down"
            """))
        var resolver = KeySequenceResolver(keymap: keymap)
        let terminal = VirtualTerminal()
        try terminal.enqueue(keys: "g a j x")
        var results: [KeyResolution] = []
        while let key = terminal.readKey(timeoutMilliseconds: 25) {
            results.append(resolver.resolve(key, in: ["list", "global"]))
        }
        XCTAssertEqual(results, [.pending([.char("g")]), .command("go.accounts"), .command("cursor.down"),
                                 .unbound([.char("x")])])
    }
}
