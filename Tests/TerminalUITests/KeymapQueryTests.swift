import TerminalUI
import XCTest

final class KeymapQueryTests: XCTestCase {
    private let keymap = Keymap(parse("""
        [global]
        q = "app.quit"
        "C-q" = "app.quit"
        n = "account.new"
        g = { a = "go.accounts", d = "go.dashboard" }
        [list]
        j = "cursor.down"
        Down = "cursor.down"
        n = "cursor.down"
        "S-g" = "cursor.end"
        [popup]
        g = "menu.context"
        """))

    func testBindingsOfAContextAreSortedByKeys() {
        XCTAssertEqual(keymap.bindings(in: "global").map { "\($0.keys) \($0.command)" }, [
            "C-q app.quit", "g a go.accounts", "g d go.dashboard", "n account.new", "q app.quit",
        ])
        XCTAssertEqual(keymap.bindings(in: "list").map(\.keys), ["Down", "G", "j", "n"])
        XCTAssertEqual(keymap.bindings(in: "unknown"), [])
    }

    func testKeysForACommandShortestFirst() {
        XCTAssertEqual(keymap.keys(for: "app.quit", in: ["list", "global"]), ["q", "C-q"])
        XCTAssertEqual(keymap.keys(for: "cursor.down", in: ["list", "global"]), ["j", "n", "Down"])
        XCTAssertEqual(keymap.keys(for: "go.accounts", in: ["list", "global"]), ["g a"])
    }

    func testKeysHiddenByAMoreSpecificContextAreLeftOut() {
        // `n` in list shadows global's `n`.
        XCTAssertEqual(keymap.keys(for: "account.new", in: ["list", "global"]), [])
        XCTAssertEqual(keymap.keys(for: "account.new", in: ["global"]), ["n"])
        // popup's `g` command makes `g a` unreachable.
        XCTAssertEqual(keymap.keys(for: "go.accounts", in: ["popup", "global"]), [])
        XCTAssertEqual(keymap.keys(for: "menu.context", in: ["popup", "global"]), ["g"])
    }

    func testContextsListsBoundContexts() {
        XCTAssertEqual(keymap.contexts, ["global", "list", "popup"])
    }
}
