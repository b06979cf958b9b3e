import TerminalUI

/// Where a detail pane taller than the screen is scrolled to, and the markers that say there is
/// more: "↑ more" on its first row, "↓ more" on its last (both on the last under a table's
/// header). `cursor.down`/`cursor.up` (j, k, ↓, ↑) move a line, `cursor.page.down`/`cursor.page.up`
/// (PgDn, PgUp) a page. Every detail pane (DetailRows, HistoryView, the lead overview) lays its
/// lines out through one of these, so they all scroll and say so alike.
struct DetailScroll {
    /// The commands that scroll a detail pane, or move the selection on a tab with rows: each
    /// calls `move` with its own id.
    static func commands(_ move: @escaping (CommandID) -> Void) -> [Command] {
        [CommandID.cursorDown, .cursorUp, .cursorPageDown, .cursorPageUp].map { id in Command(id) { _ in move(id) } }
    }

    /// The lines in view as of the last draw (a page is its height); no selection, only a view.
    private var view = RowCursor(count: 0, height: 10)

    /// How far `command` moves, in lines, down positive; nil when it is not a scrolling command.
    func step(_ command: CommandID) -> Int? {
        switch command {
        case .cursorDown: 1
        case .cursorUp: -1
        case .cursorPageDown: view.height
        case .cursorPageUp: -view.height
        default: nil
        }
    }

    /// Scrolls as `command` says; false when it is not a scrolling command. The next draw keeps
    /// the last line at the bottom.
    mutating func scroll(_ command: CommandID) -> Bool {
        guard let step = step(command) else { return false }
        view.scroll(by: step)
        return true
    }

    mutating func reset() { view.scroll(by: -view.top) }

    /// Scrolls just enough that `lines` (of `total`, in a pane `height` rows high) are in view.
    mutating func reveal(_ lines: ClosedRange<Int>, total: Int, height: Int) {
        view.resize(count: total, height: Self.rows(total: total, height: height))
        var first = view.top
        if lines.lowerBound < first { first = lines.lowerBound }
        if lines.upperBound >= first + view.height { first = max(lines.lowerBound, lines.upperBound - view.height + 1) }
        view.scroll(by: first - view.top)
    }

    /// Which of `total` lines to show below the first row of a pane `height` rows high (the first
    /// row is a margin, or a table's header).
    mutating func layout(_ total: Int, height: Int) -> Range<Int> {
        view.resize(count: total, height: Self.rows(total: total, height: height))
        return view.visible
    }

    /// Draws "↑ more" on the first row of `rect` and "↓ more" on its last when some of `total`
    /// lines are out of view above or below `shown`; after the pane, so nothing covers them. A
    /// table's first row is its header, so there both go on the last row ("↑↓ more").
    static func markers(_ shown: Range<Int>, total: Int, in rect: Rect, underHeader: Bool = false,
                        into buffer: inout ScreenBuffer, theme: Theme) {
        let above = shown.lowerBound > 0, below = shown.upperBound < total
        if underHeader {
            guard above || below else { return }
            mark((above ? "↑" : "") + (below ? "↓" : "") + " more", y: rect.maxY - 1, in: rect, into: &buffer, theme: theme)
            return
        }
        if above { mark("↑ more", y: rect.y, in: rect, into: &buffer, theme: theme) }
        if below { mark("↓ more", y: rect.maxY - 1, in: rect, into: &buffer, theme: theme) }
    }

    /// Lines shown below the first row: all of them when they fit, else one row fewer, which
    /// holds "↓ more".
    private static func rows(total: Int, height: Int) -> Int {
        let room = max(1, height - 1)
        return total > room ? max(1, room - 1) : room
    }

    private static func mark(_ text: String, y: Int, in rect: Rect, into buffer: inout ScreenBuffer, theme: Theme) {
        let width = DisplayWidth.of(text)
        buffer.write(" " + text, x: max(rect.x, rect.maxX - width - 2), y: y, style: theme.dim)
    }
}
