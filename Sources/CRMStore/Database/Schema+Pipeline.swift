import GRDB

extension Schema {
    /// v8: money settings, the pipeline and what opportunities point to (OP-1, OP-2, PA-1, PR-1,
    /// ST-5).
    ///
    /// Amounts are INTEGER minor units beside their ISO currency, so SQLite sums them exactly;
    /// rates are decimal TEXT, converted in Swift with `Decimal`. Opportunities copy their
    /// account's name (sorting, search, cards) and privacy (`private_owner_id`, as contacts do).
    /// Sort keys are never NULL, so keyset comparisons see every row: `sort_amount` is the amount
    /// in base-currency minor units at the rates of the last save or rate change (-1 without an
    /// amount; a sort key only, never summed), `sort_close` the ISO close date ("~" without one,
    /// after every date).
    /// The board reads a column through `(status_id, sort_name, id)` and its totals through the
    /// covering `opportunities_totals`, which also holds the columns filters test most (owner,
    /// close date, probability, project, partner, times), so totals under such a filter read
    /// that narrow index and never the wide rows; totals of a word search join the search
    /// matches to `opportunities_visible_by_name_rank`, which covers the same columns.
    static func createPipeline(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1)
                WITHOUT ROWID;
            INSERT INTO settings (key, value) VALUES ('base_currency', 'EUR');
            CREATE TABLE exchange_rates (
                id INTEGER PRIMARY KEY,
                currency TEXT NOT NULL CHECK (length(currency) = 3),
                rate TEXT NOT NULL,
                valid_from TEXT NOT NULL,
                version INTEGER NOT NULL DEFAULT 1,
                UNIQUE (currency, valid_from)
            );
            CREATE TABLE opportunity_statuses (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                position INTEGER NOT NULL,
                probability INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100),
                kind TEXT NOT NULL CHECK (kind IN ('open', 'won', 'lost')),
                colour TEXT NOT NULL,
                required_fields TEXT NOT NULL DEFAULT '',
                version INTEGER NOT NULL DEFAULT 1
            );
            INSERT INTO opportunity_statuses (name, position, probability, kind, colour, required_fields) VALUES
                ('Prospecting', 1, 10, 'open', 'grey', ''),
                ('Qualification', 2, 20, 'open', 'blue', 'accountID'),
                ('Proposal', 3, 50, 'open', 'cyan', 'accountID,amount'),
                ('Negotiation', 4, 75, 'open', 'yellow', 'accountID,amount,expectedClose'),
                ('Won', 5, 100, 'won', 'green', 'accountID,amount,expectedClose'),
                ('Lost', 6, 0, 'lost', 'red', '');
            CREATE TABLE projects (
                id INTEGER PRIMARY KEY,
                parent_id INTEGER REFERENCES projects(id),
                name TEXT NOT NULL,
                identifier TEXT NOT NULL UNIQUE,
                description TEXT NOT NULL DEFAULT '',
                crm_enabled INTEGER NOT NULL DEFAULT 0,
                include_subprojects INTEGER NOT NULL DEFAULT 1,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                version INTEGER NOT NULL DEFAULT 1,
                sort_name TEXT NOT NULL
            );
            CREATE INDEX projects_by_parent ON projects(parent_id, sort_name, id);
            CREATE TABLE partners (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                email TEXT NOT NULL, phone TEXT NOT NULL, city TEXT NOT NULL, country TEXT NOT NULL,
                note TEXT NOT NULL,
                created_by_id INTEGER NOT NULL REFERENCES users(id),
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                version INTEGER NOT NULL DEFAULT 1,
                sort_name TEXT NOT NULL,
                search_text TEXT NOT NULL
            );
            CREATE INDEX partners_by_name ON partners(sort_name, id);
            ALTER TABLE contacts ADD COLUMN partner_id INTEGER REFERENCES partners(id);
            CREATE INDEX contacts_of_partner ON contacts(partner_id) WHERE partner_id IS NOT NULL;
            CREATE TABLE opportunities (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                account_id INTEGER REFERENCES accounts(id),
                contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
                project_id INTEGER REFERENCES projects(id),
                status_id INTEGER NOT NULL REFERENCES opportunity_statuses(id),
                probability INTEGER CHECK (probability BETWEEN 0 AND 100),
                amount_minor INTEGER,
                currency TEXT,
                expected_close TEXT,
                owner_id INTEGER REFERENCES users(id),
                partner_id INTEGER REFERENCES partners(id),
                description TEXT NOT NULL,
                created_by_id INTEGER NOT NULL REFERENCES users(id),
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                version INTEGER NOT NULL DEFAULT 1,
                account_name TEXT,
                private_owner_id INTEGER,
                sort_name TEXT NOT NULL,
                sort_account TEXT NOT NULL,
                sort_amount INTEGER NOT NULL,
                sort_close TEXT NOT NULL,
                search_text TEXT NOT NULL,
                name_rank INTEGER,
                CHECK ((amount_minor IS NULL) = (currency IS NULL))
            );
            CREATE INDEX opportunities_by_name ON opportunities(sort_name, id);
            CREATE UNIQUE INDEX opportunities_by_name_rank ON opportunities(name_rank);
            CREATE INDEX opportunities_visible_by_name_rank
                ON opportunities(name_rank, private_owner_id, status_id, currency, amount_minor);
            CREATE INDEX opportunities_by_status ON opportunities(status_id, sort_name, id);
            CREATE INDEX opportunities_totals ON opportunities(
                status_id, currency, amount_minor, private_owner_id, owner_id, expected_close, probability, project_id,
                partner_id, created_at, updated_at);
            CREATE INDEX opportunities_by_close ON opportunities(sort_close, id);
            CREATE INDEX opportunities_by_account_name ON opportunities(sort_account, sort_name, id);
            CREATE INDEX opportunities_by_amount ON opportunities(sort_amount, id);
            CREATE INDEX opportunities_by_updated ON opportunities(updated_at, id);
            CREATE INDEX opportunities_by_account ON opportunities(account_id, sort_name, id);
            CREATE INDEX opportunities_by_owner ON opportunities(owner_id, status_id);
            CREATE INDEX opportunities_by_project ON opportunities(project_id);
            CREATE INDEX opportunities_by_partner ON opportunities(partner_id) WHERE partner_id IS NOT NULL;
            CREATE INDEX opportunities_by_contact ON opportunities(contact_id) WHERE contact_id IS NOT NULL;
            CREATE TABLE opportunity_accounts (
                opportunity_id INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
                account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                PRIMARY KEY (opportunity_id, account_id)
            ) WITHOUT ROWID;
            CREATE INDEX opportunity_accounts_by_account ON opportunity_accounts(account_id);
            CREATE TABLE business_roles (
                id INTEGER PRIMARY KEY,
                opportunity_id INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
                contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
                role TEXT NOT NULL,
                UNIQUE (opportunity_id, contact_id)
            );
            CREATE INDEX business_roles_by_contact ON business_roles(contact_id);
            """)
        try createSearchIndex(db, table: "opportunities", rowid: "name_rank")
        try createSearchIndex(db, table: "partners", rowid: "id")
    }
}
