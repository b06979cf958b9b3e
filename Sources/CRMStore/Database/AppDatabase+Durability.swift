import GRDB

extension AppDatabase {
    /// Makes every commit of this process durable on power loss (`PRAGMA synchronous = FULL` on
    /// the writer connection): in WAL mode GRDB's NORMAL syncs only at checkpoints, so the last
    /// commits can vanish with the power. The intake server calls this so that a 201 answer
    /// means the lead is on disk; it costs one fsync of the WAL per transaction.
    public func requireDurableCommits() throws {
        try translatingErrors {
            try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        }
    }

    /// Gives the writer connection a page cache of `megabytes` (the app's connections keep 8 MB):
    /// intake inserts into a million leads touch a few pages of each of the table's indexes and
    /// of the search index, and with a small cache most of those are re-read for every lead.
    public func enlargeWriterCache(megabytes: Int) throws {
        try translatingErrors {
            try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA cache_size = -\(megabytes * 1024)") }
        }
    }

    /// The writer connection's `PRAGMA synchronous` level (0 off, 1 normal, 2 full, 3 extra).
    public func synchronousLevel() throws -> Int {
        try translatingErrors { try writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? 0 } }
    }
}
