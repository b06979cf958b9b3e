import TerminalUI

/// Which board columns fit side by side and where each one is drawn: as many as fit at a
/// minimum width, scrolled horizontally so the focused column is always among them.
struct BoardLayout: Equatable {
    /// Narrower than this a card cannot show a name, an account and an amount.
    static let minimumColumnWidth = 22

    struct Slot: Equatable {
        let column: Int
        let x: Int
        let width: Int
    }

    let slots: [Slot]

    /// The first visible column after scrolling from `first` just enough to show `focused`.
    static func firstVisible(columns: Int, focused: Int, previousFirst first: Int, width: Int) -> Int {
        RowCursor(count: columns, height: visibleCount(columns: columns, width: width), selected: focused, top: first).top
    }

    static func visibleCount(columns: Int, width: Int) -> Int {
        min(columns, max(1, (width + 1) / (minimumColumnWidth + 1)))
    }

    /// Slots for the columns from `first` on across `width` cells starting at `x`, one cell
    /// apart; the spare cells go to the leftmost columns.
    init(columns: Int, first: Int, x: Int, width: Int) {
        let visible = Self.visibleCount(columns: columns, width: width)
        guard visible > 0 else {
            slots = []
            return
        }
        let base = (width - (visible - 1)) / visible
        let spare = width - (visible - 1) - base * visible
        var slots: [Slot] = []
        var left = x
        for index in 0..<visible {
            let columnWidth = base + (index < spare ? 1 : 0)
            slots.append(Slot(column: first + index, x: left, width: columnWidth))
            left += columnWidth + 1
        }
        self.slots = slots
    }
}
