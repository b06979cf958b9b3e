import CRMApp
import Foundation
import TerminalUI
import XCTest

/// The shipped keymaps parse, name only known commands, are embedded unchanged, and the
/// generated key reference in docs/ is up to date.
final class KeymapFilesTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testEveryShippedSetLoadsWithoutProblems() throws {
        for name in EmbeddedKeymaps.names {
            var sources = [EmbeddedKeymaps.source(named: "default")!]
            if name != "default" { sources.append(EmbeddedKeymaps.source(named: name)!) }
            let result = KeymapLoader.load(sources, schema: KeyBindings.schema)
            XCTAssertEqual(result.errors.map(\.description), [], "keymaps/\(name).toml")
        }
    }

    func testEmbeddedCopiesEqualTheFilesInKeymaps() throws {
        for name in EmbeddedKeymaps.names {
            let file = Self.repository.appendingPathComponent("keymaps/\(name).toml")
            let onDisk = try String(contentsOf: file, encoding: .utf8)
            XCTAssertEqual(EmbeddedKeymaps.source(named: name)?.text, onDisk,
                           "keymaps/\(name).toml changed: run scripts/embed-keymaps")
        }
    }

    func testKeybindingsDocIsGeneratedFromTheRegistry() throws {
        let doc = try String(contentsOf: Self.repository.appendingPathComponent("docs/keybindings.md"), encoding: .utf8)
        XCTAssertEqual(doc, KeybindingsDoc.markdown(), "docs/keybindings.md is stale: run swift run crm keys > docs/keybindings.md")
    }

    func testEveryCommandCanBeReachedByAKeyOrThePalette() throws {
        let keymap = try KeymapLoader.load([EmbeddedKeymaps.source(named: "default")!], schema: KeyBindings.schema).get()
        for spec in CommandRegistry.all {
            let keys = keymap.keys(for: spec.id.rawValue, in: [spec.context.rawValue, "global"])
            XCTAssertTrue(!keys.isEmpty || spec.inPalette, "\(spec.id) has no key and is not in the palette")
        }
    }

    func testAUserOverrideWithAnUnknownCommandIsReportedWithFileAndLine() {
        let user = KeymapSource(name: "/home/u/.config/crm/keymap.toml", text: "[list]\n\"j\" = \"cursor.dwn\"\n")
        let result = KeymapLoader.load([EmbeddedKeymaps.source(named: "default")!, user], schema: KeyBindings.schema)
        XCTAssertEqual(result.errors.count, 1)
        XCTAssertTrue(result.errors.first?.description.hasPrefix("/home/u/.config/crm/keymap.toml:2:") == true,
                      result.errors.first?.description ?? "no error")
    }

    /// Ids that were twins (`detail.edit` beside `record.edit`) are one id now; a user's file
    /// from before keeps working and is told the new name, with its file and line.
    func testAUserKeymapWithAnOldCommandIDStillWorksAndIsToldTheNewName() throws {
        let user = KeymapSource(name: "/home/u/.config/crm/keymap.toml", text: "[detail]\n\"E\" = \"detail.edit\"\n")
        let result = KeymapLoader.load([EmbeddedKeymaps.source(named: "default")!, user], schema: KeyBindings.schema)
        XCTAssertEqual(result.errors.map(\.description), [])
        XCTAssertEqual(result.notes.map(\.description),
                       ["/home/u/.config/crm/keymap.toml:2: \"detail.edit\" is now called \"record.edit\"; the old name still works"])
        let harness = try AppHarness(columns: 120, rows: 40, userKeymap: user)
        try harness.press("g a Enter E")
        harness.assertShows(" › Edit")
    }

    func testVimSetOpensRecordsWithL() throws {
        let harness = try AppHarness(keys: "vim")
        try harness.press("l")
        harness.assertShows("Data │ People │ Opportunities │ Activities │ History")
    }
}
