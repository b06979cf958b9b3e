import CRMCore
import CRMStore
import TerminalUI

/// One column of the board: a status, the window of its cards that is on screen, and its
/// count and per-currency sums. Only the visible cards are held; the rest are read by key as
/// the cursor moves, so a column of 50,000 cards costs what a column of five does.
final class BoardColumn {
    private(set) var status: OpportunityStatus
    private(set) var source: OpportunitySource
    private(set) var window: ListWindow<Opportunity>
    /// Read for all columns in one query per data change, never per key.
    var totals = CurrencyTotals()
    /// False until the window was first read, and again after the query changed.
    private var isLoaded = false

    init(status: OpportunityStatus, source: OpportunitySource, height: Int) {
        self.status = status
        self.source = source
        window = ListWindow(height: height)
    }

    var selected: Opportunity? { window.selectedRow }
    var count: Int { totals.count }

    /// Takes the status as saved now and the board's query for this column; a different
    /// query (a new filter) starts the column again from its first card.
    func update(status: OpportunityStatus, source: OpportunitySource) {
        self.status = status
        if source.query != self.source.query { isLoaded = false }
        self.source = source
    }

    /// Re-reads the window for `height` cards, keeping the selected card when it is still here.
    func refresh(height: Int) throws {
        window.height = max(1, height)
        if isLoaded {
            try window.refresh(from: source)
        } else {
            try window.loadFirst(from: source)
            isLoaded = true
        }
    }

    /// Shows `card` (just moved here) selected in the window.
    func show(_ card: Opportunity) throws {
        try window.load(around: card, from: source)
        isLoaded = true
    }

    func run(_ command: CommandID) throws -> Bool {
        switch command {
        case .cursorDown: try window.moveDown(in: source)
        case .cursorUp: try window.moveUp(in: source)
        case .cursorPageDown: try window.pageDown(in: source)
        case .cursorPageUp: try window.pageUp(in: source)
        case .cursorStart: try window.loadFirst(from: source)
        case .cursorEnd: try window.loadLast(from: source, total: BoundedCount(value: count, isExact: true))
        default: return false
        }
        return true
    }
}
