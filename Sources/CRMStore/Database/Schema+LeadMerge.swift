import GRDB

extension Schema {
    /// v15: what merging duplicate leads (LP-7) needs. `lead_payloads` was keyed by the lead,
    /// so a lead could hold one received body only; a merged lead keeps the bodies of both
    /// leads for audit, so payloads get their own id with an index on the lead. Receipts get an
    /// index on their lead, so re-pointing them and deleting a lead do not scan every receipt.
    /// Journal rows moved to the kept record remember the record they were written for
    /// (`merged_from_id`), so its history shows both leads' histories and which row is whose.
    static func addLeadMerge(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE lead_payloads_keyed (
                id INTEGER PRIMARY KEY,
                lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
                api_key_id INTEGER REFERENCES api_keys(id),
                received_at INTEGER NOT NULL,
                content_type TEXT NOT NULL,
                body BLOB NOT NULL
            );
            INSERT INTO lead_payloads_keyed (lead_id, api_key_id, received_at, content_type, body)
                SELECT lead_id, api_key_id, received_at, content_type, body FROM lead_payloads ORDER BY lead_id;
            DROP TABLE lead_payloads;
            ALTER TABLE lead_payloads_keyed RENAME TO lead_payloads;
            CREATE INDEX lead_payloads_of_lead ON lead_payloads(lead_id);
            CREATE INDEX intake_receipts_of_lead ON intake_receipts(lead_id);
            ALTER TABLE journal ADD COLUMN merged_from_id INTEGER;
            """)
    }
}
