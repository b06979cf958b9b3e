import CRMCore
import CRMStore

/// A list or board whose view can be saved as a filter and restored from one (FI-1).
protocol SavedFilterHost: AnyObject {
    /// Which saved filters belong here.
    var filterList: FilterList { get }
    /// The current filter, sort, columns and grouping.
    var currentView: ListView { get }
    /// The saved filter the view came from, if any.
    var savedFilterInUse: SavedFilter? { get }
    func apply(_ saved: SavedFilter, app: AppController)
    /// Remembers `saved` as the filter in use (after saving the view under its name).
    func adopt(_ saved: SavedFilter)
}

/// The saved-filter popup of a list (FI-1): apply one, save the current view (new, or over the
/// filter in use), or open the manager.
enum SavedFilterMenu {
    static func present(for list: some SavedFilterHost, app: AppController) {
        let filters = app.attempt("Could not read the saved filters") { try app.session.savedFilters.list(list.filterList) } ?? []
        var items = filters.map { filter in
            let owner = filter.ownerID == app.session.user.id ? "" : " · " + app.session.userName(filter.ownerID)
            let shown = filter.id == list.savedFilterInUse?.id && list.currentView.matches(filter.fields)
            let marks = (filter.fields.isPublic ? " (public)" : "") + (shown ? " ✓" : "")
            return MenuItem(title: filter.name + marks + owner) { app in
                list.apply(filter, app: app)
                app.show(message: "Showing “\(filter.name)”")
            }
        }
        items.append(MenuItem(title: "Save the current view as…") { app in
            app.push(SavedFilterForm.create(from: list.currentView, list: list.filterList, app: app) { saved, _ in
                list.adopt(saved)
            })
        })
        if let inUse = list.savedFilterInUse {
            items.append(MenuItem(title: "Update “\(inUse.name)” with the current view") { app in
                let draft = list.currentView.draft(named: inUse.name, list: list.filterList, isPublic: inUse.fields.isPublic)
                if let saved = app.attempt("Could not update the filter", {
                    try app.session.savedFilters.update(id: inUse.id, with: draft, expectedVersion: inUse.version)
                }) {
                    list.adopt(saved)
                    app.show(message: "Updated “\(saved.name)”")
                }
            })
        }
        items.append(MenuItem(title: "Manage saved filters…") { app in
            app.push(SavedFiltersScreen(list: list.filterList, section: app.section, app: app) { filter, app in
                list.apply(filter, app: app)
            })
        })
        app.present(MenuPopup(title: "Saved filters · \(list.filterList.title)", items: items))
    }
}

/// The column chooser of a list: toggles one column at a time and stays open, so several can be
/// switched in a row; at least one column always remains.
enum ColumnChooser {
    static func present<Repository>(for list: QueryList<Repository>, app: AppController, selected: Int = 0) {
        let all = list.columnTitles
        let defaults = list.defaultColumnTitles
        let shown = list.view.columns.isEmpty ? defaults : list.view.columns
        let items = all.enumerated().map { index, title in
            let room = list.columnsWithoutRoom.contains(title) ? " — no room at this width" : ""
            return MenuItem(title: (shown.contains(title) ? "[x] " : "[ ] ") + title + room) { app in
                var next = shown.contains(title) ? shown.filter { $0 != title } : shown + [title]
                next = all.filter(next.contains)
                if next.isEmpty {
                    app.show(error: "A list shows at least one column")
                } else {
                    list.changeView { $0.columns = next == defaults ? [] : next }
                }
                present(for: list, app: app, selected: index)
            }
        }
        app.present(MenuPopup(title: "Columns (Enter toggles, Esc closes)", items: items, selected: selected))
    }
}
