import CRMCore
import TerminalUI

/// What a list shows besides its rows: the state a saved filter (FI-1) captures and restores.
///
/// Lists keep one of these; saving a filter writes it out, applying one reads it back.
struct ListView: Equatable {
    var filter = ""
    /// The title of the sort choice (`SortChoice.title`).
    var sort: String?
    var ascending = true
    /// Column titles shown, in order; empty shows every column.
    var columns: [String] = []
    /// The list's grouping key, `nil` for none.
    var grouping: String?
    /// The saved filter this view came from, to offer "update it".
    var savedFilter: SavedFilter?

    init() {}

    init(_ saved: SavedFilter) {
        filter = saved.fields.query
        sort = saved.fields.sort
        ascending = saved.fields.ascending
        columns = saved.fields.columns
        grouping = saved.fields.grouping
        savedFilter = saved
    }

    /// This view as the fields of a saved filter named `name`.
    func draft(named name: String, list: FilterList, isPublic: Bool) -> SavedFilterDraft {
        SavedFilterDraft(name: name, list: list, query: filter, columns: columns, sort: sort, ascending: ascending,
                         grouping: grouping, isPublic: isPublic)
    }

    /// Whether this view shows what `saved` describes (the "✓" in the saved-filter menu).
    func matches(_ saved: SavedFilterDraft) -> Bool {
        filter == saved.query && columns == saved.columns && ascending == saved.ascending && grouping == saved.grouping
            && (saved.sort == nil || sort == saved.sort)
    }

    /// Only the columns this view shows (those not hidden by default when none are chosen), in
    /// the view's order.
    func visible<Row>(_ columns: [TableColumn<Row>]) -> [TableColumn<Row>] {
        let defaults = columns.filter { !$0.hiddenByDefault }
        guard !self.columns.isEmpty else { return defaults }
        let chosen = self.columns.compactMap { title in columns.first { $0.title == title } }
        return chosen.isEmpty ? defaults : chosen
    }
}
