import GRDB

extension Schema {
    /// v20: how a deal closed (OP-2). `lost_reasons` is a name-only list like activity
    /// categories, shipped with the usual causes; opportunities get the day they actually
    /// closed (`closed_on`, ISO text like `expected_close`) and why a lost one was lost. Both stay
    /// empty on deals closed before: their day and cause are not known, and inventing them would
    /// distort the statistics they exist for. The partial index serves the filter
    /// (`lost-reason:price`) and the in-use check that keeps a reason from being deleted. Safe to
    /// run again, as the later migrations are.
    static func addLostReasons(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS lost_reasons (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                position INTEGER NOT NULL,
                version INTEGER NOT NULL DEFAULT 1
            );
            INSERT INTO lost_reasons (name, position) SELECT * FROM (VALUES
                ('Price', 1), ('Competitor', 2), ('No budget', 3), ('No decision', 4), ('Timing', 5),
                ('Product fit', 6), ('Other', 7)) WHERE NOT EXISTS (SELECT 1 FROM lost_reasons);
            """)
        guard try !db.columns(in: "opportunities").contains(where: { $0.name == "closed_on" }) else { return }
        try db.execute(sql: """
            ALTER TABLE opportunities ADD COLUMN closed_on TEXT;
            ALTER TABLE opportunities ADD COLUMN lost_reason_id INTEGER REFERENCES lost_reasons(id);
            CREATE INDEX opportunities_by_lost_reason ON opportunities(lost_reason_id) WHERE lost_reason_id IS NOT NULL;
            """)
    }
}
