import TerminalUI

/// The picker of a multi-select field (SH-9): every choice with a check box; j/k or the arrows
/// move, Space toggles, Enter keeps the ticks, Esc leaves the field as it was.
final class ChecklistPopup: Overlay {
    let title: String
    private let choices: [Choice]
    private var ticked: Set<String>
    private var cursor: RowCursor
    private let onDone: ([Choice]) -> Void

    init(title: String, choices: [Choice], chosen: [Choice], onDone: @escaping ([Choice]) -> Void) {
        self.title = title
        self.choices = choices
        ticked = Set(chosen.map(\.id))
        cursor = RowCursor(count: choices.count, height: max(1, choices.count))
        self.onDone = onDone
    }

    func handleKey(_ event: KeyEvent, command: CommandID?, app: AppController) {
        if event.typedCharacter == " ", choices.indices.contains(cursor.selected) {
            let id = choices[cursor.selected].id
            if ticked.contains(id) { ticked.remove(id) } else { ticked.insert(id) }
            return
        }
        switch command {
        case .cursorDown: cursor.down()
        case .cursorUp: cursor.up()
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
        cursor.resize(height: listHeight)
        for (offset, index) in cursor.visible.enumerated() {
            let choice = choices[index]
            let style = index == cursor.selected ? theme.selected : theme.plain
            let row = Rect(x: rect.x + 1, y: rect.y + 1 + offset, width: rect.width - 2, height: 1)
            buffer.fill(row, style: style)
            buffer.write((ticked.contains(choice.id) ? "[x] " : "[ ] ") + choice.title, x: row.x + 1, y: row.y,
                         style: style, maxWidth: row.width - 2)
        }
        buffer.write(hint, x: rect.x + 2, y: rect.maxY - 2, style: theme.dim, maxWidth: rect.width - 4)
    }
}
