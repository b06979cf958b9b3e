import CRMCore
import Foundation
import GRDB

/// Erases the copies of one person that live outside their own row, inside the transaction
/// that anonymizes them (LD-9, PC-3); `LeadRepository.anonymize` and
/// `ContactRepository.anonymize` share it.
///
/// The anonymizers empty the person's fields and the values of their identity rows in the
/// journal themselves. Before they do, this reads who the person is (`PersonMentions`: every
/// name, e-mail and phone the record and its history held, merged leads' rows included); then
/// it replaces each mention with "[erased]" in the text that stays, keeping the rest of that
/// text and the rows themselves: the other journal values of the record (a merge line
/// "#3002 First Last"), the name and description of the opportunities linked to the person and
/// their history, the outcome and description of the activities on the record and on those
/// opportunities and their history, the subject and description of the tasks related to those
/// opportunities and their history, and the business-role lines of any opportunity's history
/// that name the person in full (`BusinessRoleLines`). Intake receipts whose key mentions the
/// person are dropped (`dropReceipts`). A scrubbed activity or opportunity gets a new version
/// (a form open on it reloads) and, per scrubbed field, a journal row with the new text and no
/// old value.
struct PersonErasure {
    private let db: Database
    private let journal: JournalWriter
    private let mentions: PersonMentions

    /// Reads who the person is from `current` and from the journal of `entity` `id`; must run
    /// before that journal's values are erased.
    init(_ db: Database, _ journal: JournalWriter, _ entity: EntityKind, _ id: Int64, current: some Journaled) throws {
        self.db = db
        self.journal = journal
        mentions = try Self.mentions(db, entity, id, current: current)
    }

    /// Who the person is: the identity values of `current` and of the journal of `entity` `id`.
    static func mentions(_ db: Database, _ entity: EntityKind, _ id: Int64, current: some Journaled) throws
        -> PersonMentions {
        let rows = try Row.fetchAll(db, SQLRequest<Row>(literal: """
            SELECT field, old_value, new_value FROM journal
            WHERE entity = \(entity.rawValue) AND entity_id = \(id) AND field IN \(PersonMentions.identityFields)
            """))
        let history = rows.flatMap { row -> [(field: String, value: String)] in
            [(row["field"], row["old_value"] ?? ""), (row["field"], row["new_value"] ?? "")]
        }
        return PersonMentions(current.journalValues + history)
    }

    /// Scrubs the old and new values of every journal row of the records.
    func scrubHistory(of entity: EntityKind, _ ids: [Int64]) throws {
        guard !ids.isEmpty else { return }
        try rewrite(Row.fetchAll(db, SQLRequest<Row>(literal: """
            SELECT id, old_value, new_value FROM journal WHERE entity = \(entity.rawValue) AND entity_id IN \(ids)
            """)))
    }

    /// Scrubs the outcome and description of the activities `condition` selects, and their history.
    func scrubActivities(_ condition: SQL) throws {
        let rows = try Row.fetchAll(db, SQLRequest<Row>(literal: """
            SELECT id, outcome, description FROM sales_activities WHERE \(condition)
            """))
        for row in rows {
            let texts = scrubbed(row, SalesActivityDraft.Field.outcome, .description)
            guard !texts.isEmpty else { continue }
            try save(texts, of: .salesActivity, row["id"], in: SalesActivityTable.name)
        }
        try scrubHistory(of: .salesActivity, rows.map { $0["id"] })
    }

    /// Scrubs the name and description of the opportunities, their history, their activities
    /// and the tasks related to them.
    func scrubOpportunities(_ ids: [Int64]) throws {
        guard !ids.isEmpty else { return }
        var renamed = false
        let rows = try Row.fetchAll(db, SQLRequest<Row>(literal: """
            SELECT id, name, description, account_name FROM opportunities WHERE id IN \(ids)
            """))
        for row in rows {
            let texts = scrubbed(row, OpportunityDraft.Field.name, .description)
            guard !texts.isEmpty else { continue }
            var keys: ColumnValues = []
            if let name = texts.first(where: { $0.column == OpportunityDraft.Field.name.rawValue })?.text {
                keys = try OpportunityColumns.nameKeys(db, name, accountName: row["account_name"], id: row["id"])
                renamed = true
            }
            try save(texts, of: .opportunity, row["id"], in: OpportunityTable.name, with: keys)
        }
        if renamed {
            // Merging the FTS segments drops the deleted entries that still hold the old words.
            try db.execute(sql: "INSERT INTO opportunities_fts(opportunities_fts) VALUES ('optimize')")
        }
        try scrubHistory(of: .opportunity, ids)
        try scrubActivities("opportunity_id IN \(ids)")
        try scrubTasks(relatedTo: ids)
    }

    /// Scrubs the subject and description of the tasks related to the opportunities, and their
    /// history.
    private func scrubTasks(relatedTo opportunityIDs: [Int64]) throws {
        let rows = try Row.fetchAll(db, SQLRequest<Row>(literal: """
            SELECT t.id, t.subject, t.description FROM tasks t
            JOIN task_opportunities o ON o.task_id = t.id WHERE o.opportunity_id IN \(opportunityIDs)
            """))
        var renamed = false
        for row in rows {
            let texts = scrubbed(row, TaskDraft.Field.subject, .description)
            guard !texts.isEmpty else { continue }
            var keys: ColumnValues = []
            if let subject = texts.first(where: { $0.column == TaskDraft.Field.subject.rawValue })?.text {
                keys = try TaskColumns.subjectKeys(db, subject: subject, id: row["id"])
                renamed = true
            }
            try save(texts, of: .task, row["id"], in: TaskTable.name, with: keys)
        }
        if renamed {
            try db.execute(sql: "INSERT INTO tasks_fts(tasks_fts) VALUES ('optimize')")
        }
        try scrubHistory(of: .task, rows.map { $0["id"] })
    }

    /// Scrubs the business-role lines of opportunities' history that name the person: those
    /// `lines` found before the transaction and any written since.
    func scrubBusinessRoleLines(_ lines: BusinessRoleLines) throws {
        try rewrite(lines.current(db, naming: mentions))
    }

    /// Drops the lead's intake receipts whose idempotency key or external id mentions the person
    /// (an e-mail address used as the external id, say). A one-way digest would keep a retry
    /// recognised, but an e-mail address or a name is guessable, and hashing a guess finds it
    /// again: the digest would still identify the person. So a sender retrying such a request
    /// after the anonymize makes a new lead, as a new submission would. Receipts under an
    /// opaque key stay, and a retry under them is still answered with the anonymized lead.
    func dropReceipts(ofLead id: Int64) throws {
        let receipts = try Row.fetchAll(
            db, sql: "SELECT api_key_id, idempotency_key FROM intake_receipts WHERE lead_id = ?", arguments: [id])
        for receipt in receipts where mentions.isMentioned(in: receipt["idempotency_key"]) {
            try db.execute(sql: "DELETE FROM intake_receipts WHERE api_key_id = ? AND idempotency_key = ?",
                           arguments: [receipt["api_key_id"], receipt["idempotency_key"]])
        }
    }

    /// The texts of `row` that mention the person, scrubbed; the columns are named like the
    /// journal fields `fields`.
    private func scrubbed<Field: RawRepresentable<String>>(_ row: Row, _ fields: Field...)
        -> [(column: String, text: String)] {
        fields.compactMap { field in
            let text: String = row[field.rawValue]
            let scrubbed = mentions.scrub(text)
            return scrubbed == text ? nil : (field.rawValue, scrubbed)
        }
    }

    /// Writes scrubbed texts (and the columns they imply) to row `id` of `table` with a new
    /// version, journaling each text without its old value.
    private func save(_ texts: [(column: String, text: String)], of entity: EntityKind, _ id: Int64, in table: String,
                      with implied: ColumnValues = []) throws {
        try db.updateRow(table, id: id, texts.map { (Column($0.column), $0.text) } + implied
                         + [(RecordColumns.updatedAt, journal.at.millisecondsSince1970)])
        for text in texts {
            try journal.erased(entity, id, field: text.column, to: text.text)
        }
    }

    /// Writes back the scrubbed values of journal rows (`id`, `old_value`, `new_value`).
    private func rewrite(_ rows: [Row]) throws {
        for row in rows {
            let old: String? = row["old_value"], new: String? = row["new_value"]
            let scrubbed = (old.map(mentions.scrub), new.map(mentions.scrub))
            guard scrubbed.0 != old || scrubbed.1 != new else { continue }
            try db.run("UPDATE journal SET old_value = ?, new_value = ? WHERE id = ?", [scrubbed.0, scrubbed.1, row["id"]])
        }
    }
}
