import GRDB

extension Schema {
    /// v15: indexes for the lead filter language (LD-4) and splitter filters (LP-6) on a million
    /// leads. `leads_by_split_filter` counts the leads each splitter filter holds and answers
    /// `split:NAME` without touching unprocessed leads (those are `leads_unsplit`'s).
    static func addLeadFilterIndexes(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX leads_by_split_filter ON leads(split_filter_id, created_at) WHERE split_filter_id IS NOT NULL;
            """)
    }
}
