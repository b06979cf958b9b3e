import GRDB

/// Runs a large insert in one transaction with the tables' indexes and FTS triggers out of the
/// way, then rebuilds them: far faster than maintaining every index row by row. The rows of
/// `searchTables` are inserted without name ranks; they are numbered in one pass (before the
/// indexes are built, so no index is updated row by row) and then indexed for search.
///
/// The index and trigger definitions are read from the schema itself, so the load always
/// restores exactly what the migrations created. Table statistics (`ANALYZE`) are gathered at
/// the end, as the planner needs them on tables this size.
enum BulkLoad {
    static func run(
        _ writer: any DatabaseWriter, tables: [String], searchTables: [String],
        progress: (String, Double) -> Void, load: (Database) throws -> Void
    ) throws {
        try writer.writeWithoutTransaction { db in
            let synchronous = try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? 1
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            // Durability is moot while a fresh file is filled in one transaction; a large cache
            // keeps index builds in memory.
            try db.execute(sql: "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144")
            defer {
                try? db.execute(sql: "PRAGMA synchronous = \(synchronous); PRAGMA cache_size = \(cacheSize)")
            }
            try db.inTransaction(.immediate) {
                let list = tables.map { "'\($0)'" }.joined(separator: ", ")
                let saved = try Row.fetchAll(db, sql: """
                    SELECT type, name, sql FROM sqlite_master
                    WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN (\(list))
                    """)
                for row in saved {
                    try db.execute(sql: "DROP \(row["type"] as String) \((row["name"] as String).quotedDatabaseIdentifier)")
                }
                try load(db)
                for (number, table) in searchTables.enumerated() {
                    progress("Ranking names", Double(number) / Double(searchTables.count))
                    try NameRank.renumberAll(db, table: table)
                }
                let indexes = saved.filter { $0["type"] == "index" }
                for (number, row) in indexes.enumerated() {
                    progress("Building indexes", Double(number) / Double(indexes.count))
                    try db.execute(sql: row["sql"])
                }
                for (number, table) in searchTables.enumerated() {
                    progress("Building search index", Double(number) / Double(searchTables.count))
                    try Schema.refillSearchIndex(db, table: table)
                }
                for row in saved where row["type"] == "trigger" {
                    try db.execute(sql: row["sql"])
                }
                // The board's totals are kept by triggers, which were out of the way.
                if tables.contains("opportunities") { try Schema.refillOpportunityTotals(db) }
                // Statistics let the query planner walk a list's sort index under a filter
                // instead of sorting every match (measured: 120 ms → 1 ms for a first page).
                progress("Gathering statistics", 0)
                try db.execute(sql: "ANALYZE")
                return .commit
            }
        }
    }
}
