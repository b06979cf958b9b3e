import TerminalUI

/// One entry of a popup menu: a title, the key that also runs it, and what it does.
public struct MenuItem {
    public let title: String
    public let key: String?
    public let action: (AppController) -> Void

    public init(title: String, key: String? = nil, action: @escaping (AppController) -> Void) {
        self.title = title
        self.key = key
        self.action = action
    }
}

/// A popup list of choices (SH-7 context menus, the sidebar's actions, select fields),
/// optionally with a query line that narrows or re-queries the items as the user types.
public final class MenuPopup: Overlay {
    public let title: String
    private var items: [MenuItem]
    private var selected = 0
    private var scroll = 0
    private var query: TextInput?
    private let search: ((String) -> [MenuItem])?
    private let emptyText: String
    /// What to say when the typed text finds nothing, if not `emptyText`.
    private let noMatch: ((String) -> String)?

    /// A fixed menu.
    public init(title: String, items: [MenuItem], selected: Int = 0) {
        self.title = title
        self.items = items
        self.selected = min(max(0, selected), max(0, items.count - 1))
        search = nil
        emptyText = "Nothing to choose"
        noMatch = nil
    }

    /// A menu whose items come from `search(query)`, asked again after every keystroke.
    public init(title: String, emptyText: String, noMatch: ((String) -> String)? = nil,
                search: @escaping (String) -> [MenuItem]) {
        self.title = title
        self.search = search
        self.emptyText = emptyText
        self.noMatch = noMatch
        query = TextInput("", maxLength: 200)
        items = search("")
    }

    public func handleKey(_ event: KeyEvent, command: CommandID?, app: AppController) {
        if var input = query, event.typedCharacter != nil || [.backspace, .delete, .left, .right].contains(event.key)
            || (event.modifiers == .ctrl && ["u", "w", "a", "e", "k"].contains(event.key.character)) {
            if input.apply(event) {
                query = input
                items = search?(input.text) ?? items
                selected = 0
                scroll = 0
                return
            }
        }
        switch command {
        case .cursorDown: selected = min(selected + 1, max(0, items.count - 1))
        case .cursorUp: selected = max(0, selected - 1)
        case .popupClose: app.dismiss(self)
        case .popupAccept:
            guard items.indices.contains(selected) else { return }
            app.dismiss(self)
            items[selected].action(app)
        default:
            // A menu item's own key runs it directly (e.g. "e" for Edit in a context menu).
            if query == nil, let item = items.first(where: { $0.key == event.description }) {
                app.dismiss(self)
                item.action(app)
            }
        }
    }

    public func render(into buffer: inout ScreenBuffer, bounds: Rect, app: AppController) {
        let theme = app.theme
        let longest = items.map { DisplayWidth.of(SafeText.sanitize($0.title)) + ($0.key.map { DisplayWidth.of($0) + 3 } ?? 0) }.max() ?? 0
        let width = min(bounds.width - 4, max(36, longest + 6, DisplayWidth.of(title) + 8))
        let listHeight = min(max(1, items.count), max(3, bounds.height - 10))
        let height = listHeight + 2 + (query == nil ? 0 : 2)
        let rect = bounds.centered(width: width, height: height)
        buffer.fill(rect, style: theme.plain)
        buffer.box(rect, style: theme.border, title: title)
        var y = rect.y + 1
        if let query {
            buffer.write("›", x: rect.x + 2, y: y, style: theme.accent)
            query.render(into: &buffer, x: rect.x + 4, y: y, width: rect.width - 6, style: theme.input, showCursor: true)
            y += 2
        }
        if items.isEmpty {
            let typed = query?.text ?? ""
            let text = typed.isEmpty ? emptyText : noMatch?(typed) ?? emptyText
            buffer.write(text, x: rect.x + 2, y: y, style: theme.dim, maxWidth: rect.width - 4)
            return
        }
        if selected < scroll { scroll = selected }
        if selected >= scroll + listHeight { scroll = selected - listHeight + 1 }
        for (offset, item) in items.dropFirst(scroll).prefix(listHeight).enumerated() {
            let index = scroll + offset
            let style = index == selected ? theme.selected : theme.plain
            let row = Rect(x: rect.x + 1, y: y + offset, width: rect.width - 2, height: 1)
            buffer.fill(row, style: style)
            let keyWidth = item.key.map { DisplayWidth.of($0) + 2 } ?? 0
            buffer.write(item.title, x: row.x + 1, y: row.y, style: style, maxWidth: row.width - 2 - keyWidth)
            if let key = item.key {
                buffer.write(key, x: row.maxX - DisplayWidth.of(key) - 1, y: row.y,
                             style: index == selected ? style : theme.accent)
            }
        }
    }
}

extension Key {
    /// The character of a `.char` key, for matching Ctrl-letter editing keys.
    var character: Character? {
        if case .char(let c) = self { return c }
        return nil
    }
}
