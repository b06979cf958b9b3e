import TerminalUI
import XCTest

/// The contexts and commands the keymap tests pretend the app declares.
let testSchema = KeymapSchema(
    contexts: ["global", "list", "form", "popup", "board"],
    commands: [
        "help.show", "palette.open", "goto.record", "go.dashboard", "go.accounts", "go.contacts",
        "go.leads", "cursor.down", "cursor.up", "cursor.end", "cursor.top", "filter.edit",
        "app.quit", "account.new", "popup.close", "menu.context", "form.next", "record.save",
    ])

func parse(_ text: String, name: String = "keymaps/test.toml") -> KeymapFile {
    KeymapFile(parsing: KeymapSource(name: name, text: text))
}

func keys(_ text: String) -> [KeyEvent] {
    // Test data is written by hand; a typo here is a bug in the test.
    try! KeyChord.parseSequence(text)
}

extension KeymapFile {
    /// `context: keys -> command @line`, one per binding, for compact assertions.
    var summary: [String] {
        bindings.map { binding in
            let target: String
            switch binding.action {
            case .command(let id): target = id
            case .unbind: target = "none"
            }
            return "\(binding.context): \(binding.keys) -> \(target) @\(binding.line)"
        }
    }
}
