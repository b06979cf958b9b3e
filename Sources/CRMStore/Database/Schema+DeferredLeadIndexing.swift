import GRDB

extension Schema {
    /// v19: lets a writer of many leads index and count them once per transaction instead of
    /// once per lead (see `DeferredLeadIndexing`).
    ///
    /// Per lead, the triggers cost more than the lead itself: the count trigger upserts six
    /// summary rows, and every search-index change inside a write transaction makes FTS5 flush
    /// its pending terms into a new segment at the next statement (each statement opens a
    /// savepoint, and FTS5 flushes at every savepoint), so interleaving index changes with other
    /// writes costs a segment and its merging per lead. While the writing transaction holds the
    /// one row of `lead_indexing_deferred`:
    /// - leads above `after_id` (inserted by it) are neither indexed nor counted by triggers;
    /// - a search-index change of an older lead (a re-spread name rank) is not applied but
    ///   noted in `lead_search_backlog` with the entry the index still holds.
    /// Other connections never see that row (it is inserted and deleted inside one write
    /// transaction), so for every other writer the triggers work as before. Safe to run again.
    static func deferLeadIndexing(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS lead_indexing_deferred (id INTEGER PRIMARY KEY CHECK (id = 1), after_id INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS lead_search_backlog (
                lead_id INTEGER PRIMARY KEY, name_rank INTEGER NOT NULL, search_text TEXT NOT NULL);
            DROP TRIGGER IF EXISTS leads_fts_insert;
            DROP TRIGGER IF EXISTS leads_fts_delete;
            DROP TRIGGER IF EXISTS leads_fts_update;
            DROP TRIGGER IF EXISTS leads_fts_backlog_update;
            DROP TRIGGER IF EXISTS leads_fts_backlog_delete;
            DROP TRIGGER IF EXISTS lead_counts_insert;
            DROP TRIGGER IF EXISTS lead_counts_delete;
            DROP TRIGGER IF EXISTS lead_counts_update;
            """)
        let notDeferred = { (_: String) in "NOT EXISTS (SELECT 1 FROM lead_indexing_deferred)" }
        try db.execute(sql: searchIndexTriggers(table: "leads", rowid: "name_rank", when: notDeferred))
        let olderLead = "EXISTS (SELECT 1 FROM lead_indexing_deferred WHERE old.id <= after_id)"
        let noteEntry = """
            INSERT OR IGNORE INTO lead_search_backlog (lead_id, name_rank, search_text)
                VALUES (old.id, old.name_rank, old.search_text);
            """
        try db.execute(sql: """
            CREATE TRIGGER leads_fts_backlog_update AFTER UPDATE OF search_text, name_rank ON leads WHEN \(olderLead) BEGIN
                \(noteEntry)
            END;
            CREATE TRIGGER leads_fts_backlog_delete AFTER DELETE ON leads WHEN \(olderLead) BEGIN
                \(noteEntry)
            END;
            """)
        try db.execute(sql: leadCountTriggers(when: { row in
            "NOT EXISTS (SELECT 1 FROM lead_indexing_deferred WHERE \(row).id > after_id)"
        }))
    }
}
