import CRMCore
import TerminalUI

/// One way to sort a list: what the status line calls it, which column (by title) shows the
/// arrow, and the direction it starts in when `s` picks it — A to Z for names, newest or
/// biggest first for dates of change and amounts.
public struct SortChoice<Sort> {
    public let title: String
    public let sort: Sort
    public let column: String?
    public let startsAscending: Bool

    public init(title: String, sort: Sort, column: String?, startsAscending: Bool = true) {
        self.title = title
        self.sort = sort
        self.column = column
        self.startsAscending = startsAscending
    }
}

/// A list screen's query and its virtualised pane, with the commands every record list
/// shares: cursor motion, the quick filter, sorting, choosing columns and saved filters (FI-1).
/// Screens add their columns and actions.
public final class QueryList<Repository: KeysetRepository>: SavedFilterHost
where Repository.Query.Record: Identifiable, Repository.Query.Record.ID == Int64 {
    public typealias Source = RepositorySource<Repository>
    public private(set) var query: Repository.Query
    public let sorts: [SortChoice<Repository.Query.Sort>]
    public let pane: ListPane<Source>
    /// Which saved filters belong to this list.
    let filterList: FilterList
    /// Chosen columns, grouping and the saved filter in use, beside the query.
    private(set) var view = ListView()
    /// The titles of every column the screen offers, as last drawn (for the column chooser).
    private(set) var columnTitles: [String] = []
    /// The titles of the columns shown while none are chosen (all but those hidden by default).
    private(set) var defaultColumnTitles: [String] = []
    /// Chosen columns the last frame had no room for (the column chooser says so).
    private(set) var columnsWithoutRoom: Set<String> = []
    private var sortIndex = 0
    private let repository: (AppController) -> Repository

    init(query: Repository.Query, sorts: [SortChoice<Repository.Query.Sort>], noun: String, filterList: FilterList,
         app: AppController, repository: @escaping (AppController) -> Repository) {
        self.query = query
        self.sorts = sorts
        self.filterList = filterList
        self.repository = repository
        pane = ListPane(source: Source(repository: repository(app), query: query), noun: noun)
        if let preset = try? app.session.savedFilters.roleDefault(for: filterList) {
            apply(preset, app: app)
        } else {
            pane.replaceSource(pane.source, app: app)
        }
    }

    /// The list's current state, as a saved filter would keep it.
    var currentView: ListView {
        var current = view
        current.filter = query.filter
        current.sort = sorts[sortIndex].title
        current.ascending = query.ascending
        current.grouping = query.groupingKey
        return current
    }

    /// Shows the list as `saved` describes it: filter, sort, direction, columns and grouping.
    func apply(_ saved: SavedFilter, app: AppController) {
        view = ListView(saved)
        sortIndex = sorts.firstIndex { $0.title == saved.fields.sort } ?? 0
        pane.filterLine.input.set(saved.fields.query)
        let sort = sorts[sortIndex].sort
        update(app: app) {
            $0.filter = saved.fields.query
            $0.sort = sort
            $0.ascending = saved.fields.ascending
            $0.groupingKey = saved.fields.grouping
        }
    }

    /// Changes the chosen columns; the saved filter in use stays offered for update.
    func changeView(_ change: (inout ListView) -> Void) {
        change(&view)
    }

    var savedFilterInUse: SavedFilter? { view.savedFilter }

    func adopt(_ saved: SavedFilter) {
        view.savedFilter = saved
    }

    /// The title of the column the list is sorted by, if it has one.
    public var sortColumn: String? { sorts[sortIndex].column }
    public var selected: Repository.Query.Record? { pane.selected }

    /// Changes the query (e.g. the view tab) and reads the list again from the top.
    public func update(app: AppController, _ change: (inout Repository.Query) -> Void) {
        change(&query)
        pane.replaceSource(Source(repository: repository(app), query: query), app: app)
    }

    /// Switches to the sort choice of `sort` (when a mode such as grouping dictates the order),
    /// changing the query too with `change`, and reads the list again from the top.
    public func choose(_ sort: Repository.Query.Sort, app: AppController, _ change: (inout Repository.Query) -> Void = { _ in }) {
        sortIndex = sorts.firstIndex { $0.sort == sort } ?? sortIndex
        update(app: app) { query in
            change(&query)
            query.sort = sort
        }
    }

    public func handleKey(_ event: KeyEvent, app: AppController) -> Bool {
        pane.handleFilterKey(event, app: app) { text in update(app: app) { $0.filter = text } }
    }

    /// The commands every record list shares: cursor motion, the quick filter, sorting, saved
    /// filters and the column chooser.
    public func commands(app: AppController) -> [Command] {
        pane.commands { [unowned self] text in update(app: app) { $0.filter = text } } + [
            Command(.filterSaved, [.sidebar]) { [unowned self] app in SavedFilterMenu.present(for: self, app: app) },
            Command(.columnsChoose, [.sidebar]) { [unowned self] app in ColumnChooser.present(for: self, app: app) },
            // A list with one sort has nothing to cycle through: its sidebar offers reversing.
            Command(.sortNext, sorts.count > 1 ? [.sidebar] : []) { [unowned self] app in
                sortIndex = (sortIndex + 1) % sorts.count
                let choice = sorts[sortIndex]
                update(app: app) {
                    $0.sort = choice.sort
                    $0.ascending = choice.startsAscending
                }
                app.show(message: "Sorted by \(choice.title)")
            },
            Command(.sortReverse, sorts.count > 1 ? [] : [.sidebar]) { [unowned self] app in update(app: app) { $0.ascending.toggle() } },
        ]
    }

    public func reload(app: AppController) { pane.reload(app: app) }

    /// Reads what the next frame shows in `rect` (see `ListPane.refresh`).
    public func refresh(in rect: Rect, app: AppController) { pane.refresh(in: rect, app: app) }

    /// Selects the record `id` (just created); when the view or the filter leaves it out, the
    /// filter is cleared and `widen` picks a view that holds it, and it is selected there.
    public func reveal(id: Int64, app: AppController, widen: (inout Repository.Query) -> Void) {
        guard let record = app.attempt("Could not show the new record", { try repository(app).get(id: id) }) else { return }
        if pane.reveal(record, app: app) { return }
        pane.filterLine.clear { _ in }
        update(app: app) { query in
            query.filter = ""
            widen(&query)
        }
        _ = pane.reveal(record, app: app)
    }

    public func render(columns: [TableColumn<Repository.Query.Record>], into buffer: inout ScreenBuffer, rect: Rect,
                       app: AppController, contexts: [KeyContext],
                       marker: ((Repository.Query.Record) -> String)? = nil) {
        columnTitles = columns.map(\.title)
        defaultColumnTitles = columns.filter { !$0.hiddenByDefault }.map(\.title)
        let shown = view.visible(columns)
        let fitting = TableView.fittingCount(shown, width: rect.width, hasMarker: marker != nil)
        columnsWithoutRoom = Set(shown.dropFirst(fitting).map(\.title))
        let sortColumn = sortColumn.flatMap { title in shown.firstIndex { $0.title == title } }
        pane.render(columns: shown, sortColumn: sortColumn, ascending: query.ascending, into: &buffer, rect: rect,
                    theme: app.theme, filterKey: app.bindings.keyLabel(for: .filterEdit, in: contexts), marker: marker)
    }
}
