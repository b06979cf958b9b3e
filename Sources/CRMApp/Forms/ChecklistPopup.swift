import TerminalUI

/// The picker of a multi-select field (SH-9): every choice with a check box; j/k or the arrows
/// move, Space toggles, Enter keeps the ticks, Esc leaves the field as it was.
final class ChecklistPopup: Overlay {
    let title: String
    private let choices: [Choice]
    private var ticked: Set<String>
    private var selected = 0
    private let onDone: ([Choice]) -> Void

    init(title: String, choices: [Choice], chosen: [Choice], onDone: @escaping ([Choice]) -> Void) {
        self.title = title
        self.choices = choices
        ticked = Set(chosen.map(\.id))
        self.onDone = onDone
    }

    func handleKey(_ event: KeyEvent, command: CommandID?, app: AppController) {
        if event.typedCharacter == " ", choices.indices.contains(selected) {
            let id = choices[selected].id
            if ticked.contains(id) { ticked.remove(id) } else { ticked.insert(id) }
            return
        }
        switch command {
        case .cursorDown: selected = min(selected + 1, max(0, choices.count - 1))
        case .cursorUp: selected = max(0, selected - 1)
        case .popupClose: app.dismiss(self)
        case .popupAccept:
            app.dismiss(self)
            onDone(choices.filter { ticked.contains($0.id) })
        default: break
        }
    }

    func render(into buffer: inout ScreenBuffer, bounds: Rect, app: AppController) {
        let theme = app.theme
        let hint = "Space tick · Enter done · Esc cancel"
        let longest = choices.map { DisplayWidth.of(SafeText.sanitize($0.title)) + 6 }.max() ?? 0
        let width = min(bounds.width - 4, max(longest + 4, DisplayWidth.of(hint) + 4, DisplayWidth.of(title) + 8))
        let listHeight = min(max(1, choices.count), max(3, bounds.height - 8))
        let rect = bounds.centered(width: width, height: listHeight + 4)
        buffer.fill(rect, style: theme.plain)
        buffer.box(rect, style: theme.border, title: title)
        let scroll = max(0, selected - listHeight + 1)
        for (offset, choice) in choices.dropFirst(scroll).prefix(listHeight).enumerated() {
            let index = scroll + offset
            let style = index == selected ? theme.selected : theme.plain
            let row = Rect(x: rect.x + 1, y: rect.y + 1 + offset, width: rect.width - 2, height: 1)
            buffer.fill(row, style: style)
            buffer.write((ticked.contains(choice.id) ? "[x] " : "[ ] ") + choice.title, x: row.x + 1, y: row.y,
                         style: style, maxWidth: row.width - 2)
        }
        buffer.write(hint, x: rect.x + 2, y: rect.maxY - 2, style: theme.dim, maxWidth: rect.width - 4)
    }
}
