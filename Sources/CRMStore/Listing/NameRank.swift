import GRDB

/// Keeps `name_rank` of `accounts` or `contacts` ordered exactly like `(sort_name, id)`.
///
/// The rank is the FTS5 rowid of the row, so the search index lists matches already in name
/// order and a filtered page sorted by name is the first few rowids of a match (see
/// `KeysetList`). Ranks are sparse: a written row takes the midpoint of its neighbours' ranks,
/// and only when two neighbours are adjacent integers is a small window around them spread out
/// again. A user's write never renumbers the whole table.
struct NameRank {
    /// The distance between ranks after a full numbering: room for 16 halvings at one spot
    /// before a local re-spread is needed, while rowid deltas in the FTS index stay small
    /// (2^32 made the contacts index five times larger and long-prefix merges slower).
    /// Tests pass a tiny gap to force re-spreads.
    static let defaultGap: Int64 = 1 << 16

    let table: String
    var gap: Int64 = defaultGap
    /// Neighbours taken on each side by the first re-spread attempt; doubled until they fit.
    var initialWindow = 8

    /// `("name_rank", rank(...))`, for the column lists of INSERT and UPDATE statements.
    func column(_ db: Database, sortName: String, id: Int64?) throws -> (String, (any DatabaseValueConvertible)?) {
        ("name_rank", try rank(db, sortName: sortName, id: id))
    }

    /// Numbers every row in name order, `gap` apart: for a new column and after a bulk load
    /// (which inserts without ranks). The search index must be refilled afterwards
    /// (`Schema.refillSearchIndex`).
    ///
    /// The ranks are sorted back into id order first, so rows are rewritten in table order
    /// rather than at random (a quarter faster on a million contacts).
    static func renumberAll(_ db: Database, table: String, gap: Int64 = defaultGap) throws {
        try db.execute(sql: """
            UPDATE \(table) SET name_rank = ranked.rank
            FROM (SELECT id, rank FROM (
                SELECT id, row_number() OVER (ORDER BY sort_name, id) * \(gap) AS rank FROM \(table)) ORDER BY id) ranked
            WHERE \(table).id = ranked.id
            """)
    }

    /// The rank row `id` must have once its sort name is `sortName`; `id` nil stands for a row
    /// about to be inserted.
    ///
    /// A new row sorts after every row of the same name, because SQLite gives it an id above
    /// every existing one. A row whose current rank still fits between its neighbours keeps it,
    /// so saving without renaming writes nothing. May re-spread neighbouring rows (their FTS
    /// entries follow through the update trigger); must run in the caller's write transaction.
    func rank(_ db: Database, sortName: String, id: Int64?) throws -> Int64 {
        let key = Key(sortName: sortName, id: id ?? .max)
        let below = try neighbours(db, of: key, above: false, limit: 1)
        let above = try neighbours(db, of: key, above: true, limit: 1)
        let current = try id.flatMap { try Int64.fetchOne(db, sql: "SELECT name_rank FROM \(table) WHERE id = ?", arguments: [$0]) }
        if let current, below.first.map({ $0.rank < current }) ?? true, above.first.map({ current < $0.rank }) ?? true {
            return current
        }
        switch (below.first?.rank, above.first?.rank) {
        case (nil, nil): return 0
        case (let low?, nil): return low + gap
        case (nil, let high?): return high - gap
        case (let low?, let high?) where high - low >= 2: return low + (high - low) / 2
        default: return try respread(db, around: key, movingRank: current)
        }
    }

    private struct Key {
        var sortName: String
        var id: Int64
    }

    private struct Neighbour {
        var id: Int64
        var rank: Int64
    }

    /// Up to `limit` rows next to `key` on one side, nearest first, without the row itself.
    private func neighbours(_ db: Database, of key: Key, above: Bool, limit: Int) throws -> [Neighbour] {
        let (op, order) = above ? (">", "ASC") : ("<", "DESC")
        let statement = try db.cachedStatement(sql: """
            SELECT id, name_rank FROM \(table) WHERE (sort_name, id) \(op) (?, ?) AND id <> ?
            ORDER BY sort_name \(order), id \(order) LIMIT ?
            """)
        return try Row.fetchAll(statement, arguments: [key.sortName, key.id, key.id, limit])
            .map { Neighbour(id: $0[0], rank: $0[1]) }
    }

    /// The least distance a re-spread leaves between rows: a sixty-fourth of the gap, so that a
    /// spot written again and again (new leads of one name, which all sort at the end of that
    /// name) has room for several more halvings before the next re-spread. Spreading only two
    /// apart made every following insert there re-spread a wider window.
    private var spreadStep: Int64 { max(2, gap / 64) }

    /// Spreads the ranks of the nearest rows on both sides of `key` evenly over the free range
    /// around them, widening the window until every row, the new slot included, is at least
    /// `spreadStep` apart; returns the slot's rank.
    private func respread(_ db: Database, around key: Key, movingRank: Int64?) throws -> Int64 {
        var width = initialWindow
        while true {
            let below = try neighbours(db, of: key, above: false, limit: width + 1)
            let above = try neighbours(db, of: key, above: true, limit: width + 1)
            let window = Array(below.prefix(width).reversed()) + Array(above.prefix(width))
            let needed = spreadStep * Int64(window.count + 2)
            // Past the table's first or last row every rank is free.
            var low = below.count > width ? below[width].rank : below[below.count - 1].rank - gap
            var high = above.count > width ? above[width].rank : above[above.count - 1].rank + gap
            if below.count <= width { low = min(low, high - needed) }
            if above.count <= width { high = max(high, low + needed) }
            if high - low >= needed {
                let step = (high - low) / Int64(window.count + 2)
                let slot = min(below.count, width)
                var ranks = (0...window.count).map { low + step * Int64($0 + 1) }
                let slotRank = ranks.remove(at: slot)
                if let movingRank, low < movingRank, movingRank < high {
                    try park(db, id: key.id)
                }
                try assign(db, Array(zip(window, ranks)))
                return slotRank
            }
            width *= 2
        }
    }

    /// Moves a renamed row's old rank out of the window, where a re-spread may hand it to
    /// another row: above every rank, which is always free.
    private func park(_ db: Database, id: Int64) throws {
        try db.execute(
            sql: "UPDATE \(table) SET name_rank = (SELECT max(name_rank) FROM \(table)) + ? WHERE id = ?",
            arguments: [gap, id])
    }

    /// Gives each row its new rank without ever holding a rank another row still has (the
    /// index on `name_rank` is unique): rows moving down go first, lowest first, then rows
    /// moving up, highest first. Both lists are ordered like the ranks, so a target is always
    /// already vacated or never taken.
    private func assign(_ db: Database, _ moves: [(Neighbour, Int64)]) throws {
        let statement = try db.cachedStatement(sql: "UPDATE \(table) SET name_rank = ? WHERE id = ?")
        let down = moves.filter { $0.1 < $0.0.rank }
        let up = moves.filter { $0.1 > $0.0.rank }.reversed()
        for (row, rank) in down + up {
            try statement.execute(arguments: [rank, row.id])
        }
    }
}
