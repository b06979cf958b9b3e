import CRMCore
import CRMStore
import TerminalUI

/// Manages the saved filters of one list (FI-1): apply, edit (rename, change the conditions,
/// make public), delete, and — for administrators — make a public filter a role's default.
final class SavedFiltersScreen: Screen {
    let section: Section
    private let list: FilterList
    private let applyFilter: (SavedFilter, AppController) -> Void
    private var filters: [SavedFilter] = []
    private var cursor = RowCursor()
    private var selected: Int { cursor.selected }

    init(list: FilterList, section: Section, app: AppController, apply: @escaping (SavedFilter, AppController) -> Void) {
        self.list = list
        self.section = section
        applyFilter = apply
        reload(app: app)
    }

    var breadcrumb: String { "\(list.title) › Saved filters" }
    var contexts: [KeyContext] { [.settings, .list] }

    func reload(app: AppController) {
        filters = app.attempt("Could not read the saved filters") { try app.session.savedFilters.list(list) } ?? []
        cursor.resize(count: filters.count)
    }

    func commands(app: AppController) -> [Command] {
        let filter = filters.indices.contains(selected) ? filters[selected] : nil
        let action = { (id: CommandID, run: @escaping (SavedFilter, AppController) -> Void) in
            Command.on(filter, id, [.sidebar], missing: "There is no saved filter here", action: run)
        }
        return [
            action(.recordOpen) { [applyFilter] filter, app in
                app.pop()
                applyFilter(filter, app)
                app.show(message: "Showing “\(filter.name)”")
            },
            action(.recordEdit) { filter, app in app.push(SavedFilterForm.edit(filter, app: app)) },
            action(.recordDelete) { [unowned self] filter, app in
                app.confirm("Delete the saved filter “\(filter.name)”?") { app in
                    if app.attempt("Could not delete", {
                        try app.session.savedFilters.delete(id: filter.id, expectedVersion: filter.version)
                    }) != nil {
                        self.reload(app: app)
                        app.show(message: "Deleted “\(filter.name)”")
                    }
                }
            },
            action(.filterDefault) { [unowned self] filter, app in chooseRoles(for: filter, app: app) },
        ] + Command.rowMoves { [unowned self] move in move(&cursor) }
            .filter { [.cursorDown, .cursorUp, .cursorStart, .cursorEnd].contains($0.id) }
    }

    /// Which roles get `filter` as the list's default: a tick list, one role per choice.
    private func chooseRoles(for filter: SavedFilter, app: AppController) {
        app.present(MenuPopup(title: "Default of which role?", items: Role.allCases.map { role in
            let isDefault = filter.defaultForRoles.contains(role)
            return MenuItem(title: (isDefault ? "[x] " : "[ ] ") + role.title) { app in
                if app.attempt("Could not change the default", {
                    try app.session.savedFilters.setRoleDefault(role, list: self.list, filterID: isDefault ? nil : filter.id)
                }) != nil {
                    app.show(message: isDefault ? "\(role.title) has no default filter now"
                             : "“\(filter.name)” is the default of \(role.title)")
                }
                self.reload(app: app)
            }
        }))
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        let inner = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: rect.height)
        guard !filters.isEmpty else {
            let key = app.bindings.keyLabel(for: .filterSaved, in: [.list]) ?? "F"
            buffer.write("No saved filters yet. In the list, press \(key) and choose “Save the current view as…”.",
                         x: inner.x + 1, y: inner.y + 1, style: app.theme.dim, maxWidth: inner.width - 2)
            return
        }
        let session = app.session
        let columns: [TableColumn<SavedFilter>] = [
            TableColumn("Name", minWidth: 16, weight: 2) { $0.name },
            TableColumn("Filter", minWidth: 16, weight: 3) { $0.fields.query },
            TableColumn("Shared", minWidth: 8) { $0.fields.isPublic ? "public" : "personal" },
            TableColumn("Owner", minWidth: 10, weight: 1) { session.userName($0.ownerID) },
            TableColumn("Default for", minWidth: 12, weight: 1) { $0.defaultForRoles.map(\.title).joined(separator: ", ") },
        ]
        SelectableRows.render(filters, cursor: &cursor, empty: "", columns: columns, into: &buffer, rect: inner,
                              theme: app.theme)
    }
}
