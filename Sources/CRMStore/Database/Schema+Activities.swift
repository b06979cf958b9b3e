import GRDB

extension Schema {
    /// v9: sales activities and their configurable categories (SA-1, SA-2, ST-5).
    ///
    /// An activity belongs to exactly one opportunity, account, partner or lead (`lead_id` has no
    /// foreign key: the leads table comes in v13; leads touched by an activity are marked by a
    /// trigger of v13). Two columns are copied so timelines stay
    /// single-index range scans:
    /// - `timeline_account_id`: the account whose timeline shows the activity — its own account,
    ///   or its opportunity's account — so an account's timeline, which includes its
    ///   opportunities' activities (SA-2), is one keyset walk of `(timeline_account_id, at, id)`
    ///   instead of a sort of every activity of every opportunity of the account;
    /// - `private_owner_id`: the privacy of that account, as contacts and opportunities copy it.
    /// Triggers keep both in step when an account's privacy or an opportunity's account changes,
    /// so no repository of those records has to know about activities.
    static func createActivities(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE activity_categories (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                position INTEGER NOT NULL,
                version INTEGER NOT NULL DEFAULT 1
            );
            INSERT INTO activity_categories (name, position) VALUES ('Call', 1), ('Meeting', 2), ('E-mail', 3), ('Note', 4);
            CREATE TABLE sales_activities (
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
                CHECK ((opportunity_id IS NOT NULL) + (account_id IS NOT NULL) + (partner_id IS NOT NULL) + (lead_id IS NOT NULL) = 1)
            );
            CREATE INDEX sales_activities_of_account ON sales_activities(account_id, at) WHERE account_id IS NOT NULL;
            CREATE INDEX sales_activities_of_opportunity ON sales_activities(opportunity_id, at, id)
                WHERE opportunity_id IS NOT NULL;
            CREATE INDEX sales_activities_of_partner ON sales_activities(partner_id, at, id) WHERE partner_id IS NOT NULL;
            CREATE INDEX sales_activities_on_account_timeline ON sales_activities(timeline_account_id, at, id)
                WHERE timeline_account_id IS NOT NULL;
            CREATE INDEX sales_activities_by_category ON sales_activities(category_id);
            CREATE TRIGGER accounts_privacy_to_activities AFTER UPDATE OF is_private, created_by_id ON accounts BEGIN
                UPDATE sales_activities SET private_owner_id = CASE WHEN new.is_private THEN new.created_by_id END
                WHERE account_id = new.id;
            END;
            CREATE TRIGGER opportunities_account_to_activities
                AFTER UPDATE OF account_id, private_owner_id ON opportunities BEGIN
                UPDATE sales_activities SET timeline_account_id = new.account_id, private_owner_id = new.private_owner_id
                WHERE opportunity_id = new.id;
            END;
            """)
    }
}
