/// The visible window of a virtualised list and its cursor.
///
/// Only the rows on screen are held; moving past an edge asks the source for the neighbouring
/// rows by key. `position` tracks the cursor's row number while it is known (it is lost after
/// a jump to the end of a list whose size is capped). Within the rows it holds, the selection
/// is a `RowCursor` like any other list's; the window itself is what scrolls.
public struct ListWindow<Row> {
    public private(set) var rows: [Row] = []
    /// The selection among `rows` (all of which are in view).
    private var cursor = RowCursor()
    public private(set) var position: Int? = 0
    public var height: Int {
        didSet { height = max(1, height) }
    }
    /// Whether the rows span the screen's width, so the terminal can scroll them by itself.
    ///
    /// Then a move past an edge brings in one row: curses has the terminal scroll the others
    /// (about 30 bytes) and sends the new one. Rows beside anything else (the sidebar, a
    /// detail pane) cannot be scrolled alone: a terminal scrolls whole lines, so every scroll
    /// drags the neighbour along and it is drawn again (the sidebar: some 600 bytes at 120
    /// columns). Those windows bring in half a window at a time, as vim's Ctrl-D does: the cost
    /// comes once per half page, and the cursor lands mid-window with what follows in view.
    /// (The board's columns keep moving a card at a time: jumping half a column measured worse.)
    public var scrollsByRow = true

    /// How many rows a move past an edge brings in; the cursor goes to the first of them.
    var scrollStep: Int { scrollsByRow ? 1 : max(1, height / 2) }

    public init(height: Int) {
        self.height = max(1, height)
    }

    /// The selected row's index in `rows`.
    public var selected: Int { cursor.selected }
    public var selectedRow: Row? { rows.indices.contains(selected) ? rows[selected] : nil }

    /// Holds `newRows` with the row at `index` selected.
    private mutating func show(_ newRows: [Row], selecting index: Int) {
        rows = newRows
        cursor = RowCursor(count: rows.count, height: height, selected: index)
    }

    public mutating func loadFirst<S: PagedSource>(from source: S) throws where S.Row == Row {
        show(try source.first(height), selecting: 0)
        position = 0
    }

    public mutating func loadLast<S: PagedSource>(from source: S, total: some RowTotal) throws where S.Row == Row {
        let last = try source.last(height)
        show(last, selecting: last.count - 1)
        position = total.exactRows.map { max(0, $0 - 1) }
    }

    public mutating func moveDown<S: PagedSource>(in source: S) throws where S.Row == Row {
        if !cursor.isOnLast {
            cursor.down()
            advance(1)
        } else if let last = rows.last {
            let more = try source.after(last, limit: scrollStep)
            guard !more.isEmpty else { return }
            let kept = Array((rows + more).suffix(height))
            show(kept, selecting: kept.count - more.count)
            advance(1)
        }
    }

    public mutating func moveUp<S: PagedSource>(in source: S) throws where S.Row == Row {
        if !cursor.isOnFirst {
            cursor.up()
            advance(-1)
        } else if let first = rows.first {
            let more = try source.before(first, limit: scrollStep)
            guard !more.isEmpty else { return }
            show(Array((more + rows).prefix(height)), selecting: more.count - 1)
            advance(-1)
        }
    }

    public mutating func pageDown<S: PagedSource>(in source: S) throws where S.Row == Row {
        guard let last = rows.last else { return }
        let more = try source.after(last, limit: height)
        if more.isEmpty {
            advance(rows.count - 1 - selected)
            cursor.toLast()
            return
        }
        let combined = rows + more
        let target = min(selected + height, combined.count - 1)
        let step = target - selected
        show(Array(combined.suffix(height)), selecting: target - max(0, combined.count - height))
        advance(step)
    }

    public mutating func pageUp<S: PagedSource>(in source: S) throws where S.Row == Row {
        guard let first = rows.first else { return }
        let more = try source.before(first, limit: height)
        if more.isEmpty {
            advance(-selected)
            cursor.toFirst()
            return
        }
        let current = selected + more.count
        let target = max(0, current - height)
        show(Array((more + rows).prefix(height)), selecting: target)
        advance(target - current)
    }

    /// Fills the window around `row` (a record that just arrived in this list, e.g. a card
    /// moved into a board column) and selects it when it belongs to the list. Its row number
    /// is known only when the window starts at the top of the list.
    public mutating func load<S: PagedSource>(around row: Row, from source: S) throws where S.Row == Row {
        let above = try source.before(row, limit: height / 2)
        let rest = try above.last.map { try source.after($0, limit: height - above.count) } ?? source.first(height)
        let around = above + rest
        let index = around.firstIndex { source.identity(of: $0) == source.identity(of: row) }
        show(around, selecting: index ?? above.count)
        position = above.count < height / 2 ? selected : nil
    }

    /// Re-reads the window from its first row (the data changed or the height did),
    /// keeping the cursor on the same record when it is still there.
    public mutating func refresh<S: PagedSource>(from source: S) throws where S.Row == Row {
        let keep = selectedRow.map(source.identity(of:))
        let oldSelected = selected
        let windowAtStart = position.map { $0 - selected == 0 } ?? false
        let fresh: [Row]
        if !windowAtStart, let first = rows.first, let anchor = try source.before(first, limit: 1).last {
            fresh = try source.after(anchor, limit: height)
        } else {
            fresh = try source.first(height)
            position = selected
        }
        let kept = keep.flatMap { keep in fresh.firstIndex { source.identity(of: $0) == keep } }
        show(fresh, selecting: kept ?? oldSelected)
        if fresh.isEmpty {
            position = 0
            return
        }
        advance(selected - oldSelected)
    }

    /// Sets a new height (after a resize) and refills the window.
    public mutating func resize<S: PagedSource>(to newHeight: Int, source: S) throws where S.Row == Row {
        let newHeight = max(1, newHeight)
        guard newHeight != height else { return }
        height = newHeight
        if selected >= height, let current = selectedRow {
            // Keep the cursor visible: start the window at the selected row.
            let keepPosition = position
            if let anchor = try source.before(current, limit: 1).last {
                show(try source.after(anchor, limit: height), selecting: 0)
            } else {
                show(try source.first(height), selecting: 0)
            }
            position = keepPosition
        } else {
            try refresh(from: source)
        }
    }

    private mutating func advance(_ delta: Int) {
        if let p = position { position = max(0, p + delta) }
    }
}
