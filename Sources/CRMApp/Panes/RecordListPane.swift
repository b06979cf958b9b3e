import CRMCore
import TerminalUI

/// A list of records as a pane — the one every record list is (accounts, contacts, partners,
/// leads, unprocessed leads): its query and virtualised window (`QueryList`), its columns and
/// marker, new and the actions on the selected row, the list's own commands (cursor, filter,
/// sort, saved filters, columns), the host's view tabs, and the context menu of the row. A list
/// with more (grouping) subclasses it (`OpportunityList`).
class RecordListPane<Repository: KeysetRepository>: Pane
where Repository.Query.Record: Identifiable, Repository.Query.Record.ID == Int64 {
    typealias Record = Repository.Query.Record

    let list: QueryList<Repository>
    let contexts: [KeyContext]
    /// The screen showing the list, which the row actions reload (or leave, after a delete).
    weak var host: Screen?
    /// The host's commands between the list's and the context menu: its view tabs.
    var hostCommands: (AppController) -> [Command] = { _ in [] }
    private let columns: (AppController) -> [TableColumn<Record>]
    private let marker: ((Record) -> String)?
    private let name: (Record) -> String
    /// New, and the actions on the selected row (nil when the list is empty).
    private let rowCommands: (Record?, Screen) -> [Command]
    /// Which records the list can select when a form opened from it created one, and the view
    /// that shows any of them.
    private let created: EntityKind
    private let widen: (inout Repository.Query) -> Void

    init(list: QueryList<Repository>, contexts: [KeyContext] = [.list], created: EntityKind,
         widen: @escaping (inout Repository.Query) -> Void, name: @escaping (Record) -> String,
         rowCommands: @escaping (Record?, Screen) -> [Command],
         columns: @escaping (AppController) -> [TableColumn<Record>], marker: ((Record) -> String)? = nil) {
        self.list = list
        self.contexts = contexts
        self.created = created
        self.widen = widen
        self.name = name
        self.rowCommands = rowCommands
        self.columns = columns
        self.marker = marker
    }

    var selected: Record? { list.selected }
    var isTyping: Bool { list.pane.isEditingFilter }

    func commands(app: AppController) -> [Command] {
        guard let host else { return [] }
        let rows = rowCommands(list.selected, host)
        let menu = rows.contains { $0.placement.contains(.menu) } ? [Command.contextMenu(titled: list.selected.map(name))] : []
        return rows + listCommands(app: app) + hostCommands(app) + menu
    }

    /// The list's own commands: cursor, filter, sort, saved filters, columns.
    func listCommands(app: AppController) -> [Command] { list.commands(app: app) }

    /// The columns drawn in `rect`.
    func columns(in rect: Rect, app: AppController) -> [TableColumn<Record>] { columns(app) }

    func handleKey(_ event: KeyEvent, app: AppController) -> Bool { list.handleKey(event, app: app) }
    func reload(app: AppController) { list.reload(app: app) }
    func refresh(in rect: Rect, app: AppController) { list.refresh(in: rect, app: app) }

    func reveal(_ record: CreatedRecord, app: AppController) -> Bool {
        guard record.entity == created else { return false }
        list.reveal(id: record.id, app: app, widen: widen)
        return true
    }

    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        list.render(columns: columns(in: rect, app: app), into: &buffer, rect: rect, app: app, contexts: contexts, marker: marker)
    }
}

/// A screen that is one pane (a list): keys, data and drawing go to the pane.
protocol SinglePaneScreen: Screen {
    var pane: Pane { get }
}

extension SinglePaneScreen {
    var contexts: [KeyContext] { pane.contexts }
    var isTyping: Bool { pane.isTyping }
    func commands(app: AppController) -> [Command] { pane.commands(app: app) }
    func handleKey(_ event: KeyEvent, app: AppController) -> Bool { pane.handleKey(event, app: app) }
    func reload(app: AppController) { pane.reload(app: app) }
    func refresh(in rect: Rect, app: AppController) { pane.refresh(in: rect, app: app) }
    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) { pane.render(into: &buffer, rect: rect, app: app) }
    func reveal(_ record: CreatedRecord, app: AppController) -> Bool { pane.reveal(record, app: app) }
}
