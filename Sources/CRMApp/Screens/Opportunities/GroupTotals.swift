import CRMCore
import CRMStore
import TerminalUI

/// The group labels of an opportunity list grouped by status: on the first visible row of each
/// status, "Proposal · 42 · 1,234,567.00 EUR" (count and total in the base currency at the
/// stored rates). The totals are read before a frame once per query and data change
/// (`refresh`), never per keypress and never while drawing.
struct GroupTotals {
    private var query: OpportunityQuery?
    private var totals: [Int64: CurrencyTotals] = [:]
    private var rates: ExchangeRateTable?

    /// Forgets the totals so the next `refresh` reads them again (after a change).
    mutating func invalidate() {
        query = nil
    }

    /// Labels by opportunity id for the rows that start a group within `rows`, and the width of
    /// the widest label of any group (so the column does not change width while scrolling);
    /// `compact` writes totals as "EUR 40M" for narrow terminals.
    func labels(for rows: [Opportunity], compact: Bool,
                statuses: [OpportunityStatus]) -> (byID: [Int64: String], width: Int) {
        var labels: [Int64: String] = [:]
        var previous: Int64?
        for row in rows where row.statusID != previous {
            previous = row.statusID
            labels[row.id] = label(row.statusName, totals[row.statusID] ?? CurrencyTotals(), compact: compact)
        }
        let width = statuses.filter { totals[$0.id] != nil }
            .map { DisplayWidth.of(label($0.name, totals[$0.id] ?? CurrencyTotals(), compact: compact)) }.max() ?? 0
        return (labels, width)
    }

    private func label(_ status: String, _ group: CurrencyTotals, compact: Bool) -> String {
        "\(status) · " + TotalsText.countAndTotal(group, rates: rates, compact: compact)
    }

    /// Reads the totals of `wanted`, unless they were read for it since the last change.
    mutating func refresh(_ wanted: OpportunityQuery, app: AppController) {
        guard query != wanted else { return }
        query = wanted
        let session = app.session
        totals = app.attempt("Could not read the group totals") { try session.opportunities.totalsByStatus(wanted) } ?? [:]
        rates = app.attempt("Could not read the exchange rates") {
            try session.moneySettings.table(on: CalendarDate.today())
        }
    }
}
