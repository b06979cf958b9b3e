import TerminalUI
import XCTest

final class KeymapErrorTests: XCTestCase {
    func testUnknownCommandSuggestsTheClosestOne() {
        let file = parse("""
            [list]
            j = "cursor.dwn"
            """, name: "keymaps/default.toml").validated(against: testSchema)
        XCTAssertEqual(file.errors.map(\.description),
                       ["keymaps/default.toml:2: unknown command \"cursor.dwn\" (did you mean \"cursor.down\"?)"])
        XCTAssertEqual(file.errors.first?.kind, .unknownCommand)
        XCTAssertEqual(file.bindings, [])
    }

    func testUnknownCommandFarFromAnyGetsNoSuggestion() {
        let file = parse("""
            [list]
            j = "frobnicate.everything"
            """).validated(against: testSchema)
        XCTAssertEqual(file.errors.map(\.message), ["unknown command \"frobnicate.everything\""])
    }

    func testUnknownContextIsReportedAtItsHeader() {
        let file = parse("""
            [global]
            q = "app.quit"

            [lst]
            j = "cursor.down"
            """).validated(against: testSchema)
        XCTAssertEqual(file.errors.map(\.description),
                       ["keymaps/test.toml:4: unknown context \"lst\" (did you mean \"list\"?)"])
        XCTAssertEqual(file.errors.first?.kind, .unknownContext)
        XCTAssertEqual(file.summary, ["global: q -> app.quit @2"])
    }

    func testUnknownKeyNamesUseTheChordParsersReason() {
        let file = parse("""
            [list]
            "C-1" = "cursor.down"
            Foo = "cursor.up"
            g = { "X-y" = "go.leads" }
            """)
        XCTAssertEqual(file.errors.map(\.kind), [.unknownKey, .unknownKey, .unknownKey])
        XCTAssertEqual(file.errors.map(\.line), [2, 3, 4])
        XCTAssertEqual(file.errors[0].message, "unknown key \"C-1\": terminals send Ctrl only with letters")
        XCTAssertTrue(file.errors[1].message.hasPrefix("unknown key \"Foo\""), file.errors[1].message)
        XCTAssertEqual(file.bindings, [])
    }

    func testValuesThatAreNotCommandsAreRejected() {
        let file = parse("""
            j = "cursor.down"
            [list]
            k = 5
            l = ""
            g = {}
            """)
        XCTAssertEqual(file.errors.map(\.kind), [.invalidValue, .invalidValue, .invalidValue, .invalidValue])
        XCTAssertEqual(file.errors.map(\.line), [1, 3, 4, 5])
        XCTAssertTrue(file.errors[0].message.contains("not a context table"), file.errors[0].message)
    }

    func testTheSameChordSpelledTwoWaysIsAConflict() {
        let file = parse("""
            [list]
            G = "cursor.end"
            "S-g" = "cursor.top"
            Tab = "form.next"
            "C-i" = "cursor.down"
            """)
        XCTAssertEqual(file.errors.map(\.description), [
            "keymaps/test.toml:3: \"S-g\" in [list] is already bound on line 2 as \"G\"",
            "keymaps/test.toml:5: \"C-i\" in [list] is already bound on line 4 as \"Tab\"",
        ])
        XCTAssertEqual(file.errors.map(\.kind), [.duplicateKey, .duplicateKey])
        XCTAssertEqual(file.summary, ["list: G -> cursor.end @2", "list: Tab -> form.next @4"])
    }

    func testASequenceWrittenTwoWaysIsAConflict() {
        let file = parse("""
            [global]
            g = { a = "go.accounts" }
            "g a" = "go.leads"
            """)
        XCTAssertEqual(file.errors.map(\.kind), [.duplicateKey])
        XCTAssertEqual(file.errors.first?.line, 3)
    }

    func testSameChordInDifferentContextsIsFine() {
        let file = parse("""
            [list]
            G = "cursor.end"
            [board]
            "S-g" = "cursor.end"
            """)
        XCTAssertEqual(file.errors, [])
        XCTAssertEqual(file.bindings.count, 2)
    }

    func testAKeyCannotBeBothACommandAndAPrefix() {
        let file = parse("""
            [global]
            g = "go.dashboard"
            "g a" = "go.accounts"
            [list]
            "z z" = "cursor.top"
            z = "cursor.end"
            """)
        XCTAssertEqual(file.errors.map(\.kind), [.prefixConflict, .prefixConflict])
        XCTAssertEqual(file.errors.map(\.description), [
            "keymaps/test.toml:3: \"g a\" in [global] cannot start with \"g\": it is bound on line 2",
            "keymaps/test.toml:6: \"z\" in [list] cannot be bound: it starts \"z z\" on line 5",
        ])
        XCTAssertEqual(file.summary, ["global: g -> go.dashboard @2", "list: z z -> cursor.top @5"])
    }

    func testAllErrorsAreCollectedInSourceOrder() {
        let result = KeymapLoader.load([KeymapSource(name: "keymaps/default.toml", text: """
            [global]
            q = "app.qiut"
            "C-1" = "help.show"
            [lists]
            j = "cursor.down"
            [list]
            G = "cursor.end"
            "S-g" = "cursor.top"
            k = "cursor.up"
            """)], schema: testSchema)
        XCTAssertEqual(result.errors.map(\.line), [2, 3, 4, 8])
        XCTAssertEqual(result.errors.map(\.kind), [.unknownCommand, .unknownKey, .unknownContext, .duplicateKey])
        XCTAssertThrowsError(try result.get()) { error in
            let text = (error as? KeymapLoadError)?.description ?? ""
            XCTAssertEqual(text.split(separator: "\n").count, 4, text)
            XCTAssertTrue(text.contains("keymaps/default.toml:2: unknown command \"app.qiut\" (did you mean \"app.quit\"?)"), text)
        }
        // Good bindings still apply.
        XCTAssertEqual(result.keymap.lookup(keys("k"), in: ["list"]), .command("cursor.up"))
        XCTAssertEqual(result.keymap.lookup(keys("G"), in: ["list"]), .command("cursor.end"))
        XCTAssertEqual(result.keymap.lookup(keys("j"), in: ["list", "global"]), .unbound)
    }

    func testErrorsFromSeveralFilesNameTheirOwnFile() {
        let result = KeymapLoader.load([
            KeymapSource(name: "keymaps/default.toml", text: "[list]\nj = \"cursor.down\"\n"),
            KeymapSource(name: "/home/eva/.config/crm/keymap.toml", text: "[list]\n\nj = \"cursor.dwon\"\n"),
        ], schema: testSchema)
        XCTAssertEqual(result.errors.map(\.description),
                       ["/home/eva/.config/crm/keymap.toml:3: unknown command \"cursor.dwon\" (did you mean \"cursor.down\"?)"])
        XCTAssertEqual(result.keymap.lookup(keys("j"), in: ["list"]), .command("cursor.down"))
    }

    func testEditDistanceSuggestionPicksTheNearestName() {
        let file = parse("[list]\nk = \"cursor.u\"\n").validated(against: testSchema)
        XCTAssertEqual(file.errors.first?.message, "unknown command \"cursor.u\" (did you mean \"cursor.up\"?)")
    }
}
