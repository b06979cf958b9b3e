import TerminalUI
import XCTest

final class KeymapFileTests: XCTestCase {
    func testBindingsCarryTheLineTheyAreWrittenOn() {
        let file = parse("""
            # Default keymap
            [global]
            "?" = "help.show"
            ":" = "palette.open"
            "C-p" = "goto.record"
            g = { a = "go.accounts", c = "go.contacts" }

            [list]
            j = "cursor.down"
            "S-g" = "cursor.end"   # same as "G"
            """)
        XCTAssertEqual(file.errors, [])
        XCTAssertEqual(file.summary, [
            "global: ? -> help.show @3",
            "global: : -> palette.open @4",
            "global: C-p -> goto.record @5",
            "global: g a -> go.accounts @6",
            "global: g c -> go.contacts @6",
            "list: j -> cursor.down @9",
            "list: G -> cursor.end @10",
        ])
        XCTAssertEqual(file.contextLines, ["global": 2, "list": 8])
    }

    func testEveryWayOfWritingAKeyIsLocated() {
        let file = parse("""
            [ "list" ]
            'k' = "cursor.up"
            "\\u0047" = "cursor.end"
            "g g" = "cursor.top"
            x.y = "app.quit"
            "/" = 'filter.edit'
            "\\\\" = "help.show"
            "#" = "go.leads" # a key that looks like a comment
            '=' = "go.contacts"

            [list.z]
            z = "cursor.top"

            [global] # a comment after a header

            q = \"\"\"app.quit\"\"\"
            w = { e = { r = "go.leads" } }
            """)
        XCTAssertEqual(file.errors, [])
        XCTAssertEqual(Set(file.summary), [
            "list: k -> cursor.up @2",
            "list: G -> cursor.end @3",
            "list: g g -> cursor.top @4",
            "list: x y -> app.quit @5",
            "list: / -> filter.edit @6",
            "list: \\ -> help.show @7",
            "list: # -> go.leads @8",
            "list: = -> go.contacts @9",
            "list: z z -> cursor.top @12",
            "global: q -> app.quit @16",
            "global: w e r -> go.leads @17",
        ])
    }

    func testKeysAfterMultiLineValuesAndCommentsKeepTheirLines() {
        let file = parse("""
            [global]
            x = [
              "a", # a comment with "quotes" and = signs
              "b",
            ]
            j = "cursor.down" # trailing ' comment
            k = "cursor.up"
            """)
        XCTAssertEqual(file.summary, ["global: j -> cursor.down @6", "global: k -> cursor.up @7"])
        XCTAssertEqual(file.errors.map(\.description),
                       ["keymaps/test.toml:2: \"x\" must be a command id, \"none\" or a table of keys, not array"])
    }

    func testNoneUnbinds() {
        let file = parse("""
            [list]
            x = "none"
            """)
        XCTAssertEqual(file.bindings.first?.action, .unbind)
        XCTAssertEqual(file.bindings.first?.sequence, keys("x"))
    }

    func testSyntaxErrorsNameFileLineAndColumn() {
        let file = parse("""
            [global]
            j = "cursor.down"
            k = "cursor.up
            """, name: "keymaps/broken.toml")
        XCTAssertEqual(file.bindings, [])
        XCTAssertEqual(file.errors.count, 1)
        let error = file.errors[0]
        XCTAssertEqual(error.kind, .syntax)
        XCTAssertEqual(error.line, 3)
        XCTAssertNotNil(error.column)
        XCTAssertTrue(error.description.hasPrefix("keymaps/broken.toml:3:"), error.description)
    }

    func testTomlDuplicateKeysAreSyntaxErrorsOnTheSecondLine() {
        let file = parse("""
            [list]
            j = "cursor.down"
            j = "cursor.up"
            """)
        XCTAssertEqual(file.errors.map(\.kind), [.syntax])
        XCTAssertEqual(file.errors.first?.line, 3)
    }
}
