import CRMCore
import GRDB

/// The database schema as a list of named migrations; each one leaves `PRAGMA user_version` at
/// its number, so a newer file is recognised before anything touches it.
///
/// Derived columns (`display_name`, `sort_*`, `search_text`, `private_owner_id`) are computed in
/// Swift on every write (see `AccountColumns` and `ContactColumns`) and indexed for keyset
/// paging; the FTS5 tables index `search_text` through triggers. Since v7 the FTS rowid is
/// `name_rank`, a sparse integer ordered like `(sort_name, id)` (kept by `NameRank`), so the
/// search index returns matches in name order.
enum Schema {
    static let migrationNames = ["v1-users", "v2-types", "v3-accounts", "v4-contacts", "v5-account-figures", "v6-filter-walk-indexes",
                                  "v7-name-ranks", "v8-pipeline", "v9-saved-filters", "v10-tasks", "v11-activities", "v12-partner-ranks", "v13-leads",
                                  "v14-lead-processing", "v15-lead-merge",
                                  "v16-lead-filter-indexes", "v17-lead-statistics", "v18-lead-activity-check",
                                  "v19-deferred-lead-indexing", "v20-lost-reasons", "v21-account-visibility-one-choice",
                                  "v22-ids-never-reused", "v23-opportunity-totals",
                                  "v24-rebuilt-table-statistics", "v25-free-pool-count"]

    /// Brings the database at `path` to this build's schema. `PRAGMA user_version`, which
    /// every migration leaves at its number in the same transaction, says what to do: nothing
    /// at this build's version (every start of the app: the migrator's look at its own table
    /// is spared), refuse a newer file untouched, else run the migrations still missing.
    static func migrate(_ writer: any DatabaseWriter, path: String) throws {
        let found = try writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
        let known = migrationNames.count
        guard found != known else { return }
        guard found < known else { throw StoreError.newerSchema(path: path, found: found, known: known) }
        try migrator.migrate(writer)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        let steps: [@Sendable (Database) throws -> Void] = [
            createUsers, createTypes, createAccounts, createContacts, addAccountFigures, addFilterWalkIndexes,
            addNameRanks, createPipeline, createSavedFilters, createTasks, createActivities, addPartnerRanks, createLeads, addLeadProcessing,
            addLeadMerge,
            addLeadFilterIndexes, addLeadStatistics, widenActivityCheckForLeads, deferLeadIndexing, addLostReasons,
            makeAccountVisibilityOneChoice, makeIDsNeverReused, addOpportunityTotals, restoreRebuiltTableStatistics,
            coverFreePoolCount,
        ]
        for (number, (name, step)) in zip(migrationNames, steps).enumerated() {
            migrator.registerMigration(name) { db in
                try step(db)
                try db.execute(sql: "PRAGMA user_version = \(number + 1)")
            }
        }
        return migrator
    }

    private static func createUsers(_ db: Database) throws {
        try db.execute(sql: "PRAGMA application_id = \(AppDatabase.applicationID)")
        try db.execute(sql: """
            CREATE TABLE roles (key TEXT PRIMARY KEY, title TEXT NOT NULL) WITHOUT ROWID;
            CREATE TABLE users (
                id INTEGER PRIMARY KEY,
                login TEXT NOT NULL UNIQUE,
                display_name TEXT NOT NULL,
                role TEXT NOT NULL REFERENCES roles(key),
                active INTEGER NOT NULL DEFAULT 1
            );
            CREATE TABLE journal (
                id INTEGER PRIMARY KEY,
                at INTEGER NOT NULL,
                user_id INTEGER REFERENCES users(id),
                entity TEXT NOT NULL,
                entity_id INTEGER NOT NULL,
                action TEXT NOT NULL,
                field TEXT,
                old_value TEXT,
                new_value TEXT
            );
            CREATE INDEX journal_by_entity ON journal(entity, entity_id, id);
            """)
        for role in Role.allCases {
            try db.execute(sql: "INSERT INTO roles (key, title) VALUES (?, ?)", arguments: [role.rawValue, role.title])
        }
    }

    private static func createTypes(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE account_types (
                id INTEGER PRIMARY KEY,
                key TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                uses_person_name INTEGER NOT NULL,
                uses_organisation_name INTEGER NOT NULL,
                position INTEGER NOT NULL,
                version INTEGER NOT NULL DEFAULT 1,
                CHECK (uses_person_name OR uses_organisation_name)
            );
            INSERT INTO account_types (key, name, uses_person_name, uses_organisation_name, position) VALUES
                ('person', 'Person', 1, 0, 1), ('company', 'Company', 0, 1, 2), ('account', 'Account', 0, 1, 3);
            CREATE TABLE contact_types (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                position INTEGER NOT NULL,
                version INTEGER NOT NULL DEFAULT 1
            );
            INSERT INTO contact_types (name, position) VALUES ('Employee', 1), ('Consultant', 2), ('Other', 3);
            """)
    }

    /// Head count, revenue (exact decimal text plus its ISO currency) and customer-since date.
    private static func addAccountFigures(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE accounts ADD COLUMN employees INTEGER;
            ALTER TABLE accounts ADD COLUMN annual_revenue TEXT;
            ALTER TABLE accounts ADD COLUMN revenue_currency TEXT;
            ALTER TABLE accounts ADD COLUMN customer_since TEXT;
            """)
    }

    /// Covering indexes for the quick filter's walk in name order: the walk reads only index
    /// pages (sort key, id, the visibility columns, search text), several times faster than
    /// visiting each table row.
    private static func addFilterWalkIndexes(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX accounts_filter_walk ON accounts(sort_name, id, is_private, created_by_id, search_text);
            CREATE INDEX contacts_filter_walk ON contacts(sort_name, id, private_owner_id, search_text);
            """)
    }

    /// A `name_rank` per account and contact, and search indexes keyed by it: FTS5 then lists
    /// the matches of a filter in name order, so a filtered page sorted by name reads only its
    /// own rows however many match (`KeysetList`). The name-order walk of v6, and its covering
    /// indexes, are no longer needed. Counting matches joins each one to its row for the
    /// visibility test; a covering index of rank and visibility columns keeps that join off the
    /// table, whose rows are in id order, not rank order (25 ms against 5 ms for 10,000 matches);
    /// `KeysetList` names it with INDEXED BY.
    private static func addNameRanks(_ db: Database) throws {
        try db.execute(sql: "DROP INDEX accounts_filter_walk; DROP INDEX contacts_filter_walk")
        let visibilityColumns = ["accounts": "is_private, created_by_id", "contacts": "private_owner_id"]
        for table in ["accounts", "contacts"] {
            try db.execute(sql: """
                ALTER TABLE \(table) ADD COLUMN name_rank INTEGER;
                DROP TRIGGER \(table)_fts_insert;
                DROP TRIGGER \(table)_fts_delete;
                DROP TRIGGER \(table)_fts_update;
                DROP TABLE \(table)_fts;
                """)
            try NameRank.renumberAll(db, table: table)
            try db.execute(sql: """
                CREATE UNIQUE INDEX \(table)_by_name_rank ON \(table)(name_rank);
                CREATE INDEX \(table)_visible_by_name_rank ON \(table)(name_rank, \(visibilityColumns[table] ?? ""));
                """)
            try createSearchIndex(db, table: table, rowid: "name_rank")
            try refillSearchIndex(db, table: table)
        }
    }

    private static func createAccounts(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE accounts (
                id INTEGER PRIMARY KEY,
                type_id INTEGER NOT NULL REFERENCES account_types(id),
                first_name TEXT NOT NULL, last_name TEXT NOT NULL, name TEXT NOT NULL,
                email TEXT NOT NULL, phone TEXT NOT NULL, street TEXT NOT NULL, city TEXT NOT NULL,
                postcode TEXT NOT NULL, country TEXT NOT NULL, registration_number TEXT NOT NULL,
                vat_number TEXT NOT NULL, industry TEXT NOT NULL, note TEXT NOT NULL,
                is_global INTEGER NOT NULL, is_private INTEGER NOT NULL, is_key_account INTEGER NOT NULL,
                account_manager_id INTEGER REFERENCES users(id),
                created_by_id INTEGER NOT NULL REFERENCES users(id),
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                version INTEGER NOT NULL DEFAULT 1,
                display_name TEXT NOT NULL,
                sort_name TEXT NOT NULL,
                sort_city TEXT NOT NULL,
                search_text TEXT NOT NULL
            );
            CREATE INDEX accounts_by_name ON accounts(sort_name, id);
            CREATE INDEX accounts_by_city ON accounts(sort_city, sort_name, id);
            CREATE INDEX accounts_by_updated ON accounts(updated_at, id);
            CREATE INDEX accounts_by_type ON accounts(type_id);
            CREATE TABLE favourites (
                user_id INTEGER NOT NULL REFERENCES users(id),
                account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                PRIMARY KEY (user_id, account_id)
            ) WITHOUT ROWID;
            CREATE INDEX favourites_by_account ON favourites(account_id);
            """)
        try createSearchIndex(db, table: "accounts", rowid: "id")
    }

    private static func createContacts(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE contacts (
                id INTEGER PRIMARY KEY,
                type_id INTEGER NOT NULL REFERENCES contact_types(id),
                account_id INTEGER REFERENCES accounts(id),
                first_name TEXT NOT NULL, last_name TEXT NOT NULL, job_title TEXT NOT NULL,
                email TEXT NOT NULL, phone TEXT NOT NULL, mobile TEXT NOT NULL, messenger TEXT NOT NULL,
                note TEXT NOT NULL,
                created_by_id INTEGER NOT NULL REFERENCES users(id),
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                version INTEGER NOT NULL DEFAULT 1,
                is_anonymized INTEGER NOT NULL DEFAULT 0,
                account_name TEXT,
                private_owner_id INTEGER,
                sort_name TEXT NOT NULL,
                sort_account TEXT NOT NULL,
                search_text TEXT NOT NULL
            );
            CREATE INDEX contacts_by_name ON contacts(sort_name, id);
            CREATE INDEX contacts_by_account_name ON contacts(sort_account, sort_name, id);
            CREATE INDEX contacts_by_updated ON contacts(updated_at, id);
            CREATE INDEX contacts_of_account ON contacts(account_id, sort_name, id);
            CREATE INDEX contacts_by_type ON contacts(type_id);
            """)
        try createSearchIndex(db, table: "contacts", rowid: "id")
    }

    /// Re-indexes every row of `table` in its search index, keyed by name rank.
    ///
    /// Rows are fed in rank order (sorted rather than read through the rank index, which would
    /// visit the table at random) instead of with FTS5's `rebuild`, which reads the table in id
    /// order: FTS5 flushes its pending terms whenever a rowid goes backwards, so an unordered
    /// rebuild writes a segment every few rows. Rank gaps make the index's rowid deltas several
    /// bytes long, so a 64 MiB buffer of pending terms (instead of 1 MiB) saves most of the
    /// segment merging; it is set back to the default for ordinary writes. Measured on a million
    /// contacts: 8.6 s, against 17 s with the default buffer and 6.6 s for `rebuild` by id.
    ///
    /// The buffer leaves a few large segments, which FTS5's automatic merging folds together
    /// some thousands of writes later, inside one writer's transaction (on a million leads,
    /// 3.4 s in the middle of the first intake batch). Merging them here with `optimize` avoids
    /// that once, but was measured to cost more than it saves: afterwards single intake POSTs
    /// ran a sixth slower (1,045 against 1,259 leads/s on the large demo), so it is not done.
    static func refillSearchIndex(_ db: Database, table: String) throws {
        let fts = "\(table)_fts"
        try db.execute(sql: """
            INSERT INTO \(fts)(\(fts)) VALUES ('delete-all');
            INSERT INTO \(fts)(\(fts), rank) VALUES ('hashsize', \(64 << 20));
            INSERT INTO \(fts)(rowid, search_text) SELECT name_rank, search_text FROM \(table) NOT INDEXED ORDER BY name_rank;
            INSERT INTO \(fts)(\(fts), rank) VALUES ('hashsize', \(1 << 20));
            """)
    }

    /// An FTS5 index over `table.search_text` with `rowid` as its rowid, kept in step by
    /// triggers (an update re-indexes the row when its text or its rowid column changes).
    ///
    /// The text is folded already, so the tokenizer only splits words; `detail=none` keeps the
    /// index small (only word-prefix matching is needed) and the prefix indexes make one- to
    /// five-letter prefixes as cheap as whole words (longer prefixes match few words, so the
    /// merge of their lists stays small).
    static func createSearchIndex(_ db: Database, table: String, rowid: String) throws {
        let fts = "\(table)_fts"
        try db.execute(sql: """
            CREATE VIRTUAL TABLE \(fts) USING fts5(
                search_text, content='\(table)', content_rowid='\(rowid)', detail=none, prefix='1 2 3 4 5',
                tokenize='unicode61 remove_diacritics 0');
            \(searchIndexTriggers(table: table, rowid: rowid))
            """)
    }

    /// The triggers that keep `table`'s search index in step; each fires only when its row
    /// passes `when` (SQL over `new` for inserts, `old` for updates and deletes; none: always).
    static func searchIndexTriggers(table: String, rowid: String, when: (String) -> String? = { _ in nil }) -> String {
        let fts = "\(table)_fts"
        let watched = rowid == "id" ? "search_text" : "search_text, \(rowid)"
        func condition(_ row: String) -> String { when(row).map { " WHEN \($0)" } ?? "" }
        return """
            CREATE TRIGGER \(table)_fts_insert AFTER INSERT ON \(table)\(condition("new")) BEGIN
                INSERT INTO \(fts)(rowid, search_text) VALUES (new.\(rowid), new.search_text);
            END;
            CREATE TRIGGER \(table)_fts_delete AFTER DELETE ON \(table)\(condition("old")) BEGIN
                INSERT INTO \(fts)(\(fts), rowid, search_text) VALUES ('delete', old.\(rowid), old.search_text);
            END;
            CREATE TRIGGER \(table)_fts_update AFTER UPDATE OF \(watched) ON \(table)\(condition("old")) BEGIN
                INSERT INTO \(fts)(\(fts), rowid, search_text) VALUES ('delete', old.\(rowid), old.search_text);
                INSERT INTO \(fts)(rowid, search_text) VALUES (new.\(rowid), new.search_text);
            END;
            """
    }
}
