import GRDB

extension Schema {
    /// v16: indexes for the lead filter language (LD-4) and splitter filters (LP-6) on a million
    /// leads, checked with EXPLAIN QUERY PLAN (docs/PERFORMANCE.md). Lead lists are newest
    /// first, so each index ends in `created_at`: a page of `campaign:x`, `partner:y`,
    /// `duplicate:yes` or `split:z` walks its index in list order instead of sorting every match.
    /// `leads_by_split_filter` also counts the leads each splitter filter holds. The campaign and
    /// partner indexes of v13 are replaced by these wider ones, which serve their lookups too.
    static func addLeadFilterIndexes(_ db: Database) throws {
        try db.execute(sql: """
            DROP INDEX leads_by_campaign;
            CREATE INDEX leads_by_campaign ON leads(campaign_id, created_at) WHERE campaign_id IS NOT NULL;
            DROP INDEX leads_by_partner;
            CREATE INDEX leads_by_partner ON leads(partner_id, created_at) WHERE partner_id IS NOT NULL;
            CREATE INDEX leads_duplicates_by_created ON leads(created_at) WHERE duplicate_of_id IS NOT NULL;
            CREATE INDEX leads_by_split_filter ON leads(split_filter_id, created_at) WHERE split_filter_id IS NOT NULL;
            """)
    }
}
