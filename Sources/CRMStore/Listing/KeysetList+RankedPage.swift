import CRMCore
import GRDB

extension KeysetList {
    /// A filtered page of a list sorted by name, in walk order, read straight off the FTS5
    /// index: its rowids are the rows' name ranks (`NameRank`), so the matches come out in list
    /// order and the query stops after `limit` of them, however many rows match and wherever
    /// they cluster.
    ///
    /// The cursor keeps its usual shape (sort name and id). It becomes a rank through the name
    /// index: the rows after it are those ranked beyond the last row on its other side, which
    /// works even when the cursor's own row was renamed or deleted since.
    func rankedPage(_ db: Database, match: String, _ position: PagePosition, limit: Int) throws -> [Row] {
        let forward: Bool
        var bound: SQL?
        switch position {
        case .first: forward = true
        case .last: forward = false
        case .after(let cursor): (forward, bound) = (true, rankBound(cursor, forward: true, inclusive: false))
        case .before(let cursor): (forward, bound) = (false, rankBound(cursor, forward: false, inclusive: false))
        case .startingAt(let cursor): (forward, bound) = (true, rankBound(cursor, forward: true, inclusive: true))
        }
        let fts = "\(table)_fts"
        let parts = ["m.\(sql: fts) MATCH \(match)"] + conditions + (bound.map { [$0] } ?? [])
        // CROSS JOIN keeps the FTS index as the outer loop; it consumes ORDER BY rowid and the
        // rowid bound itself, so nothing is sorted and the LIMIT ends the scan.
        let sql: SQL = """
            SELECT \(selection) FROM \(sql: fts) m CROSS JOIN \(sql: table) \(sql: alias) \
            ON \(sql: alias).name_rank = m.rowid WHERE \(parts.joined(separator: " AND ")) \
            ORDER BY m.rowid \(sql: forward == ascending ? "ASC" : "DESC") LIMIT \(max(0, limit))
            """
        return try Row.fetchAll(db, SQLRequest<Row>(literal: sql, cached: true))
    }

    /// `m.rowid > R` (or `<`), R being the rank of the nearest row the keyset comparison with
    /// `cursor` leaves out; with no such row, every rank qualifies.
    private func rankBound(_ cursor: PageCursor, forward: Bool, inclusive: Bool) -> SQL {
        let kept = Self.keysetOperator(forward: forward, ascending: ascending, inclusive: inclusive)
        let greater = kept.hasPrefix(">")
        let complement = (greater ? "<" : ">") + (inclusive ? "" : "=")
        let order = greater ? "DESC" : "ASC"
        let outside: Int64 = greater ? .min : .max
        return """
            m.rowid \(sql: greater ? ">" : "<") coalesce((SELECT b.name_rank FROM \(sql: table) b \
            WHERE \(comparison(cursor, alias: "b", operator: complement)) \
            ORDER BY b.sort_name \(sql: order), b.id \(sql: order) LIMIT 1), \(outside))
            """
    }
}
