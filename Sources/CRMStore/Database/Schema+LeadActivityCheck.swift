import GRDB

extension Schema {
    /// v18: lets sales activities belong to a lead in databases created before v13 (LD-10).
    ///
    /// v13 widened v11's rule "an activity belongs to exactly one opportunity, account or
    /// partner" to include leads by changing v11 itself, so databases that already had v11 kept
    /// the narrow check and refuse every activity on a lead. SQLite cannot change a check in
    /// place: the table is rebuilt with the wide check, its rows copied as they are, and its
    /// indexes and the triggers that name it (on accounts, opportunities and itself) are put
    /// back from their stored definitions. Databases that already have the wide check are left
    /// alone.
    static func widenActivityCheckForLeads(_ db: Database) throws {
        let wideCheck = "(partner_id IS NOT NULL) + (lead_id IS NOT NULL) = 1"
        guard let tableSQL = try String.fetchOne(
            db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'sales_activities'"),
            !tableSQL.contains(wideCheck) else { return }
        let dependents = try Row.fetchAll(db, sql: """
            SELECT type, name, sql FROM sqlite_master
            WHERE type IN ('index', 'trigger') AND sql IS NOT NULL
              AND (tbl_name = 'sales_activities' OR sql LIKE '%sales_activities%')
            """)
        for trigger in dependents where trigger["type"] == "trigger" {
            let name: String = trigger["name"]
            try db.execute(sql: "DROP TRIGGER \(name.quotedDatabaseIdentifier)")
        }
        try db.execute(sql: """
            CREATE TABLE sales_activities_widened (
                id INTEGER PRIMARY KEY,
                category_id INTEGER NOT NULL REFERENCES activity_categories(id),
                at INTEGER NOT NULL,
                duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 0 AND 1440),
                outcome TEXT NOT NULL,
                description TEXT NOT NULL,
                owner_id INTEGER NOT NULL REFERENCES users(id),
                opportunity_id INTEGER REFERENCES opportunities(id) ON DELETE CASCADE,
                account_id INTEGER REFERENCES accounts(id) ON DELETE CASCADE,
                partner_id INTEGER REFERENCES partners(id) ON DELETE CASCADE,
                lead_id INTEGER,
                timeline_account_id INTEGER,
                private_owner_id INTEGER,
                created_by_id INTEGER NOT NULL REFERENCES users(id),
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                version INTEGER NOT NULL DEFAULT 1,
                CHECK ((opportunity_id IS NOT NULL) + (account_id IS NOT NULL) + \(wideCheck))
            );
            INSERT INTO sales_activities_widened (
                id, category_id, at, duration_minutes, outcome, description, owner_id, opportunity_id, account_id,
                partner_id, lead_id, timeline_account_id, private_owner_id, created_by_id, created_at, updated_at, version)
            SELECT id, category_id, at, duration_minutes, outcome, description, owner_id, opportunity_id, account_id,
                partner_id, lead_id, timeline_account_id, private_owner_id, created_by_id, created_at, updated_at, version
            FROM sales_activities;
            DROP TABLE sales_activities;
            ALTER TABLE sales_activities_widened RENAME TO sales_activities;
            """)
        for dependent in dependents {
            try db.execute(sql: dependent["sql"])
        }
    }
}
