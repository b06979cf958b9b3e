import CRMCore
import GRDB

extension OpportunityRepository {
    /// Counts and per-currency sums of the opportunities `query` selects, per status (OP-3 board
    /// column headers); statuses without opportunities are absent.
    ///
    /// Every opportunity the user may see (no filter, view or status): a sum over the totals
    /// the writes keep (`opportunity_totals`, v23), everyone's and the user's private ones.
    /// Otherwise one grouped query under the list's own conditions (`selection`), which reads
    /// the covering index `opportunities_totals` where it can, never the rows.
    /// Opportunities without an amount are counted and add no money. The sums are exact minor
    /// units; converting them to the base currency is the caller's (`CurrencyTotals.total(in:)`).
    public func totalsByStatus(_ query: OpportunityQuery) throws -> [Int64: CurrencyTotals] {
        try database.read { db in
            let rows = if query.filter.isEmpty, query.view == .all, query.statusID == nil {
                try Row.fetchAll(db, SQLRequest<Row>(literal: """
                    SELECT t.status_id, nullif(t.currency, '') AS currency, sum(t.records) AS records, sum(t.minor) AS minor
                    FROM opportunity_totals t WHERE \(visibility.opportunityTotals("t"))
                    GROUP BY t.status_id, t.currency HAVING sum(t.records) > 0
                    """))
            } else {
                try list(db, query).grouped(
                    db, select: "o.status_id, o.currency, count(*) AS records, sum(o.amount_minor) AS minor",
                    groupBy: "o.status_id, o.currency")
            }
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

extension OpportunityRepository {
    /// Open, won and lost sums and the weighted forecast of the opportunities `query` selects
    /// (PA-1 results per partner), from one grouped query under the list's own conditions.
    ///
    /// Weights are whole percents, so `amount × percent` is summed exactly in minor units; an
    /// opportunity without its own probability takes its status's default.
    public func pipelineSummary(_ query: OpportunityQuery) throws -> PipelineSummary {
        try database.read { db in
            let statuses = try Row.fetchAll(db, sql: "SELECT id, kind, probability FROM opportunity_statuses")
            var kinds: [Int64: (kind: StatusKind, probability: Int64)] = [:]
            for row in statuses { kinds[row["id"]] = (try row.decode("kind"), row["probability"]) }
            let rows = try list(db, query).grouped(
                db, select: """
                    o.status_id, o.currency, count(*) AS records, sum(o.amount_minor) AS minor,
                    sum(o.amount_minor * o.probability) AS own_weighted,
                    sum(CASE WHEN o.probability IS NULL THEN o.amount_minor END) AS default_minor
                    """,
                groupBy: "o.status_id, o.currency")
            var summary = PipelineSummary()
            for row in rows {
                guard let status = kinds[row["status_id"]] else { continue }
                let code: String? = row["currency"]
                let ownWeighted: Int64 = row["own_weighted"] ?? 0
                let defaultMinor: Int64 = row["default_minor"] ?? 0
                summary.add(kind: status.kind, count: row["records"], currency: try code.map(Currency.init(code:)),
                            minorUnits: row["minor"] ?? 0,
                            weightedPercentMinorUnits: ownWeighted + defaultMinor * status.probability)
            }
            return summary
        }
    }
}
