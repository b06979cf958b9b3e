import GRDB

extension Schema {
    /// v14: what leads need beyond their fields — the actions (LD-5…LD-9), unattended intake
    /// (LP-1, LP-2), routing rules with their distribution state (LP-3…LP-5) and splitter
    /// filters (LP-6). One migration so every table of the lead processor exists together.
    ///
    /// - `leads` gains the records it was added to or became (`account_id`, `contact_id`,
    ///   `opportunity_id`), the disqualification reason, when it was anonymized, which API key
    ///   sent it, which rule routed it and why (`routing_explanation`, shown on the lead), and
    ///   which splitter filter processed it.
    /// - `api_keys` keep only the SHA-256 of a key (the key itself is shown once, at creation);
    ///   the HMAC signing secret has to be kept as is, since the server computes the signature.
    /// - `lead_payloads` hold each received body byte for byte for audit (LP-2); anonymizing a
    ///   lead erases it.
    /// - `intake_receipts` make a sender's retry idempotent: one lead per (key, idempotency key).
    /// - `lead_rules` are ordered (`position`) with their definition as JSON and, for a
    ///   distribution outcome, the `WeightedDistribution.State` updated in the same transaction
    ///   as the lead it dealt, so shares survive restarts and concurrent intake.
    /// - `lead_split_filters` select leads with the filter language and share each matching lead
    ///   among two or more users (`lead_split_filter_shares`); `lead_shares` records every
    ///   lead's shares. A lead no filter handled has `split_filter_id IS NULL`.
    static func addLeadProcessing(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE api_keys (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                key_prefix TEXT NOT NULL,
                key_hash TEXT NOT NULL UNIQUE,
                user_id INTEGER REFERENCES users(id),
                mapping TEXT NOT NULL CHECK (mapping IN ('generic', 'mailchimp', 'hubspot')),
                signing_secret TEXT,
                signature_window_seconds INTEGER NOT NULL DEFAULT 300 CHECK (signature_window_seconds > 0),
                requests_per_minute INTEGER NOT NULL DEFAULT 600 CHECK (requests_per_minute > 0),
                created_at INTEGER NOT NULL,
                revoked_at INTEGER,
                last_used_at INTEGER
            );
            CREATE TABLE lead_rules (
                id INTEGER PRIMARY KEY,
                position INTEGER NOT NULL UNIQUE,
                name TEXT NOT NULL,
                definition TEXT NOT NULL,
                is_active INTEGER NOT NULL DEFAULT 1,
                distribution_state TEXT,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                version INTEGER NOT NULL DEFAULT 1
            );
            CREATE TABLE lead_split_filters (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                filter TEXT NOT NULL,
                position INTEGER NOT NULL,
                last_run_at INTEGER,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                version INTEGER NOT NULL DEFAULT 1
            );
            CREATE TABLE lead_split_filter_shares (
                filter_id INTEGER NOT NULL REFERENCES lead_split_filters(id) ON DELETE CASCADE,
                user_id INTEGER NOT NULL REFERENCES users(id),
                percent INTEGER NOT NULL CHECK (percent BETWEEN 1 AND 100),
                PRIMARY KEY (filter_id, user_id)
            ) WITHOUT ROWID;
            ALTER TABLE leads ADD COLUMN account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL;
            ALTER TABLE leads ADD COLUMN contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL;
            ALTER TABLE leads ADD COLUMN opportunity_id INTEGER REFERENCES opportunities(id) ON DELETE SET NULL;
            ALTER TABLE leads ADD COLUMN qualified_at INTEGER;
            ALTER TABLE leads ADD COLUMN disqualify_reason TEXT NOT NULL DEFAULT '';
            ALTER TABLE leads ADD COLUMN anonymized_at INTEGER;
            ALTER TABLE leads ADD COLUMN api_key_id INTEGER REFERENCES api_keys(id);
            ALTER TABLE leads ADD COLUMN routing_rule_id INTEGER REFERENCES lead_rules(id) ON DELETE SET NULL;
            ALTER TABLE leads ADD COLUMN routing_explanation TEXT NOT NULL DEFAULT '';
            ALTER TABLE leads ADD COLUMN split_filter_id INTEGER REFERENCES lead_split_filters(id) ON DELETE SET NULL;
            CREATE INDEX leads_by_account ON leads(account_id) WHERE account_id IS NOT NULL;
            CREATE INDEX leads_by_opportunity ON leads(opportunity_id) WHERE opportunity_id IS NOT NULL;
            CREATE INDEX leads_unsplit ON leads(created_at, id) WHERE split_filter_id IS NULL AND is_archived = 0;
            CREATE INDEX leads_by_source ON leads(source, status_id);
            CREATE TABLE lead_shares (
                lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
                user_id INTEGER NOT NULL REFERENCES users(id),
                percent INTEGER NOT NULL CHECK (percent BETWEEN 1 AND 100),
                filter_id INTEGER REFERENCES lead_split_filters(id) ON DELETE SET NULL,
                PRIMARY KEY (lead_id, user_id)
            ) WITHOUT ROWID;
            CREATE INDEX lead_shares_of_user ON lead_shares(user_id, lead_id);
            CREATE TABLE lead_payloads (
                lead_id INTEGER PRIMARY KEY REFERENCES leads(id) ON DELETE CASCADE,
                api_key_id INTEGER REFERENCES api_keys(id),
                received_at INTEGER NOT NULL,
                content_type TEXT NOT NULL,
                body BLOB NOT NULL
            );
            CREATE TABLE intake_receipts (
                api_key_id INTEGER NOT NULL REFERENCES api_keys(id),
                idempotency_key TEXT NOT NULL,
                lead_id INTEGER REFERENCES leads(id) ON DELETE SET NULL,
                received_at INTEGER NOT NULL,
                PRIMARY KEY (api_key_id, idempotency_key)
            ) WITHOUT ROWID;
            """)
    }
}
