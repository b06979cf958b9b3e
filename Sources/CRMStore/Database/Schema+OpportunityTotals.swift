import GRDB

extension Schema {
    /// v23: the board's column totals kept as they change. Summing 250,000 opportunities for
    /// the unfiltered board read the whole `opportunities_totals` index (about 3,000 pages,
    /// ~30 ms), the bulk of opening the board; `opportunity_totals` holds the same count and
    /// sum per status, currency and privacy (`private_owner_id`, 0 for everyone's), a few dozen
    /// rows, kept in step by triggers in the writer's own transaction, so the unfiltered board
    /// (`OpportunityRepository.totalsByStatus`) sums those instead. Filtered boards still group
    /// the opportunities themselves. `currency` is '' for opportunities without an amount. Safe
    /// to run again, as the earlier migrations are.
    static func addOpportunityTotals(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS opportunity_totals (
                status_id INTEGER NOT NULL,
                currency TEXT NOT NULL,
                private_owner_id INTEGER NOT NULL,
                records INTEGER NOT NULL,
                minor INTEGER NOT NULL,
                PRIMARY KEY (status_id, currency, private_owner_id)
            ) WITHOUT ROWID;
            CREATE TRIGGER IF NOT EXISTS opportunity_totals_insert AFTER INSERT ON opportunities BEGIN
                \(totalsChange(row: "new", sign: "+"))
            END;
            CREATE TRIGGER IF NOT EXISTS opportunity_totals_delete AFTER DELETE ON opportunities BEGIN
                \(totalsChange(row: "old", sign: "-"))
            END;
            CREATE TRIGGER IF NOT EXISTS opportunity_totals_update
                AFTER UPDATE OF status_id, currency, amount_minor, private_owner_id ON opportunities BEGIN
                \(totalsChange(row: "old", sign: "-"))
                \(totalsChange(row: "new", sign: "+"))
            END;
            """)
        try refillOpportunityTotals(db)
    }

    /// Sums every opportunity into `opportunity_totals` afresh: after the migration, and after a
    /// bulk load that inserted opportunities with the triggers out of the way (`BulkLoad`).
    static func refillOpportunityTotals(_ db: Database) throws {
        try db.execute(sql: """
            DELETE FROM opportunity_totals;
            INSERT INTO opportunity_totals (status_id, currency, private_owner_id, records, minor)
                SELECT status_id, ifnull(currency, ''), ifnull(private_owner_id, 0), count(*), ifnull(sum(amount_minor), 0)
                FROM opportunities GROUP BY 1, 2, 3;
            """)
    }

    /// Adds (`+`) or takes away (`-`) the opportunity `row` (`new` or `old`) in its totals row.
    private static func totalsChange(row: String, sign: String) -> String {
        """
        INSERT INTO opportunity_totals (status_id, currency, private_owner_id, records, minor)
            VALUES (\(row).status_id, ifnull(\(row).currency, ''), ifnull(\(row).private_owner_id, 0),
                    \(sign)1, \(sign)ifnull(\(row).amount_minor, 0))
            ON CONFLICT DO UPDATE SET records = records + excluded.records, minor = minor + excluded.minor;
        """
    }
}
