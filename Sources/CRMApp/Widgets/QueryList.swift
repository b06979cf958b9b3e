import CRMCore
import TerminalUI

/// One way to sort a list: what the status line calls it and which column shows the arrow.
public struct SortChoice<Sort> {
    public let title: String
    public let sort: Sort
    public let column: Int?
}

/// A list screen's query and its virtualised pane, with the commands every record list
/// shares: cursor motion, the quick filter, sorting. Screens add their columns and actions.
public final class QueryList<Repository: KeysetRepository>
where Repository.Query.Record: Identifiable, Repository.Query.Record.ID == Int64 {
    public typealias Source = RepositorySource<Repository>
    public private(set) var query: Repository.Query
    public let sorts: [SortChoice<Repository.Query.Sort>]
    public let pane: ListPane<Source>
    private var sortIndex = 0
    private let repository: (AppController) -> Repository

    public init(query: Repository.Query, sorts: [SortChoice<Repository.Query.Sort>], noun: String,
                app: AppController, repository: @escaping (AppController) -> Repository) {
        self.query = query
        self.sorts = sorts
        self.repository = repository
        pane = ListPane(source: Source(repository: repository(app), query: query), noun: noun)
        pane.replaceSource(pane.source, app: app)
    }

    public var sortColumn: Int? { sorts[sortIndex].column }
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
        pane.handleFilterKey(event) { text in update(app: app) { $0.filter = text } }
    }

    /// Cursor, filter and sort commands; false for anything else.
    public func handle(_ command: CommandID, app: AppController) -> Bool {
        if pane.handle(command, app: app, filterChanged: { text in update(app: app) { $0.filter = text } }) {
            return true
        }
        switch command {
        case "sort.next":
            sortIndex = (sortIndex + 1) % sorts.count
            let choice = sorts[sortIndex]
            update(app: app) { $0.sort = choice.sort }
            app.show(message: "Sorted by \(choice.title)")
        case "sort.reverse":
            update(app: app) { $0.ascending.toggle() }
        default:
            return false
        }
        return true
    }

    public func reload(app: AppController) { pane.reload(app: app) }

    public func render(columns: [TableColumn<Repository.Query.Record>], into buffer: inout ScreenBuffer, rect: Rect,
                       app: AppController, contexts: [KeyContext],
                       marker: ((Repository.Query.Record) -> String)? = nil) {
        pane.render(columns: columns, sortColumn: sortColumn, ascending: query.ascending, into: &buffer, rect: rect,
                    theme: app.theme, filterKey: app.bindings.keyLabel(for: "filter.edit", in: contexts), marker: marker)
    }
}
