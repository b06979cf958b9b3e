import CRMCore
import GRDB

extension Schema {
    /// v22: an id the journal speaks about is never handed out again (issue 13).
    ///
    /// Without AUTOINCREMENT SQLite gives a new row the highest id plus one, so deleting the
    /// newest record and creating another reused its id, and the journal, keyed by
    /// `(entity, entity_id)`, showed the deleted record's history (name and e-mail included) on
    /// the new one. Every table of a journaled kind (`journaledTable(of:)`) is rebuilt with
    /// `id INTEGER PRIMARY KEY AUTOINCREMENT`, which SQLite cannot add in place, and its sequence
    /// starts at the highest id the table or the journal ever used, so ids of records deleted
    /// before the upgrade stay unused too. Histories that already share an id are then
    /// separated (`ReusedIDSeparation`). Tables already rebuilt are left alone, so the step can
    /// run again. On the large demo (a million leads and contacts) the rebuilds take about 45 s
    /// on two busy cores, a third of it building the 18 indexes of `leads`.
    ///
    /// A table added later whose rows the journal refers to declares
    /// `id INTEGER PRIMARY KEY AUTOINCREMENT` itself and gets its kind's entry below;
    /// `IdsNeverReusedTests` checks every journaled kind.
    static func makeIDsNeverReused(_ db: Database) throws {
        let tables = try EntityKind.allCases.compactMap { kind in journaledTable(of: kind).map { (kind, $0) } }
            .filter { try db.tableExists($0.1) }
        // Renaming a table fails while any trigger names a table that is momentarily missing,
        // so every trigger steps aside for the rebuilds and returns as it was, in its order.
        let triggers = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY rowid")
        for trigger in triggers {
            try db.execute(sql: "DROP TRIGGER \((trigger["name"] as String).quotedDatabaseIdentifier)")
        }
        for (_, table) in tables {
            try rebuildWithAutoincrement(db, table: table)
        }
        for trigger in triggers {
            try db.execute(sql: trigger["sql"])
        }
        for (kind, table) in tables {
            try startSequenceAboveEveryUsedID(db, table: table, kind: kind)
        }
        try ReusedIDSeparation(db: db).run()
    }

    /// The table holding the records of `kind`, whose ids the journal's `entity_id` holds;
    /// `nil` for settings, which are keyed by name.
    static func journaledTable(of kind: EntityKind) -> String? {
        switch kind {
        case .account: "accounts"
        case .contact: "contacts"
        case .contactType: "contact_types"
        case .accountType: "account_types"
        case .user: "users"
        case .opportunity: "opportunities"
        case .opportunityStatus: "opportunity_statuses"
        case .lostReason: "lost_reasons"
        case .partner: "partners"
        case .project: "projects"
        case .task: "tasks"
        case .salesActivity: "sales_activities"
        case .activityCategory: "activity_categories"
        case .exchangeRate: "exchange_rates"
        case .savedFilter: "saved_filters"
        case .setting: nil
        case .lead: "leads"
        case .leadRule: "lead_rules"
        case .leadSplitFilter: "lead_split_filters"
        case .apiKey: "api_keys"
        case .campaign: "campaigns"
        }
    }

    /// Rebuilds `table` by SQLite's procedure for changes ALTER TABLE cannot make: a copy made
    /// from the stored definition with AUTOINCREMENT added, the rows copied as they are, the old
    /// table dropped, the copy renamed, and the indexes put back from their stored definitions.
    /// Foreign keys are off during migrations and checked before the commit. The caller has
    /// dropped the triggers. Constraint indexes (UNIQUE) come back with the table itself.
    private static func rebuildWithAutoincrement(_ db: Database, table: String) throws {
        let definition = try String.fetchOne(
            db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table]) ?? ""
        guard !definition.contains("AUTOINCREMENT") else { return }
        let primaryKey = /\bid INTEGER PRIMARY KEY\b/
        guard definition.matches(of: primaryKey).count == 1, let columns = definition.firstIndex(of: "(") else {
            throw DatabaseError(message: "v22 cannot find the one `id INTEGER PRIMARY KEY` column of \(table)")
        }
        let indexes = try String.fetchAll(db, sql: """
            SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY rowid
            """, arguments: [table])
        let rebuilt = "\(table)_autoincrement"
        let rebuiltColumns = definition[columns...].replacing(primaryKey, with: "id INTEGER PRIMARY KEY AUTOINCREMENT", maxReplacements: 1)
        try db.execute(sql: """
            CREATE TABLE \(rebuilt) \(rebuiltColumns);
            INSERT INTO \(rebuilt) SELECT * FROM \(table) ORDER BY id;
            DROP TABLE \(table);
            ALTER TABLE \(rebuilt) RENAME TO \(table);
            """)
        for index in indexes {
            try db.execute(sql: index)
        }
    }

    /// Sets `table`'s AUTOINCREMENT sequence to the highest id it ever used: its rows' and the
    /// journal's (which remembers deleted records too).
    private static func startSequenceAboveEveryUsedID(_ db: Database, table: String, kind: EntityKind) throws {
        let highest = try Int64.fetchOne(db, sql: """
            SELECT max(coalesce((SELECT max(id) FROM \(table)), 0),
                       coalesce((SELECT max(entity_id) FROM journal WHERE entity = ?), 0),
                       coalesce((SELECT max(seq) FROM sqlite_sequence WHERE name = ?), 0))
            """, arguments: [kind.rawValue, table]) ?? 0
        try db.execute(sql: """
            DELETE FROM sqlite_sequence WHERE name = ?;
            INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?);
            """, arguments: [table, table, highest])
    }
}
