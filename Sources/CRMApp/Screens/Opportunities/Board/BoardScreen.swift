import CRMCore
import CRMStore
import TerminalUI

/// The Kanban board of opportunities (OP-3): a column per status with its count and total in
/// the base currency, cards moved between statuses with `<` and `>`.
///
/// Every column is a virtualised window over its status (keyset pages through
/// `opportunities_by_status`), so columns of any size stay instant; the totals come from one
/// grouped query per data change. The board shares the list's query and filter, so the list
/// view and the board always show the same opportunities.
final class BoardScreen: Screen, SavedFilterHost {
    let section = Section.opportunities
    var columns: [BoardColumn] = []
    var focused = 0
    var firstVisible = 0
    var showsBreakdown = false
    var filterLine = FilterLine()
    /// Why the typed filter could not be applied (FI-2); the board keeps `lastGoodFilter`.
    var filterError: FilterError?
    var lastGoodFilter = ""
    /// The saved filter the board shows, if any (FI-1).
    var savedFilterInUse: SavedFilter?
    /// What every column shows, without its status; the filter lives here.
    var query = OpportunityQuery()
    var rates: ExchangeRateTable?
    /// Cards per column that fit on screen, known after the first `refresh`.
    var cardsPerColumn = 4
    /// Set when the data changed; the next `refresh` reads the statuses, totals and windows again.
    var needsReload = true
    /// A card to show selected after the next reload (where a move took it).
    var follow: Opportunity?

    var breadcrumb: String { "Opportunities › Board" }
    var tabs: [String] { OpportunityTabs.titles }
    var activeTab: Int { OpportunityTabs.boardIndex }
    var contexts: [KeyContext] { [.board, .opportunity, .list] }
    var isTyping: Bool { filterLine.isEditing }
    var sidebarActions: [CommandID] {
        ["board.move.next", "board.move.prev", "opportunity.status.move", "record.open", "record.new", "record.edit", "opportunity.activity.new",
         "board.breakdown", "filter.edit", "filter.saved", "tab.next", "menu.context"]
    }

    /// The opportunity under the cursor of the focused column (for open and the context menu).
    var selectedOpportunity: Opportunity? {
        columns.indices.contains(focused) ? columns[focused].selected : nil
    }

    func handleKey(_ event: KeyEvent, app: AppController) -> Bool {
        filterLine.handleKey(event, typingFollows: app.typedCharacterWaits()) { text in applyFilter(text) }
    }

    /// The board's own commands; the rest are `OpportunityActions` on the selected card.
    private static let ownCommands = CommandRegistry.cursorMoves.union([
        "board.column.next", "board.column.prev", "board.move.next", "board.move.prev", "board.breakdown",
        "filter.edit", "filter.clear", "filter.saved", "tab.next", "tab.prev", "record.new",
    ])

    func offers(_ command: CommandID) -> Bool {
        Self.ownCommands.contains(command) || OpportunityActions.commands.contains(command)
    }

    func handle(_ command: CommandID, app: AppController) -> Bool {
        switch command {
        case "board.column.next": focus(focused + 1)
        case "board.column.prev": focus(focused - 1)
        case "board.move.next": move(by: 1, app: app)
        case "board.move.prev": move(by: -1, app: app)
        case "board.breakdown":
            showsBreakdown.toggle()
        case "filter.edit": filterLine.startEditing()
        case "filter.clear": filterLine.clear { text in applyFilter(text) }
        case "filter.saved": SavedFilterMenu.present(for: self, app: app)
        case "tab.next", "tab.prev":
            OpportunityTabs.show(OpportunityTabs.boardIndex + (command == "tab.next" ? 1 : -1), app: app)
        case "record.new":
            let status = columns.indices.contains(focused) ? columns[focused].status.id : nil
            app.push(OpportunityForm.create(app: app, statusID: status))
        default:
            guard columns.indices.contains(focused) else { return offers(command) }
            if let moved = app.attempt("Could not read the board", { try columns[focused].run(command) }), moved {
                return true
            }
            guard let opportunity = selectedOpportunity else { return offers(command) }
            return OpportunityActions.run(command, on: opportunity, app: app, from: self)
        }
        return true
    }

    // MARK: - Saved filters (FI-1): the board keeps its filter text only

    var filterList: FilterList { .board }

    var currentView: ListView {
        var view = ListView()
        view.filter = query.filter
        view.savedFilter = savedFilterInUse
        return view
    }

    func apply(_ saved: SavedFilter, app: AppController) {
        savedFilterInUse = saved
        filterLine.input.set(saved.fields.query)
        applyFilter(saved.fields.query)
    }

    func adopt(_ saved: SavedFilter) {
        savedFilterInUse = saved
    }

    func reload(app: AppController) { needsReload = true }

    func statusHints(app: AppController) -> [String]? {
        if let filterError {
            // Stays until the filter is mended: the board shows the last filter that worked.
            return ["✗ \(filterError.description) · showing the last filter that worked"]
        }
        func key(_ id: CommandID) -> String { app.bindings.keyLabel(for: id, in: contexts) ?? "?" }
        return [
            "\(key("board.column.prev"))/\(key("board.column.next")) column",
            "\(key("cursor.down"))/\(key("cursor.up")) card",
            "\(key("board.move.prev"))/\(key("board.move.next")) move",
            "\(key("board.breakdown")) currencies",
            "\(key("filter.edit")) filter",
            "\(key("help.show")) help",
        ]
    }

    private func focus(_ column: Int) {
        focused = max(0, min(column, columns.count - 1))
    }

    /// A new filter: every column starts again from its first card.
    private func applyFilter(_ text: String) {
        query.filter = text
        needsReload = true
    }
}
