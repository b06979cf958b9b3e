import GRDB

extension Schema {
    /// v13: leads (LD-1), their configurable statuses, and campaigns as far as a lead names one
    /// (CA-1; campaign screens come later).
    ///
    /// Amounts are minor units beside their currency, as for opportunities. Tags are stored as one
    /// text with a leading and trailing comma (",hot,fair,") so `tags LIKE '%,hot,%'` finds a tag;
    /// custom attributes are a JSON object. `touched_at` is the time of the lead's first sales
    /// activity (kept by a trigger), so the "no-touch" view is an indexed `touched_at IS NULL`.
    /// Leads are ranked by name like accounts (`name_rank` is the FTS rowid). `lead_keys` holds
    /// each lead's normalised e-mail, phones and name+company (LP-7), so a new lead finds an
    /// earlier one sharing a key through the primary key and is linked to it
    /// (`duplicate_of_id`), never merged.
    static func createLeads(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE campaign_statuses (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                is_active INTEGER NOT NULL,
                position INTEGER NOT NULL,
                version INTEGER NOT NULL DEFAULT 1
            );
            INSERT INTO campaign_statuses (name, is_active, position) VALUES ('Active', 1, 1), ('Archived', 0, 2);
            CREATE TABLE campaigns (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                status_id INTEGER NOT NULL REFERENCES campaign_statuses(id),
                cost_minor INTEGER,
                currency TEXT,
                project_id INTEGER REFERENCES projects(id),
                starts_on TEXT,
                ends_on TEXT,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                version INTEGER NOT NULL DEFAULT 1,
                sort_name TEXT NOT NULL,
                CHECK ((cost_minor IS NULL) = (currency IS NULL))
            );
            CREATE INDEX campaigns_by_name ON campaigns(sort_name, id);
            CREATE TABLE lead_statuses (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL CHECK (kind IN ('new', 'working', 'qualified', 'disqualified')),
                position INTEGER NOT NULL,
                version INTEGER NOT NULL DEFAULT 1
            );
            INSERT INTO lead_statuses (name, kind, position) VALUES
                ('New', 'new', 1), ('Contacted', 'working', 2), ('Qualified', 'qualified', 3),
                ('Disqualified — no fit', 'disqualified', 4), ('Disqualified — no budget', 'disqualified', 5),
                ('Disqualified — duplicate', 'disqualified', 6);
            CREATE TABLE leads (
                id INTEGER PRIMARY KEY,
                first_name TEXT NOT NULL, last_name TEXT NOT NULL, company TEXT NOT NULL, job_title TEXT NOT NULL,
                email TEXT NOT NULL, phone TEXT NOT NULL, mobile TEXT NOT NULL, website TEXT NOT NULL,
                country TEXT NOT NULL,
                value_minor INTEGER, currency TEXT,
                score INTEGER CHECK (score BETWEEN 0 AND 1000),
                source TEXT NOT NULL,
                campaign_id INTEGER REFERENCES campaigns(id),
                status_id INTEGER NOT NULL REFERENCES lead_statuses(id),
                priority TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
                tags TEXT NOT NULL,
                assignee_id INTEGER REFERENCES users(id),
                partner_id INTEGER REFERENCES partners(id),
                project_id INTEGER REFERENCES projects(id),
                utm_source TEXT NOT NULL, utm_medium TEXT NOT NULL, utm_campaign TEXT NOT NULL, utm_content TEXT NOT NULL,
                description TEXT NOT NULL,
                custom_attributes TEXT NOT NULL,
                is_archived INTEGER NOT NULL DEFAULT 0,
                duplicate_of_id INTEGER REFERENCES leads(id) ON DELETE SET NULL,
                touched_at INTEGER,
                created_by_id INTEGER REFERENCES users(id),
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                version INTEGER NOT NULL DEFAULT 1,
                display_name TEXT NOT NULL,
                sort_name TEXT NOT NULL,
                search_text TEXT NOT NULL,
                name_rank INTEGER,
                CHECK ((value_minor IS NULL) = (currency IS NULL)),
                CHECK (assignee_id IS NULL OR partner_id IS NULL)
            );
            CREATE INDEX leads_by_name ON leads(sort_name, id);
            CREATE UNIQUE INDEX leads_by_name_rank ON leads(name_rank);
            CREATE INDEX leads_visible_by_name_rank ON leads(name_rank, is_archived, status_id);
            CREATE INDEX leads_by_created ON leads(created_at, id);
            CREATE INDEX leads_by_status ON leads(status_id, is_archived, created_at);
            CREATE INDEX leads_by_assignee ON leads(assignee_id, is_archived, created_at);
            CREATE INDEX leads_untouched ON leads(created_at, id) WHERE touched_at IS NULL AND is_archived = 0;
            CREATE INDEX leads_in_free_pool ON leads(created_at, id)
                WHERE assignee_id IS NULL AND partner_id IS NULL AND is_archived = 0;
            CREATE INDEX leads_by_campaign ON leads(campaign_id) WHERE campaign_id IS NOT NULL;
            CREATE INDEX leads_by_partner ON leads(partner_id) WHERE partner_id IS NOT NULL;
            CREATE INDEX leads_duplicates ON leads(duplicate_of_id) WHERE duplicate_of_id IS NOT NULL;
            CREATE TABLE lead_keys (
                lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
                kind TEXT NOT NULL CHECK (kind IN ('email', 'phone', 'nameCompany')),
                key TEXT NOT NULL,
                PRIMARY KEY (kind, key, lead_id)
            ) WITHOUT ROWID;
            CREATE INDEX lead_keys_of_lead ON lead_keys(lead_id);
            CREATE INDEX sales_activities_of_lead ON sales_activities(lead_id, at, id) WHERE lead_id IS NOT NULL;
            CREATE TRIGGER leads_touched AFTER INSERT ON sales_activities WHEN new.lead_id IS NOT NULL BEGIN
                UPDATE leads SET touched_at = new.created_at WHERE id = new.lead_id AND touched_at IS NULL;
            END;
            """)
        try createSearchIndex(db, table: "leads", rowid: "name_rank")
    }
}
