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

    /// The opportunity under the cursor of the focused column (for open and the context menu).
    var selectedOpportunity: Opportunity? {
        columns.indices.contains(focused) ? columns[focused].selected : nil
    }

    func handleKey(_ event: KeyEvent, app: AppController) -> Bool {
        filterLine.handleKey(event, typingFollows: app.typedCharacterWaits()) { text in applyFilter(text) }
    }

    /// Moving cards and the focus, new, the OP-5 actions on the selected card, the breakdown,
    /// the filter, saved filters and the tabs.
    func commands(app: AppController) -> [Command] {
        let column = columns.indices.contains(focused) ? columns[focused] : nil
        let cursor = [CommandID.cursorDown, .cursorUp, .cursorPageDown, .cursorPageUp, .cursorStart, .cursorEnd].map { id in
            Command.on(column, id, missing: "The board has no columns") { column, app in
                app.attempt("Could not read the board") { _ = try column.run(id) }
            }
        }
        return [
            Command(.boardMoveNext, [.sidebar]) { [unowned self] app in move(by: 1, app: app) },
            Command(.boardMovePrev, [.sidebar]) { [unowned self] app in move(by: -1, app: app) },
            Command(.recordNew, [.sidebar]) { app in app.push(OpportunityForm.create(app: app, statusID: column?.status.id)) },
        ] + OpportunityActions.commands(for: selectedOpportunity, at: .board, from: self) + [
            Command(.boardBreakdown, [.sidebar]) { [unowned self] _ in showsBreakdown.toggle() },
            Command(.filterEdit, [.sidebar]) { [unowned self] _ in filterLine.startEditing() },
            Command(.filterClear) { [unowned self] _ in filterLine.clear { text in applyFilter(text) } },
            Command(.filterSaved, [.sidebar]) { [unowned self] app in SavedFilterMenu.present(for: self, app: app) },
            Command(.tabNext, [.sidebar]) { OpportunityTabs.show(OpportunityTabs.boardIndex + 1, app: $0) },
            Command(.tabPrev) { OpportunityTabs.show(OpportunityTabs.boardIndex - 1, app: $0) },
            Command.contextMenu(titled: selectedOpportunity?.name),
            Command(.boardColumnNext) { [unowned self] _ in focus(focused + 1) },
            Command(.boardColumnPrev) { [unowned self] _ in focus(focused - 1) },
        ] + cursor
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
            "\(key(.boardColumnPrev))/\(key(.boardColumnNext)) column",
            "\(key(.cursorDown))/\(key(.cursorUp)) card",
            "\(key(.boardMovePrev))/\(key(.boardMoveNext)) move",
            "\(key(.boardBreakdown)) currencies",
            "\(key(.filterEdit)) filter",
            "\(key(.helpShow)) help",
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
