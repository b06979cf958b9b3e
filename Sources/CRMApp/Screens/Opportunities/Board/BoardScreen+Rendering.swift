import CRMCore
import TerminalUI

extension BoardScreen {
    /// Draws the filter line, then the columns that fit side by side, as `refresh` read them.
    func render(into buffer: inout ScreenBuffer, rect: Rect, app: AppController) {
        let theme = app.theme
        let (filterRow, board) = rect.splitTop(1)
        let frame = BoardFrame(screen: self, board: board)
        let (layout, breakdowns, headerHeight) = (frame.layout, frame.breakdowns, frame.headerHeight)
        let cardArea = max(0, board.height - headerHeight)
        renderTopLine(into: &buffer, rect: filterRow, layout: layout, app: app)
        guard let rates else { return }
        for slot in layout.slots where columns.indices.contains(slot.column) {
            let column = columns[slot.column]
            let isFocused = slot.column == focused
            let header = BoardColumnView.Header(column: column, rates: rates, breakdown: breakdowns[slot.column],
                                                isFocused: isFocused)
            BoardColumnView.renderHeader(header, into: &buffer,
                                         rect: Rect(x: slot.x, y: board.y, width: slot.width, height: headerHeight), app: app)
            BoardColumnView.renderCards(column, isFocused: isFocused, filtered: !query.filter.isEmpty, into: &buffer,
                                        rect: Rect(x: slot.x, y: board.y + headerHeight, width: slot.width, height: cardArea),
                                        theme: theme)
            if slot.x > board.x {
                for y in board.y..<board.maxY { buffer.write("│", x: slot.x - 1, y: y, style: theme.border) }
            }
        }
        if columns.isEmpty {
            buffer.write("No statuses are set up.", x: board.x + 2, y: board.y + 1, style: theme.dim)
        }
    }

    /// The filter on the left; on the right where the cursor is and which columns are hidden.
    private func renderTopLine(into buffer: inout ScreenBuffer, rect: Rect, layout: BoardLayout, app: AppController) {
        var place: [String] = []
        if columns.indices.contains(focused), let position = columns[focused].window.position,
           columns[focused].selected != nil {
            place.append("\(BoundedCount(value: position + 1, isExact: true)) of "
                         + BoundedCount(value: columns[focused].count, isExact: true).description)
        }
        if layout.slots.count < columns.count, let first = layout.slots.first, let last = layout.slots.last {
            place.append((first.column > 0 ? "‹ " : "") + "statuses \(first.column + 1)–\(last.column + 1) of \(columns.count)"
                         + (last.column < columns.count - 1 ? " ›" : ""))
        }
        let right = place.joined(separator: "  ")
        let rightWidth = DisplayWidth.of(right)
        let filterRect = Rect(x: rect.x, y: rect.y, width: rect.width - rightWidth - 2, height: 1)
        filterLine.render(into: &buffer, rect: filterRect, theme: app.theme,
                          filterKey: app.bindings.keyLabel(for: .filterEdit, in: contexts), noun: "board",
                          error: filterError)
        buffer.write(right, x: rect.maxX - rightWidth - 1, y: rect.y, style: app.theme.dim)
    }
}

/// Where the board's parts go for one frame: the visible columns, the header height (with the
/// breakdown lines when shown) and how many cards fit below it.
struct BoardFrame {
    /// The first column in view: scrolled from the screen's just enough to show the focused one.
    let firstVisible: Int
    let layout: BoardLayout
    let breakdowns: [Int: [String]]
    let headerHeight: Int
    let cardsPerColumn: Int

    init(screen: BoardScreen, board: Rect) {
        firstVisible = BoardLayout.firstVisible(
            columns: screen.columns.count, focused: screen.focused, previousFirst: screen.firstVisible, width: board.width)
        layout = BoardLayout(columns: screen.columns.count, first: firstVisible, x: board.x, width: board.width)
        var lines: [Int: [String]] = [:]
        if screen.showsBreakdown, let rates = screen.rates {
            for slot in layout.slots where screen.columns.indices.contains(slot.column) {
                lines[slot.column] = BoardColumnView.breakdownLines(
                    screen.columns[slot.column].totals, rates: rates, width: slot.width - 2)
            }
        }
        breakdowns = lines
        headerHeight = 3 + (lines.values.map(\.count).max() ?? 0)
        cardsPerColumn = max(1, (board.height - headerHeight + 1) / BoardColumnView.cardRows)
    }
}
