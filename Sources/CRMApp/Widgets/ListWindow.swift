import CRMCore

/// The visible window of a virtualised list and its cursor.
///
/// Only the rows on screen are held; moving past an edge asks the source for the neighbouring
/// rows by key. `position` tracks the cursor's row number while it is known (it is lost after
/// a jump to the end of a list whose size is capped).
public struct ListWindow<Row> {
    public private(set) var rows: [Row] = []
    public private(set) var selected = 0
    public private(set) var position: Int? = 0
    public var height: Int
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

    public var selectedRow: Row? { rows.indices.contains(selected) ? rows[selected] : nil }

    public mutating func loadFirst<S: PagedSource>(from source: S) throws where S.Row == Row {
        rows = try source.first(height)
        selected = 0
        position = 0
    }

    public mutating func loadLast<S: PagedSource>(from source: S, total: BoundedCount) throws where S.Row == Row {
        rows = try source.last(height)
        selected = max(0, rows.count - 1)
        position = !total.isExact ? nil : max(0, total.value - 1)
    }

    public mutating func moveDown<S: PagedSource>(in source: S) throws where S.Row == Row {
        if selected + 1 < rows.count {
            selected += 1
            advance(1)
        } else if let last = rows.last {
            let more = try source.after(last, limit: scrollStep)
            guard !more.isEmpty else { return }
            rows += more
            if rows.count > height { rows.removeFirst(rows.count - height) }
            selected = rows.count - more.count
            advance(1)
        }
    }

    public mutating func moveUp<S: PagedSource>(in source: S) throws where S.Row == Row {
        if selected > 0 {
            selected -= 1
            advance(-1)
        } else if let first = rows.first {
            let more = try source.before(first, limit: scrollStep)
            guard !more.isEmpty else { return }
            rows = more + rows
            if rows.count > height { rows.removeLast(rows.count - height) }
            selected = more.count - 1
            advance(-1)
        }
    }

    public mutating func pageDown<S: PagedSource>(in source: S) throws where S.Row == Row {
        guard let last = rows.last else { return }
        let more = try source.after(last, limit: height)
        if more.isEmpty {
            advance(rows.count - 1 - selected)
            selected = rows.count - 1
            return
        }
        let combined = rows + more
        let target = min(selected + height, combined.count - 1)
        let step = target - selected
        rows = Array(combined.suffix(height))
        selected = target - (combined.count - rows.count)
        advance(step)
    }

    public mutating func pageUp<S: PagedSource>(in source: S) throws where S.Row == Row {
        guard let first = rows.first else { return }
        let more = try source.before(first, limit: height)
        if more.isEmpty {
            advance(-selected)
            selected = 0
            return
        }
        let combined = more + rows
        let current = selected + more.count
        let target = max(0, current - height)
        rows = Array(combined.prefix(height))
        selected = target
        advance(target - current)
    }

    /// Fills the window around `row` (a record that just arrived in this list, e.g. a card
    /// moved into a board column) and selects it when it belongs to the list. Its row number
    /// is known only when the window starts at the top of the list.
    public mutating func load<S: PagedSource>(around row: Row, from source: S) throws where S.Row == Row {
        let above = try source.before(row, limit: height / 2)
        let rest = try above.last.map { try source.after($0, limit: height - above.count) } ?? source.first(height)
        rows = above + rest
        let index = rows.firstIndex { source.identity(of: $0) == source.identity(of: row) }
        selected = min(index ?? above.count, max(0, rows.count - 1))
        position = above.count < height / 2 ? selected : nil
    }

    /// Re-reads the window from its first row (the data changed or the height did),
    /// keeping the cursor on the same record when it is still there.
    public mutating func refresh<S: PagedSource>(from source: S) throws where S.Row == Row {
        let keep = selectedRow.map(source.identity(of:))
        let oldSelected = selected
        let windowAtStart = position.map { $0 - selected == 0 } ?? false
        if !windowAtStart, let first = rows.first, let anchor = try source.before(first, limit: 1).last {
            rows = try source.after(anchor, limit: height)
        } else {
            rows = try source.first(height)
            position = selected
        }
        if rows.isEmpty {
            selected = 0
            position = 0
            return
        }
        if let keep, let index = rows.firstIndex(where: { source.identity(of: $0) == keep }) {
            selected = index
        } else {
            selected = min(oldSelected, rows.count - 1)
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
                rows = try source.after(anchor, limit: height)
            } else {
                rows = try source.first(height)
            }
            selected = 0
            position = keepPosition
        } else {
            try refresh(from: source)
        }
    }

    private mutating func advance(_ delta: Int) {
        if let p = position { position = max(0, p + delta) }
    }
}
