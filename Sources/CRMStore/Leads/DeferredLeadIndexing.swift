import GRDB

/// Brings the search index and the counts (LD-3) up to date once at the end of a transaction
/// that writes many leads, instead of through the per-lead triggers (v19): the search index gets
/// its changes in two sorted statements, the summaries one grouped upsert per dimension.
///
/// While it runs, the triggers ignore every lead above the highest id the transaction started
/// with, whatever happens to it (an update, a re-spread name rank, a delete); `finish` indexes
/// and counts those leads as they then are. Older leads are counted by the triggers as usual,
/// but changes to their search entries wait in `lead_search_backlog` until `finish`.
struct DeferredLeadIndexing {
    private let db: Database
    /// Leads above this id are the ones this transaction inserted: the highest id a lead ever
    /// had, deleted leads included, as the AUTOINCREMENT sequence keeps it (v22), so ids given
    /// from here on are never a former lead's.
    let lastIDBefore: Int64

    /// Stands the triggers aside for the rest of the caller's write transaction.
    init(_ db: Database) throws {
        self.db = db
        lastIDBefore = try Int64.fetchOne(db.cachedStatement(sql: "SELECT seq FROM sqlite_sequence WHERE name = 'leads'")) ?? 0
        try db.run("INSERT INTO lead_indexing_deferred (id, after_id) VALUES (1, ?)", [lastIDBefore])
    }

    /// Applies the deferred search-index changes, counts the new leads and puts the triggers
    /// back. Entries go to FTS5 in rowid order: it flushes its pending terms whenever a rowid
    /// goes backwards. The new leads are read by id range and the backlog drives its join; a
    /// plan that reads `leads` in rank order instead walks all of it (250 ms on a million).
    ///
    /// Every statement goes through the statement cache: intake runs this once per transaction,
    /// and preparing these statements (with the triggers they fire) cost more than running them.
    func finish() throws {
        try db.run("""
            INSERT INTO leads_fts (leads_fts, rowid, search_text)
                SELECT 'delete', name_rank, search_text FROM lead_search_backlog ORDER BY name_rank
            """)
        try db.run("""
            WITH changed (name_rank, search_text) AS MATERIALIZED (
                SELECT name_rank, search_text FROM leads WHERE id > ?
                UNION ALL
                SELECT l.name_rank, l.search_text FROM lead_search_backlog b CROSS JOIN leads l ON l.id = b.lead_id)
            INSERT INTO leads_fts (rowid, search_text) SELECT name_rank, search_text FROM changed ORDER BY name_rank
            """, [lastIDBefore])
        try db.run("DELETE FROM lead_search_backlog")
        for table in LeadCountTable.allCases {
            for dimension in LeadCountTable.Dimension.allCases {
                try db.run("""
                    INSERT INTO \(table.rawValue) (dimension, bucket, key, status_id, touched, n)
                    SELECT '\(dimension.rawValue)', \(table.bucket("l")), \(dimension.key("l")), l.status_id, l.touched_at IS NOT NULL, count(*)
                    FROM leads l WHERE l.id > ? GROUP BY 2, 3, 4, 5
                    ON CONFLICT DO UPDATE SET n = n + excluded.n
                    """, [lastIDBefore])
            }
        }
        try db.run("DELETE FROM lead_indexing_deferred")
    }
}
