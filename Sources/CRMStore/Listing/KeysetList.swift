import CRMCore
import GRDB

/// A sorted, filtered list over one table, read a window at a time with keyset paging.
///
/// Pages are `WHERE (sort keys, id) > (cursor) ORDER BY sort keys, id LIMIT n` over an index
/// that holds the sort keys, so the cost of a page does not grow with its depth, and no query
/// ever reads a whole table. The quick filter (`QuickFilter`) picks the plan: sorted by name,
/// the FTS5 index lists the matches by their rowid, the name rank, which already is the list
/// order (`rankedPage`); other sorts either walk their sort index checking each row's search
/// key, or let the FTS5 index list the few matches and sort those.
struct KeysetList {
    /// The table and its alias in the generated SQL, e.g. `accounts` / `a`.
    let table: String
    let alias: String
    /// The select list.
    let selection: SQL
    /// The sort key columns (without the final `id`), unqualified.
    let sortColumns: [String]
    let ascending: Bool
    /// Conditions every row must meet: visibility and the list's view.
    let conditions: [SQL]
    let filter: QuickFilter
    /// True when `conditions` alone narrow the rows to few through an index (one account's
    /// contacts, a user's favourites): the FTS detour is never worth it then.
    let isNarrow: Bool

    /// Sorted by `(sort_name, id)`, the order of `name_rank`.
    var isSortedByName: Bool { sortColumns == ["sort_name"] }

    /// The rows at `position`, in display order.
    func page(_ db: Database, _ position: PagePosition, limit: Int) throws -> [Row] {
        let forward: Bool
        let keyset: SQL?
        switch position {
        case .first: (forward, keyset) = (true, nil)
        case .last: (forward, keyset) = (false, nil)
        case .after(let cursor): (forward, keyset) = (true, comparison(cursor, forward: true, inclusive: false))
        case .before(let cursor): (forward, keyset) = (false, comparison(cursor, forward: false, inclusive: false))
        case .startingAt(let cursor): (forward, keyset) = (true, comparison(cursor, forward: true, inclusive: true))
        }
        let direction = forward == ascending ? "ASC" : "DESC"
        let order = (sortColumns + ["id"]).map { "\(alias).\($0) \(direction)" }.joined(separator: ", ")
        var rows: [Row] = []
        for plan in try filter.pagePlans(db, narrow: isNarrow, sortedByName: isSortedByName) {
            if case .rankedSearchIndex(let match) = plan {
                rows = try rankedPage(db, match: match, position, limit: limit)
                break
            }
            var sql: SQL = "SELECT \(selection) FROM \(source(plan)) \(whereClause(plan, keyset: keyset))"
            if case .scan(_, budget: let budget?) = plan {
                // Only the next `budget` rows of the sort index are looked at, reading just the
                // indexed columns; the matches are then joined to their full rows.
                let walked = (sortColumns + ["id", "search_text"]).map { "\(alias).\($0)" }.joined(separator: ", ")
                let window: SQL = "SELECT \(sql: walked) FROM \(sql: table) \(sql: alias) "
                    + whereClause(.everyRow, keyset: keyset) + " ORDER BY \(sql: order) LIMIT \(budget)"
                // No ORDER BY here: the window is a co-routine that yields rows in index order,
                // so the first `limit` matches are taken as soon as they are found. Sorting
                // again would read the whole window first. The conditions were applied inside.
                let matches: SQL = "SELECT \(sql: alias).id FROM (\(window)) \(sql: alias) "
                    + needleClause(plan) + " LIMIT \(max(0, limit))"
                sql = "SELECT \(selection) FROM \(sql: table) \(sql: alias) WHERE \(sql: alias).id IN (\(matches))"
            }
            rows = try Row.fetchAll(db, SQLRequest<Row>(literal: sql + " ORDER BY \(sql: order) LIMIT \(max(0, limit))", cached: true))
            if rows.count == limit { break }
        }
        return forward ? rows : rows.reversed()
    }

    /// The number of matching rows, exact up to `cap`.
    func count(_ db: Database, cap: Int) throws -> BoundedCount {
        let plan = filter.countPlan(narrow: isNarrow)
        let sql: SQL = """
            SELECT count(*) FROM (SELECT 1 FROM \(source(plan)) \(whereClause(plan, keyset: nil)) \
            LIMIT \(cap + 1))
            """
        let seen = try Int.fetchOne(db, SQLRequest<Int>(literal: sql, cached: true)) ?? 0
        return BoundedCount(seen: seen, cap: cap)
    }

    /// One aggregate row per group over every matching row, e.g. the board's totals per
    /// status and currency. Same rows as `count`, so a total never disagrees with the list.
    func grouped(_ db: Database, select: SQL, groupBy: SQL) throws -> [Row] {
        let plan = filter.countPlan(narrow: isNarrow)
        let sql: SQL = "SELECT \(select) FROM \(source(plan)) \(whereClause(plan, keyset: nil)) GROUP BY \(groupBy)"
        return try Row.fetchAll(db, SQLRequest<Row>(literal: sql, cached: true))
    }

    private func source(_ plan: QuickFilter.Plan) -> SQL {
        switch plan {
        case .everyRow, .scan, .rankedSearchIndex:
            return "\(sql: table) \(sql: alias)"
        case .searchIndex(let match):
            // CROSS JOIN keeps the FTS matches as the outer loop: SQLite must not walk the sort
            // index and probe the matches instead. The FTS rowid is the row's name rank; the
            // index of rank and visibility columns answers the join without reading the table
            // (SQLite would take the unique rank index, which does not cover them).
            let fts = "\(table)_fts"
            return """
                (SELECT rowid AS match_id FROM \(sql: fts) WHERE \(sql: fts) MATCH \(match)) m \
                CROSS JOIN \(sql: table) \(sql: alias) INDEXED BY \(sql: table)_visible_by_name_rank \
                ON \(sql: alias).name_rank = m.match_id
                """
        }
    }

    private func whereClause(_ plan: QuickFilter.Plan, keyset: SQL?) -> SQL {
        var parts = conditions + needles(plan)
        if let keyset { parts.append(keyset) }
        return parts.isEmpty ? "" : "WHERE " + parts.joined(separator: " AND ")
    }

    /// The quick-filter tests of a walk: every needle occurs in `search_text`.
    private func needles(_ plan: QuickFilter.Plan) -> [SQL] {
        guard case .scan(let needles, _) = plan else { return [] }
        return needles.map { "instr(\(sql: alias).search_text, \($0)) > 0" }
    }

    private func needleClause(_ plan: QuickFilter.Plan) -> SQL {
        let parts = needles(plan)
        return parts.isEmpty ? "" : "WHERE " + parts.joined(separator: " AND ")
    }

    /// `(keys, id) > (cursor)` or the reverse, matching the walk direction and sort order.
    private func comparison(_ cursor: PageCursor, forward: Bool, inclusive: Bool) -> SQL {
        comparison(cursor, alias: alias, operator: Self.keysetOperator(forward: forward, ascending: ascending, inclusive: inclusive))
    }

    /// The operator that keeps the rows after a cursor in walk direction: `>`, `>=`, `<`, `<=`.
    static func keysetOperator(forward: Bool, ascending: Bool, inclusive: Bool) -> String {
        (forward == ascending ? ">" : "<") + (inclusive ? "=" : "")
    }

    /// `(alias.keys, alias.id) op (cursor)`.
    func comparison(_ cursor: PageCursor, alias: String, operator op: String) -> SQL {
        precondition(cursor.keys.count == sortColumns.count, "A cursor of another sort order was used")
        let columns = (sortColumns + ["id"]).map { "\(alias).\($0)" }.joined(separator: ", ")
        let values: [SQL] = cursor.keys.map { key in
            switch key {
            case .text(let text): "\(text)"
            case .integer(let number): "\(number)"
            }
        } + ["\(cursor.id)"]
        return "(\(sql: columns)) \(sql: op) (\(values.joined(separator: ", ")))"
    }
}
