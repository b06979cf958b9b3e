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

    /// `(name_rank, rank(...))`, for the column lists of INSERT and UPDATE statements.
    func column(_ db: Database, sortName: String, id: Int64?) throws -> (Column, (any DatabaseValueConvertible)?) {
        (RecordColumns.nameRank, try rank(db, sortName: sortName, id: id))
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
        if let rank = spaced(slots: 1, below: below.first?.rank, above: above.first?.rank)?.first { return rank }
        return try respread(db, around: key, slots: 1, movingRank: current)[0]
    }

    /// The ranks of rows about to be inserted, in insertion order, given their sort names: a
    /// batch places all of its rows at once, sharing out the free range between two existing
    /// rows among the new rows that fall there (intake puts thousands of leads among a handful
    /// of names; placed one by one, they halved the same ranges and re-spread them again and
    /// again). New rows sort after existing rows of the same name and among themselves in
    /// insertion order, as their ids will.
    ///
    /// Ranges too narrow for their new rows are re-spread first and the whole batch is placed
    /// again (a re-spread may move rows bordering another range). `nil` when ranges are still
    /// crowded after a few rounds: the caller then ranks row by row as it inserts.
    func ranksForNewRows(_ db: Database, sortNames: [String]) throws -> [Int64]? {
        let order = sortNames.indices.sorted { (sortNames[$0], $0) < (sortNames[$1], $1) }
        for _ in 0..<3 {
            let gaps = try gapsAround(db, sortNames: Set(sortNames))
            var ranks = [Int64](repeating: 0, count: sortNames.count)
            var crowded: [(key: Key, slots: Int)] = []
            var start = 0
            while start < order.count {
                let key = Key(sortName: sortNames[order[start]], id: .max)
                let (below, above) = gaps[key.sortName]!
                var end = start + 1
                while end < order.count, above.map({ sortNames[order[end]] < $0.sortName }) ?? true { end += 1 }
                if let placed = spaced(slots: end - start, below: below, above: above?.rank) {
                    for (index, rank) in zip(order[start..<end], placed) { ranks[index] = rank }
                } else {
                    crowded.append((key, end - start))
                }
                start = end
            }
            guard !crowded.isEmpty else { return ranks }
            for range in crowded {
                _ = try respread(db, around: range.key, slots: range.slots, movingRank: nil)
            }
        }
        return nil
    }

    /// For each sort name, the rank of the last row sorting at or before it and the first row
    /// sorting after it: the free range a new row of that name goes into. One statement for
    /// all names, since a batch of leads asks for thousands.
    private func gapsAround(_ db: Database, sortNames: Set<String>) throws
        -> [String: (below: Int64?, above: (rank: Int64, sortName: String)?)] {
        let names = JSONList.strings(sortNames)
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT j.value,
                (SELECT name_rank FROM \(table) WHERE sort_name <= j.value ORDER BY sort_name DESC, id DESC LIMIT 1),
                (SELECT name_rank FROM \(table) WHERE sort_name > j.value ORDER BY sort_name, id LIMIT 1),
                (SELECT sort_name FROM \(table) WHERE sort_name > j.value ORDER BY sort_name, id LIMIT 1)
            FROM json_each(?) j
            """), arguments: [names])
        var gaps: [String: (below: Int64?, above: (rank: Int64, sortName: String)?)] = [:]
        while let row = try rows.next() {
            let aboveRank: Int64? = row[2]
            gaps[row[0]] = (row[1], aboveRank.map { ($0, row[3]) })
        }
        return gaps
    }

    /// `slots` increasing ranks evenly spaced between two neighbouring ranks (`nil`: no row on
    /// that side); `nil` when they do not fit.
    private func spaced(slots: Int, below: Int64?, above: Int64?) -> [Int64]? {
        let count = Int64(slots)
        switch (below, above) {
        case (nil, nil): return (0..<count).map { $0 * gap }
        case (let low?, nil): return (1...count).map { low + $0 * gap }
        case (nil, let high?): return (1...count).map { high - (count + 1 - $0) * gap }
        case (let low?, let high?):
            let step = (high - low) / (count + 1)
            return step >= 1 ? (1...count).map { low + step * $0 } : nil
        }
    }

    private struct Key {
        var sortName: String
        var id: Int64
    }

    private struct Neighbour {
        var id: Int64
        var rank: Int64
        var sortName: String
    }

    /// Up to `limit` rows next to `key` on one side, nearest first, without the row itself.
    private func neighbours(_ db: Database, of key: Key, above: Bool, limit: Int) throws -> [Neighbour] {
        let (op, order) = above ? (">", "ASC") : ("<", "DESC")
        let statement = try db.cachedStatement(sql: """
            SELECT id, name_rank, sort_name FROM \(table) WHERE (sort_name, id) \(op) (?, ?) AND id <> ?
            ORDER BY sort_name \(order), id \(order) LIMIT ?
            """)
        return try Row.fetchAll(statement, arguments: [key.sortName, key.id, key.id, limit])
            .map { Neighbour(id: $0[0], rank: $0[1], sortName: $0[2]) }
    }

    /// The least distance a re-spread leaves between rows: a sixty-fourth of the gap, so that a
    /// spot written again and again (new leads of one name, which all sort at the end of that
    /// name) has room for several more halvings before the next re-spread. Spreading only two
    /// apart made every following insert there re-spread a wider window.
    private var spreadStep: Int64 { max(2, gap / 64) }

    /// Spreads the ranks of the nearest rows on both sides of `key` evenly over the free range
    /// around them, widening the window until every row, the new slots included, is at least
    /// `spreadStep` apart; returns the slots' ranks.
    private func respread(_ db: Database, around key: Key, slots: Int, movingRank: Int64?) throws -> [Int64] {
        var width = max(initialWindow, slots)
        while true {
            let below = try neighbours(db, of: key, above: false, limit: width + 1)
            let above = try neighbours(db, of: key, above: true, limit: width + 1)
            let window = Array(below.prefix(width).reversed()) + Array(above.prefix(width))
            let places = Int64(window.count + slots + 1)
            let needed = spreadStep * places
            // Past the table's first or last row every rank is free.
            var low = below.count > width ? below[width].rank : below[below.count - 1].rank - gap
            var high = above.count > width ? above[width].rank : above[above.count - 1].rank + gap
            if below.count <= width { low = min(low, high - needed) }
            if above.count <= width { high = max(high, low + needed) }
            if high - low >= needed {
                let step = (high - low) / places
                let slot = min(below.count, width)
                var ranks = (0..<(window.count + slots)).map { low + step * Int64($0 + 1) }
                let slotRanks = Array(ranks[slot..<(slot + slots)])
                ranks.removeSubrange(slot..<(slot + slots))
                if let movingRank, low < movingRank, movingRank < high {
                    try park(db, id: key.id)
                }
                try assign(db, Array(zip(window, ranks)))
                return slotRanks
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
