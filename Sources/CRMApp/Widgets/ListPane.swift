import CRMCore
import TerminalUI

/// The behaviour every record list shares: a virtualised window over a paged source, cursor
/// motion, a quick filter that narrows the list as you type, and a footer with the count.
///
/// Screens own the query (view, sort, filter) inside their `Source` and hand a new source
/// here whenever it changes.
public final class ListPane<Source: PagedSource> {
    public private(set) var source: Source
    public private(set) var window: ListWindow<Source.Row>
    public private(set) var count = BoundedCount(value: 0, isExact: true)
    public var filter = TextInput("", maxLength: 200)
    public private(set) var isEditingFilter = false
    private let noun: String
    /// False for short lists without a quick filter (a record's timeline): no filter line.
    private let hasFilter: Bool

    public init(source: Source, noun: String, hasFilter: Bool = true) {
        self.source = source
        self.noun = noun
        self.hasFilter = hasFilter
        window = ListWindow(height: 10)
    }

    public var selected: Source.Row? { window.selectedRow }

    /// Replaces the source (new sort, view or filter) and starts at the top.
    public func replaceSource(_ newSource: Source, app: AppController) {
        source = newSource
        app.attempt("Could not read the list") {
            try window.loadFirst(from: source)
            count = try source.count()
        }
    }

    /// Re-reads the visible rows in place (after an edit here or a commit elsewhere).
    public func reload(app: AppController) {
        app.attempt("Could not read the list") {
            try window.refresh(from: source)
            count = try source.count()
        }
    }

    /// Cursor and filter commands; returns false for anything else.
    public func handle(_ command: CommandID, app: AppController, filterChanged: (String) -> Void) -> Bool {
        let result: Bool? = app.attempt("Could not read the list") { () throws -> Bool in
            switch command {
            case "cursor.down": try window.moveDown(in: source)
            case "cursor.up": try window.moveUp(in: source)
            case "cursor.page.down": try window.pageDown(in: source)
            case "cursor.page.up": try window.pageUp(in: source)
            case "cursor.start": try window.loadFirst(from: source)
            case "cursor.end": try window.loadLast(from: source, total: count)
            case "filter.edit":
                guard hasFilter else { return false }
                isEditingFilter = true
            case "filter.clear":
                guard hasFilter else { return false }
                isEditingFilter = false
                filter.set("")
                filterChanged("")
            default: return false
            }
            return true
        }
        return result ?? true
    }

    /// Typing into the quick filter while it has the focus: every keystroke re-queries.
    public func handleFilterKey(_ event: KeyEvent, filterChanged: (String) -> Void) -> Bool {
        guard isEditingFilter else { return false }
        switch event.key {
        case .enter:
            isEditingFilter = false
            return true
        case .escape:
            isEditingFilter = false
            if !filter.text.isEmpty {
                filter.set("")
                filterChanged("")
            }
            return true
        case .up, .down, .pageUp, .pageDown:
            isEditingFilter = false
            return false
        default:
            let before = filter.text
            guard filter.apply(event) else { return false }
            if filter.text != before { filterChanged(filter.text) }
            return true
        }
    }

    /// Draws the filter line, the table and the footer into `rect`.
    public func render(columns: [TableColumn<Source.Row>], sortColumn: Int?, ascending: Bool,
                       into buffer: inout ScreenBuffer, rect: Rect, theme: Theme,
                       filterKey: String?, marker: ((Source.Row) -> String)? = nil) {
        let (filterRow, rest) = rect.splitTop(hasFilter ? 1 : 0)
        let (tableRect, footerRow) = rest.splitBottom(1)
        if hasFilter { renderFilterLine(into: &buffer, rect: filterRow, theme: theme, filterKey: filterKey) }
        let rowsVisible = max(1, tableRect.height - 1)
        if rowsVisible != window.height {
            try? window.resize(to: rowsVisible, source: source)
        }
        TableView.render(window.rows, columns: columns, selected: window.rows.isEmpty ? nil : window.selected,
                         sortColumn: sortColumn, ascending: ascending, into: &buffer, rect: tableRect,
                         theme: theme, marker: marker)
        if window.rows.isEmpty {
            let text = filter.text.isEmpty ? "No \(noun) here yet." : "No \(noun) match “\(filter.text)”."
            buffer.write(text, x: tableRect.x + 2, y: tableRect.y + 2, style: theme.dim, maxWidth: tableRect.width - 4)
        }
        var footer = "\(count) \(noun)"
        if let position = window.position, !window.rows.isEmpty {
            footer = "\(BoundedCount(value: position + 1, isExact: true)) of " + footer
        }
        buffer.write(footer, x: footerRow.x + 1, y: footerRow.y, style: theme.dim, maxWidth: footerRow.width - 2)
    }

    private func renderFilterLine(into buffer: inout ScreenBuffer, rect: Rect, theme: Theme, filterKey: String?) {
        let label = "Filter: "
        buffer.write(label, x: rect.x + 1, y: rect.y, style: isEditingFilter ? theme.accent : theme.dim)
        let x = rect.x + 1 + DisplayWidth.of(label)
        if isEditingFilter || !filter.text.isEmpty {
            filter.render(into: &buffer, x: x, y: rect.y, width: max(10, rect.width - x - 2 + rect.x),
                          style: isEditingFilter ? theme.input : theme.accent, showCursor: isEditingFilter)
        } else if let filterKey {
            buffer.write("press \(filterKey) and type to narrow the list", x: x, y: rect.y, style: theme.dim,
                         maxWidth: rect.maxX - x - 1)
        }
    }
}
