/// What a menu shows of an entry: its title and, optionally, the key that also chooses it.
public protocol MenuEntry {
    var title: String { get }
    var key: String? { get }
}

/// The list inside a popup menu: its entries, an optional query line that asks for new entries
/// as the user types, the selection and its scrolling, and the drawing of the whole popup.
/// What an entry does when chosen is the caller's business, so any program's menus, pickers
/// and palettes share the same keys and look.
public struct MenuList<Item: MenuEntry> {
    public private(set) var items: [Item]
    public private(set) var cursor: RowCursor
    /// The query line, for menus that search as the user types.
    public private(set) var query: TextInput?
    private let search: ((String) -> [Item])?
    /// Shown when there are no entries (and nothing is typed).
    private let emptyText: String
    /// What to say when the typed text finds nothing, if not `emptyText`.
    private let noMatch: ((String) -> String)?

    /// A fixed menu with `selected` chosen.
    public init(items: [Item], selected: Int = 0, emptyText: String = "Nothing to choose") {
        self.items = items
        cursor = RowCursor(count: items.count, height: max(1, items.count), selected: selected)
        search = nil
        self.emptyText = emptyText
        noMatch = nil
    }

    /// A menu whose entries come from `search(query)`, asked again after every keystroke.
    public init(emptyText: String, noMatch: ((String) -> String)? = nil, search: @escaping (String) -> [Item]) {
        self.search = search
        self.emptyText = emptyText
        self.noMatch = noMatch
        query = TextInput("", maxLength: 200)
        items = search("")
        cursor = RowCursor(count: items.count, height: max(1, items.count))
    }

    public var selectedItem: Item? { items.indices.contains(cursor.selected) ? items[cursor.selected] : nil }

    /// The entry whose key is `chord` (e.g. "e" for Edit); menus with a query line have none,
    /// since there every letter types.
    public func item(forKey chord: String) -> Item? {
        query == nil ? items.first { $0.key == chord } : nil
    }

    /// Applies a text-editing key to the query line and asks for the entries again, selecting
    /// the first; false when the menu has no query line or the key does not edit text.
    public mutating func type(_ event: KeyEvent) -> Bool {
        guard var input = query else { return false }
        let edits = event.typedCharacter != nil || [.backspace, .delete, .left, .right].contains(event.key)
            || (event.modifiers == .ctrl && ["u", "w", "a", "e", "k"].contains(event.key.character))
        guard edits, input.apply(event) else { return false }
        query = input
        items = search?(input.text) ?? items
        cursor = RowCursor(count: items.count, height: cursor.height)
        return true
    }

    public mutating func down() { cursor.down() }
    public mutating func up() { cursor.up() }

    /// Draws the popup centred in `bounds`: a frame titled `title`, the query line, then the
    /// entries in view with the selected one marked and each one's key on the right.
    public mutating func render(title: String, into buffer: inout ScreenBuffer, bounds: Rect, theme: some WidgetTheme) {
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
        cursor.resize(count: items.count, height: listHeight)
        for (offset, index) in cursor.visible.enumerated() {
            let item = items[index]
            let style = index == cursor.selected ? theme.selected : theme.plain
            let row = Rect(x: rect.x + 1, y: y + offset, width: rect.width - 2, height: 1)
            buffer.fill(row, style: style)
            let keyWidth = item.key.map { DisplayWidth.of($0) + 2 } ?? 0
            buffer.write(item.title, x: row.x + 1, y: row.y, style: style, maxWidth: row.width - 2 - keyWidth)
            if let key = item.key {
                buffer.write(key, x: row.maxX - DisplayWidth.of(key) - 1, y: row.y,
                             style: index == cursor.selected ? style : theme.accent)
            }
        }
    }
}

extension Key {
    /// The character of a `.char` key, for matching Ctrl-letter editing keys.
    public var character: Character? {
        if case .char(let c) = self { return c }
        return nil
    }
}
