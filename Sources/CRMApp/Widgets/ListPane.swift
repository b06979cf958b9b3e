import CRMCore
import TerminalUI

/// The behaviour every record list shares: a virtualised window over a paged source, cursor
/// motion, a quick filter that narrows the list as you type, and a footer with the count.
///
/// Screens own the query (view, sort, filter) inside their `Source` and hand a new source
/// here whenever it changes. It reads as every screen does (`Screen`): `reload` marks the rows
/// stale, `refresh` reads them and the window that fits the pane, `render` only draws.
public final class ListPane<Source: PagedSource> where Source.Count == BoundedCount {
    public private(set) var source: Source
    public private(set) var window: ListWindow<Source.Row>
    public private(set) var count = BoundedCount(value: 0, isExact: true)
    public var filterLine = FilterLine()
    /// Why the filter text could not be applied (FI-2); the rows of the last good filter stay.
    public private(set) var filterError: FilterError?
    /// Whether the footer shows the cursor's row number; off when the rows include lines that
    /// are not records (group headers), which would make the number wrong.
    public var showsPosition = true
    private let noun: String
    /// False for short lists without a quick filter (a record's timeline): no filter line.
    private let hasFilter: Bool
    /// Set by `reload`, and while a read fails: the next `refresh` reads the rows and the count.
    private var isStale = false

    public init(source: Source, noun: String, hasFilter: Bool = true) {
        self.source = source
        self.noun = noun
        self.hasFilter = hasFilter
        window = ListWindow(height: 10)
    }

    public var selected: Source.Row? { window.selectedRow }
    public var isEditingFilter: Bool { filterLine.isEditing }

    /// Replaces the source (new sort, view or filter) and starts at the top. A filter that does
    /// not compile is reported in place and the list keeps its rows and its previous source.
    public func replaceSource(_ newSource: Source, app: AppController) {
        let previous = source
        source = newSource
        read(app: app) {
            try window.loadFirst(from: source)
            count = try source.count()
            isStale = false
        } rejected: {
            source = previous
        }
    }

    /// The data changed (an edit here or a commit elsewhere): the next `refresh` reads the
    /// visible rows again in place, keeping the cursor on its record.
    public func reload(app: AppController) {
        isStale = true
    }

    /// Reads what the next frame shows in `rect`: the rows again after `reload`, and a window
    /// of the rows that fit when the pane's height changed (keeping the cursor's row in view).
    /// A failed read is shown on the status line and tried again before the next frame.
    public func refresh(in rect: Rect, app: AppController) {
        // Rows as wide as the terminal let it scroll them by itself (`ListWindow.scrollsByRow`).
        window.scrollsByRow = rect.x == 0 && rect.width == app.frameBounds.width
        let height = Self.visibleRows(in: rect, hasFilter: hasFilter)
        guard isStale || height != window.height else { return }
        let wasStale = isStale
        isStale = !read(app: app) {
            if height != window.height {
                try window.resize(to: height, source: source)
            } else {
                try window.refresh(from: source)
            }
            if wasStale { count = try source.count() }
        } rejected: {}
    }

    /// Where the filter line, the table (its title row and the rows) and the footer go in `rect`.
    private static func parts(of rect: Rect, hasFilter: Bool) -> (filter: Rect, table: Rect, footer: Rect) {
        let (filterRow, rest) = rect.splitTop(hasFilter ? 1 : 0)
        let (tableRect, footerRow) = rest.splitBottom(1)
        return (filterRow, tableRect, footerRow)
    }

    /// How many rows the table shows in `rect`, below its title row.
    private static func visibleRows(in rect: Rect, hasFilter: Bool) -> Int {
        max(1, parts(of: rect, hasFilter: hasFilter).table.height - 1)
    }

    /// Fills the window around `row` and selects it; false when the list does not hold it (the
    /// row belongs to another view or does not match the filter).
    public func reveal(_ row: Source.Row, app: AppController) -> Bool {
        let shown: Bool? = app.attempt("Could not read the list") {
            try window.load(around: row, from: source)
            count = try source.count()
            isStale = false
            return window.selectedRow.map(source.identity(of:)) == source.identity(of: row)
        }
        return shown ?? false
    }

    /// Runs `body`, a read of the rows; says what went wrong on the status line, and returns
    /// whether it worked.
    @discardableResult
    private func read(app: AppController, _ body: () throws -> Void, rejected: () -> Void) -> Bool {
        do {
            try body()
            if filterError != nil { app.clearError() }
            filterError = nil
            return true
        } catch let invalid as FilterError {
            filterError = invalid
            rejected()
            app.show(error: invalid.description)
        } catch {
            app.show(error: "Could not read the list: \(ErrorText.describe(error))")
        }
        return false
    }

    /// Moves the cursor a row down; a store read that fails is reported on the status line.
    public func moveDown(app: AppController) {
        app.attempt("Could not read the list") { try window.moveDown(in: source) }
    }

    /// Moves the cursor a row up; a store read that fails is reported on the status line.
    public func moveUp(app: AppController) {
        app.attempt("Could not read the list") { try window.moveUp(in: source) }
    }

    /// The cursor motions and, with a quick filter, editing and clearing it. A store read that
    /// fails on a motion is reported on the status line.
    public func commands(filterChanged: @escaping (String) -> Void) -> [Command] {
        var commands = motions()
        if hasFilter {
            commands += [
                Command(.filterEdit, [.sidebar]) { [unowned self] _ in filterLine.startEditing() },
                Command(.filterClear) { [unowned self] _ in filterLine.clear(changed: filterChanged) },
            ]
        }
        return commands
    }

    /// The cursor motions; `only` keeps those a pane wants where its screen's keys take the rest.
    public func motions(only: Set<CommandID>? = nil) -> [Command] {
        let move = { (id: CommandID, motion: @escaping (ListPane) throws -> Void) -> Command in
            Command(id) { [unowned self] app in app.attempt("Could not read the list") { try motion(self) } }
        }
        let motions = [
            Command(.cursorDown) { [unowned self] app in moveDown(app: app) },
            Command(.cursorUp) { [unowned self] app in moveUp(app: app) },
            move(.cursorPageDown) { try $0.window.pageDown(in: $0.source) },
            move(.cursorPageUp) { try $0.window.pageUp(in: $0.source) },
            move(.cursorStart) { try $0.window.loadFirst(from: $0.source) },
            move(.cursorEnd) { try $0.window.loadLast(from: $0.source, total: $0.count) },
        ]
        return only.map { wanted in motions.filter { wanted.contains($0.id) } } ?? motions
    }

    /// Typing into the quick filter while it has the focus: every keystroke re-queries, but
    /// keys typed ahead (a paste) only once, for the last of them.
    public func handleFilterKey(_ event: KeyEvent, app: AppController, filterChanged: (String) -> Void) -> Bool {
        filterLine.handleKey(event, typingFollows: app.typedCharacterWaits(), changed: filterChanged)
    }

    /// Draws the filter line, the table and the footer into `rect`, from what `refresh` read.
    public func render(columns: [TableColumn<Source.Row>], sortColumn: Int?, ascending: Bool,
                       into buffer: inout ScreenBuffer, rect: Rect, theme: Theme,
                       filterKey: String?, marker: ((Source.Row) -> String)? = nil) {
        let (filterRow, tableRect, footerRow) = Self.parts(of: rect, hasFilter: hasFilter)
        if hasFilter {
            filterLine.render(into: &buffer, rect: filterRow, theme: theme, filterKey: filterKey, noun: "list",
                              error: filterError)
        }
        TableView.render(window.rows, columns: columns, selected: window.rows.isEmpty ? nil : window.selected,
                         sortColumn: sortColumn, ascending: ascending, into: &buffer, rect: tableRect,
                         theme: theme, marker: marker)
        if window.rows.isEmpty {
            // While the typed filter does not compile, the rows are the last working filter's.
            let text = filterError != nil ? "No \(noun) match the last filter that worked."
                : filterLine.text.isEmpty ? "No \(noun) here yet." : "No \(noun) match “\(filterLine.text)”."
            buffer.write(text, x: tableRect.x + 2, y: tableRect.y + 2, style: theme.dim, maxWidth: tableRect.width - 4)
        }
        if let filterError {
            // Until the filter is mended the rows are those of the last filter that worked; the
            // footer says so for as long as it lasts, not just until the next key.
            buffer.write("✗ \(filterError.description) · showing the last filter that worked", x: footerRow.x + 1,
                         y: footerRow.y, style: theme.error, maxWidth: footerRow.width - 2)
            return
        }
        var footer = "\(count) \(noun)"
        if showsPosition, let position = window.position, !window.rows.isEmpty {
            footer = "\(BoundedCount(value: position + 1, isExact: true)) of " + footer
        }
        // Plain, not dim: the position changes with every cursor key, and leaving any attribute
        // or colour costs a reset (a dim grey counter cost 31–41 bytes a key, plain 9).
        buffer.write(footer, x: footerRow.x + 1, y: footerRow.y, style: theme.plain, maxWidth: footerRow.width - 2)
    }
}
