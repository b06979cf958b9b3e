import ArgumentParser
import CRMApp
import Foundation
import TerminalUI

/// `crm keys`: prints the key bindings (the source of docs/keybindings.md) or checks a file.
struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the key bindings as Markdown, or check a keymap file.")

    @Option(help: "Check this keymap file (applied over the default set) and report problems with line numbers.")
    var check: String?

    func run() throws {
        try CLIRunner.run {
            guard let check else {
                print(KeybindingsDoc.markdown(), terminator: "")
                return
            }
            guard let text = try? String(contentsOfFile: check, encoding: .utf8) else {
                throw CLIError("cannot read \(check)", exitCode: 2)
            }
            let result = KeymapLoader.load([EmbeddedKeymaps.source(named: "default")!, KeymapSource(name: check, text: text)],
                                           schema: KeyBindings.schema)
            guard result.errors.isEmpty else {
                throw CLIError(result.errors.map(\.description).joined(separator: "\n"), exitCode: 2)
            }
            for note in result.notes { CLIRunner.printSafely("note: \(note.description)") }
            CLIRunner.printSafely("\(check): no problems")
        }
    }
}
