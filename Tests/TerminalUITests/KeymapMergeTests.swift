import TerminalUI
import XCTest

final class KeymapMergeTests: XCTestCase {
    private let base = Keymap(parse("""
        [global]
        q = "app.quit"
        "?" = "help.show"
        g = { d = "go.dashboard", a = "go.accounts", c = "go.contacts" }
        [list]
        j = "cursor.down"
        k = "cursor.up"
        z = "cursor.top"
        """))

    private func merged(_ user: String) -> Keymap {
        let file = parse(user, name: "keymap.toml").validated(against: testSchema)
        XCTAssertEqual(file.errors, [])
        return Keymap.merged(base: base, overrides: file)
    }

    func testOverrideReplacesOneKeyAndKeepsTheRest() {
        let keymap = merged("""
            [list]
            j = "cursor.up"
            """)
        XCTAssertEqual(keymap.lookup(keys("j"), in: ["list"]), .command("cursor.up"))
        XCTAssertEqual(keymap.lookup(keys("k"), in: ["list"]), .command("cursor.up"))
        XCTAssertEqual(keymap.lookup(keys("q"), in: ["global"]), .command("app.quit"))
    }

    func testNoneRemovesABinding() {
        let keymap = merged("""
            [global]
            q = "none"
            """)
        XCTAssertEqual(keymap.lookup(keys("q"), in: ["global"]), .unbound)
        XCTAssertEqual(keymap.lookup(keys("?"), in: ["global"]), .command("help.show"))
    }

    func testNoneOnOneStepOfASequenceKeepsItsSiblings() {
        let keymap = merged("""
            [global]
            g = { d = "none" }
            """)
        XCTAssertEqual(keymap.lookup(keys("g d"), in: ["global"]), .unbound)
        XCTAssertEqual(keymap.lookup(keys("g a"), in: ["global"]), .command("go.accounts"))
        XCTAssertEqual(keymap.lookup(keys("g"), in: ["global"]), .prefix)
    }

    func testNoneOnAPrefixRemovesTheWholeSequenceGroup() {
        let keymap = merged("""
            [global]
            g = "none"
            """)
        XCTAssertEqual(keymap.lookup(keys("g"), in: ["global"]), .unbound)
        XCTAssertEqual(keymap.lookup(keys("g a"), in: ["global"]), .unbound)
        XCTAssertFalse(keymap.bindings(in: "global").contains { $0.sequence.first == KeyEvent.char("g") })
    }

    func testRemovingTheLastSequenceUnderAPrefixFreesThePrefix() {
        var keymap = merged("""
            [global]
            g = { d = "none", a = "none" }
            """)
        XCTAssertEqual(keymap.lookup(keys("g"), in: ["global"]), .prefix)
        keymap = Keymap.merged(base: keymap, overrides: parse("[global]\n\"g c\" = \"none\"\n"))
        XCTAssertEqual(keymap.lookup(keys("g"), in: ["global"]), .unbound)
    }

    func testACommandReplacesAPrefix() {
        let keymap = merged("""
            [global]
            g = "go.leads"
            """)
        XCTAssertEqual(keymap.lookup(keys("g"), in: ["global"]), .command("go.leads"))
        XCTAssertEqual(keymap.lookup(keys("g d"), in: ["global"]), .unbound)
    }

    func testASequenceReplacesACommandOnItsFirstKey() {
        let keymap = merged("""
            [list]
            z = { z = "cursor.top", b = "cursor.end" }
            """)
        XCTAssertEqual(keymap.lookup(keys("z"), in: ["list"]), .prefix)
        XCTAssertEqual(keymap.lookup(keys("z z"), in: ["list"]), .command("cursor.top"))
        XCTAssertEqual(keymap.lookup(keys("z b"), in: ["list"]), .command("cursor.end"))
    }

    func testOverridesCanAddContextsAndTheSameChordSpelledDifferently() {
        let keymap = merged("""
            [list]
            "S-j" = "cursor.end"
            [popup]
            Esc = "popup.close"
            """)
        XCTAssertEqual(keymap.lookup([KeyEvent.char("J")], in: ["list"]), .command("cursor.end"))
        XCTAssertEqual(keymap.lookup([KeyEvent(.escape)], in: ["popup"]), .command("popup.close"))
        XCTAssertEqual(keymap.contexts, ["global", "list", "popup"])
    }

    func testLaterFilesWinWhenLoadingSeveral() throws {
        let keymap = try KeymapLoader.load([
            KeymapSource(name: "default.toml", text: "[list]\nj = \"cursor.down\"\nk = \"cursor.up\"\n"),
            KeymapSource(name: "vim.toml", text: "[list]\nj = \"cursor.up\"\n"),
            KeymapSource(name: "user.toml", text: "[list]\nk = \"none\"\n"),
        ], schema: testSchema).get()
        XCTAssertEqual(keymap.bindings(in: "list"), [KeyBinding(sequence: keys("j"), command: "cursor.up")])
    }
}
