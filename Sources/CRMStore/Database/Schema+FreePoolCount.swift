import GRDB

extension Schema {
    /// v25: the free pool and "my leads" are counted from `leads_by_assignee` alone (issue 14).
    ///
    /// The planner reads both views through that index (`assignee_id IS NULL` or `= me`, not
    /// archived, newest first), but it held neither the status nor the partner, so the bounded
    /// count looked up each of its 10,001 leads in the table: 140–380 ms on the large demo, most
    /// of it waiting for pages, which made the free pool the slowest view to switch to. With
    /// `status_id` and `partner_id` in the index (and `id` before them, so rows still come newest
    /// first without a sort) the count reads the index only: 2–7 ms. A separate covering index was
    /// not chosen by the planner. The new index's statistics are gathered when the file has any
    /// (dropping an index drops them), so the planner keeps its choice.
    static func coverFreePoolCount(_ db: Database) throws {
        try db.execute(sql: """
            DROP INDEX IF EXISTS leads_by_assignee;
            CREATE INDEX leads_by_assignee ON leads(assignee_id, is_archived, created_at, id, status_id, partner_id);
            """)
        if try db.tableExists("sqlite_stat1") { try db.execute(sql: "ANALYZE leads_by_assignee") }
    }
}
