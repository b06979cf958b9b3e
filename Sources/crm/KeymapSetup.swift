import CRMApp
import Foundation
import TerminalUI

/// Builds the keymap the app runs with: the embedded default, the chosen set, the user's file.
enum KeymapSetup {
    static func load(set: String?) throws -> Keymap {
        var sources = [EmbeddedKeymaps.source(named: "default")!]
        let setName = set ?? "default"
        if setName != "default" {
            guard let chosen = EmbeddedKeymaps.source(named: setName) else {
                throw CLIError("unknown key set \"\(setName)\" (choose default, vim or emacs)", exitCode: 2)
            }
            sources.append(chosen)
        }
        let userFile = Paths.userKeymap
        if let text = try? String(contentsOf: userFile, encoding: .utf8) {
            sources.append(KeymapSource(name: userFile.path, text: text))
        }
        let result = KeymapLoader.load(sources, schema: KeyBindings.schema)
        guard result.errors.isEmpty else {
            let lines = result.errors.map(\.description).joined(separator: "\n")
            throw CLIError("the key bindings have problems; fix them and start again:\n\(lines)", exitCode: 2)
        }
        return result.keymap
    }
}
