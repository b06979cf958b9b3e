/// The selected row of a list and the first row shown, over `count` rows in a view `height`
/// rows high.
///
/// Lists, tables, menus, pickers and board columns all move their selection through this one
/// value, so they agree: moves stop at the ends (no wrapping), the view follows the selection
/// just far enough to keep it in sight, and a new count or height clamps both. A view without a
/// selection (help, a record's details) scrolls its first row with `scroll(by:)`.
public struct RowCursor: Sendable, Equatable {
    /// The selected row, 0 when there are no rows; setting it selects (clamped, brought into view).
    public var selected: Int {
        get { selectedRow }
        set { select(newValue) }
    }
    private var selectedRow = 0
    /// The first row in view.
    public private(set) var top = 0
    public private(set) var count: Int
    public private(set) var height: Int

    /// A cursor on `selected` (clamped to the rows), with the view scrolled from `top` (the
    /// first row shown so far) just far enough to show it.
    public init(count: Int = 0, height: Int = 1, selected: Int = 0, top: Int = 0) {
        self.count = max(0, count)
        self.height = max(1, height)
        self.top = max(0, min(top, self.count - self.height))
        select(selected)
    }

    /// The rows in view, in list order.
    public var visible: Range<Int> { top..<min(count, top + height) }
    /// Where the selection is drawn: its row counted from the first one in view.
    public var selectedOffset: Int { selected - top }
    public var isEmpty: Bool { count == 0 }
    public var isOnFirst: Bool { selected == 0 }
    public var isOnLast: Bool { selected >= count - 1 }

    /// Selects `index`, clamped to the rows, and brings it into view.
    public mutating func select(_ index: Int) {
        selectedRow = min(max(0, index), max(0, count - 1))
        keepSelectionVisible()
    }

    public mutating func down(_ rows: Int = 1) { select(selected + rows) }
    public mutating func up(_ rows: Int = 1) { select(selected - rows) }
    /// A view's height further down, stopping on the last row.
    public mutating func pageDown() { down(height) }
    /// A view's height further up, stopping on the first row.
    public mutating func pageUp() { up(height) }
    public mutating func toFirst() { select(0) }
    public mutating func toLast() { select(count - 1) }

    /// Takes a new row count and view height (the data or the terminal changed): the selection
    /// stays on its row number when that still exists, else on the last row, and stays in view;
    /// a view taller than the rows below it shows more of those above.
    public mutating func resize(count newCount: Int? = nil, height newHeight: Int? = nil) {
        count = max(0, newCount ?? count)
        height = max(1, newHeight ?? height)
        top = min(top, max(0, count - height))
        select(selected)
    }

    /// Moves the view by `rows` (down positive), never past the first or the last row; the
    /// selection moves along only as far as it must to stay in view.
    public mutating func scroll(by rows: Int) {
        top = max(0, min(top + rows, count - height))
        selectedRow = min(max(selectedRow, top), top + height - 1, max(0, count - 1))
    }

    private mutating func keepSelectionVisible() {
        if selected < top { top = selected }
        if selected >= top + height { top = selected - height + 1 }
    }
}
