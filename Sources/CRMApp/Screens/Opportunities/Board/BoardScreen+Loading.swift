import CRMCore
import CRMStore
import TerminalUI

extension BoardScreen {
    /// Reads what the next frame shows in `rect`: everything again after `reload` (or a new
    /// filter, or a moved card), and the columns' windows when the number of cards that fit
    /// changed. That number depends on the header's height, which depends on the data when the
    /// currency breakdown shows, so it is settled in a few rounds. Also scrolls the columns so
    /// the focused one is in view.
    func refresh(in rect: Rect, app: AppController) {
        let (_, board) = rect.splitTop(1)
        func settledFrame() -> BoardFrame {
            let frame = BoardFrame(screen: self, board: board)
            firstVisible = frame.firstVisible
            return frame
        }
        var frame = settledFrame()
        for _ in 0..<3 {
            if frame.cardsPerColumn != cardsPerColumn {
                cardsPerColumn = frame.cardsPerColumn
                needsReload = true
            }
            guard needsReload else { break }
            load(app: app)
            frame = settledFrame()
        }
    }

    /// Reads the statuses, the totals of every column and the visible windows, keeping each
    /// column's selected card (by id) and the focused status; then shows a followed card.
    func load(app: AppController) {
        needsReload = false
        app.attempt("Could not read the board") {
            let session = app.session
            let totals = try filteredTotals(app: app)
            let focusedStatus = columns.indices.contains(focused) ? columns[focused].status.id : nil
            let statuses = try session.opportunityStatuses.list()
            let existing = Dictionary(uniqueKeysWithValues: columns.map { ($0.status.id, $0) })
            columns = statuses.map { status in
                var columnQuery = query
                columnQuery.statusID = status.id
                let source = OpportunitySource(repository: session.opportunities, query: columnQuery)
                guard let column = existing[status.id] else {
                    return BoardColumn(status: status, source: source, height: cardsPerColumn)
                }
                column.update(status: status, source: source)
                return column
            }
            focused = focusedStatus.flatMap { id in columns.firstIndex { $0.status.id == id } } ?? min(focused, max(0, columns.count - 1))
            rates = try session.moneySettings.table(on: CalendarDate.today())
            for column in columns {
                column.totals = totals[column.status.id] ?? CurrencyTotals()
                try column.refresh(height: cardsPerColumn)
            }
            if let card = follow, let index = columns.firstIndex(where: { $0.status.id == card.statusID }) {
                focused = index
                try columns[index].show(card)
            }
        }
        follow = nil
    }

    /// The totals of every column under the typed filter; a filter that does not compile is
    /// shown in place (its token underlined) and the board keeps the last good one.
    private func filteredTotals(app: AppController) throws -> [Int64: CurrencyTotals] {
        do {
            let totals = try app.session.opportunities.totalsByStatus(query)
            if filterError != nil { app.clearError() }
            filterError = nil
            lastGoodFilter = query.filter
            return totals
        } catch let invalid as FilterError {
            filterError = invalid
            app.show(error: invalid.description)
            query.filter = lastGoodFilter
            return try app.session.opportunities.totalsByStatus(query)
        }
    }
}
