import TerminalUI

/// One entry of a popup menu: a title, the key that also runs it, and what it does.
public struct MenuItem: MenuEntry {
    public let title: String
    public let key: String?
    public let action: (AppController) -> Void

    public init(title: String, key: String? = nil, action: @escaping (AppController) -> Void) {
        self.title = title
        self.key = key
        self.action = action
    }
}

/// A popup list of choices (SH-7 context menus, the sidebar's actions, select fields) as a
/// popup of the app: the popup context's keys move in its `MenuList` and run the chosen item.
public final class MenuPopup: Overlay {
    public let title: String
    private var list: MenuList<MenuItem>

    /// A fixed menu.
    public init(title: String, items: [MenuItem], selected: Int = 0) {
        self.title = title
        list = MenuList(items: items, selected: selected)
    }

    /// A menu whose items come from `search(query)`, asked again after every keystroke.
    public init(title: String, emptyText: String, noMatch: ((String) -> String)? = nil,
                search: @escaping (String) -> [MenuItem]) {
        self.title = title
        list = MenuList(emptyText: emptyText, noMatch: noMatch, search: search)
    }

    public func handleKey(_ event: KeyEvent, command: CommandID?, app: AppController) {
        if list.type(event) { return }
        switch command {
        case .cursorDown: list.down()
        case .cursorUp: list.up()
        case .popupClose: app.dismiss(self)
        case .popupAccept:
            guard let item = list.selectedItem else { return }
            app.dismiss(self)
            item.action(app)
        default:
            // A menu item's own key runs it directly (e.g. "e" for Edit in a context menu).
            if let item = list.item(forKey: event.description) {
                app.dismiss(self)
                item.action(app)
            }
        }
    }

    public func render(into buffer: inout ScreenBuffer, bounds: Rect, app: AppController) {
        list.render(title: title, into: &buffer, bounds: bounds, theme: app.theme)
    }
}
