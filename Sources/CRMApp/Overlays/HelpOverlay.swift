import TerminalUI

/// The key help (SH-5): every binding of the current screen's contexts whose command the screen
/// declares as it is now, read from the keymap in force, so it tells the truth about user
/// overrides and leaves out keys a shared context has for other screens.
public final class HelpOverlay: Overlay {
    private let lines: [(keys: String, title: String, isHeading: Bool)]
    /// Which lines are in view; help has no selection, it only scrolls.
    private var view = RowCursor()

    init(screen: Screen, app: AppController) {
        let bindings = app.bindings
        let declared = Set(screen.commands(app: app).map(\.id))
        var lines: [(String, String, Bool)] = []
        // A key bound in a more specific context never reaches a later one: left out there.
        var taken = Set<String>()
        for context in screen.contexts + [.global, .popup] {
            let entries = bindings.bindings(in: context).filter { binding in
                (context.isAppWide || declared.contains(binding.command)) && (context == .popup || !taken.contains(binding.keys))
            }
            if context != .popup { taken.formUnion(bindings.bindings(in: context).map(\.keys)) }
            guard !entries.isEmpty else { continue }
            lines.append(("", context.title, true))
            // One line per command, in the registry's order, with all of its keys.
            let keysByCommand = Dictionary(grouping: entries, by: \.command)
            let order = CommandRegistry.all.map(\.id).filter { keysByCommand[$0] != nil }
            for command in order {
                let keys = keysByCommand[command]!.map(\.keys).joined(separator: " ")
                lines.append((keys, CommandRegistry.title(command), false))
            }
        }
        if screen.isTyping || screen.contexts.contains(.form) || screen.contexts.contains(.list) {
            lines.append(("", "Text fields", true))
            for (keys, title) in TextEditingKeys.all { lines.append((keys, title, false)) }
        }
        self.lines = lines
    }

    public func handleKey(_ event: KeyEvent, command: CommandID?, app: AppController) {
        switch command {
        case .cursorDown: view.scroll(by: 1)
        case .cursorUp: view.scroll(by: -1)
        default: app.dismiss(self)
        }
    }

    public func render(into buffer: inout ScreenBuffer, bounds: Rect, app: AppController) {
        let theme = app.theme
        let rect = bounds.centered(width: min(bounds.width - 2, 72), height: bounds.height - 2)
        buffer.fill(rect, style: theme.plain)
        buffer.box(rect, style: theme.border, title: "Keys — j/k scroll, any other key closes")
        view.resize(count: lines.count, height: rect.height - 2)
        for (offset, line) in lines[view.visible].enumerated() {
            let y = rect.y + 1 + offset
            if line.isHeading {
                buffer.write(line.title, x: rect.x + 2, y: y, style: theme.header)
            } else {
                buffer.write(line.keys, x: rect.x + 4, y: y, style: theme.accent, maxWidth: 18)
                buffer.write(line.title, x: rect.x + 24, y: y, style: theme.plain, maxWidth: rect.width - 26)
            }
        }
    }
}

/// The editing keys of every text field; fixed, not rebindable, listed in help and docs.
public enum TextEditingKeys {
    public static let all: [(String, String)] = [
        ("Left / Right", "Move the cursor (also C-b / C-f)"),
        ("Home / End", "Start / end of line (also C-a / C-e)"),
        ("Backspace / Del", "Delete before / at the cursor (also C-d)"),
        ("C-k / C-u / C-w", "Delete to end / to start / the word before"),
        ("Enter", "New line (multi-line fields)"),
        ("Space", "Toggle a checkbox; next option of a select"),
    ]
}
