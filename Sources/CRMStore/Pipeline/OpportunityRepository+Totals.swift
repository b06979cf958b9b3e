import CRMCore
import GRDB

extension OpportunityRepository {
    /// Counts and per-currency sums of the opportunities `query` selects, per status (OP-3 board
    /// column headers); statuses without opportunities are absent.
    ///
    /// One grouped query under the list's own conditions (`selection`). Without a filter or a
    /// narrowing view it reads only the covering index `opportunities_totals`, never the rows.
    /// Opportunities without an amount are counted and add no money. The sums are exact minor
    /// units; converting them to the base currency is the caller's (`CurrencyTotals.total(in:)`).
    public func totalsByStatus(_ query: OpportunityQuery) throws -> [Int64: CurrencyTotals] {
        try database.read { db in
            let rows = try list(query).grouped(
                db, select: "o.status_id, o.currency, count(*) AS records, sum(o.amount_minor) AS minor",
                groupBy: "o.status_id, o.currency")
            var totals: [Int64: CurrencyTotals] = [:]
            for row in rows {
                let statusID: Int64 = row["status_id"]
                let records: Int = row["records"]
                if let code: String = row["currency"] {
                    totals[statusID, default: CurrencyTotals()].add(
                        count: records, minorUnits: row["minor"], currency: try Currency(code: code))
                } else {
                    totals[statusID, default: CurrencyTotals()].count += records
                }
            }
            return totals
        }
    }
}
