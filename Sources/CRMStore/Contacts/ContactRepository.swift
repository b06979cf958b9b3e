import CRMCore
import Foundation
import GRDB

/// Personal contacts (PC-1, PC-3) as one user sees and changes them.
///
/// Contacts of a private account are as invisible to others as the account itself. Changes are
/// journaled and version-checked like accounts.
public struct ContactRepository: Sendable {
    let database: AppDatabase
    let actor: User

    var visibility: Visibility { Visibility(user: actor) }

    // MARK: - Writes

    /// Saves a new contact created by the acting user.
    public func create(_ draft: ContactDraft) throws -> PersonalContact {
        try database.write(as: actor) { db, journal in
            try fetch(db, id: insert(db, journal, draft))
        }
    }

    /// Inserts and journals a new contact inside the caller's transaction (so a partner can
    /// create its consultant and the link at once); returns its id.
    func insert(_ db: Database, _ journal: JournalWriter, _ draft: ContactDraft) throws -> Int64 {
        let link = try check(draft, db)
        let now = journal.at.millisecondsSince1970
        let columns = try ContactColumns.fields(draft) + ContactColumns.derived(draft, link)
            + [(RecordColumns.createdByID, actor.id), (RecordColumns.createdAt, now), (RecordColumns.updatedAt, now),
               NameRank(table: ContactTable.name).column(db, sortName: ContactColumns.sortName(draft), id: nil)]
        let id = try db.insertRow(into: ContactTable.name, columns)
        try journal.created(.contact, id, draft)
        return id
    }

    /// Saves `draft` over the contact if it is still at `expectedVersion`.
    ///
    /// Throws `StaleRecordError<PersonalContact>`, `RecordNotFoundError` or `ValidationError`
    /// as `AccountRepository.update` does; anonymized contacts cannot be edited.
    public func update(id: Int64, with draft: ContactDraft, expectedVersion: Int) throws -> PersonalContact {
        try database.write(as: actor) { db, journal in
            let current = try fetchCurrent(db, id: id, expectedVersion: expectedVersion)
            guard !current.isAnonymized else {
                throw RuleViolationError("This contact was anonymized; its personal data can no longer be edited.")
            }
            try rewrite(db, id: id, draft, link: check(draft, db), at: journal.at, extra: [])
            try journal.updated(.contact, id, from: current.fields, to: draft)
            return try fetch(db, id: id)
        }
    }

    /// Deletes the contact if it is still at `expectedVersion`.
    public func delete(id: Int64, expectedVersion: Int) throws {
        try database.write(as: actor) { db, journal in
            _ = try fetchCurrent(db, id: id, expectedVersion: expectedVersion)
            try db.execute(sql: "DELETE FROM \(ContactTable.name) WHERE id = ? AND version = ?", arguments: [id, expectedVersion])
            try journal.recorded(.delete, .contact, id)
        }
    }

    /// Erases the contact's personal data for good (PC-3, LD-9).
    ///
    /// The names become "Anonymized contact #ID", every other personal field is emptied, the
    /// old and new values in the contact's journal rows are erased (who, when and which field
    /// stay), and the search index is rewritten without the data. Mentions of the person in
    /// what stays are replaced (`PersonErasure`): in the opportunities the contact is the
    /// contact of or has a business role in (name, description, history, activities), and in
    /// business-role lines of any opportunity's history that name them, roles removed since
    /// included. A lead the contact was made from is anonymized on its own. Afterwards the WAL
    /// is checkpointed, so no file keeps the erased bytes (`AppDatabase.erasing`).
    public func anonymize(id: Int64, expectedVersion: Int) throws -> PersonalContact {
        let roleLines = try database.read { db in
            try BusinessRoleLines(db, naming: PersonErasure.mentions(db, .contact, id, current: fetch(db, id: id).fields))
        }
        return try database.erasing(as: actor) { db, journal in
            let current = try fetchCurrent(db, id: id, expectedVersion: expectedVersion)
            // Its fields now say "Anonymized contact #ID": nothing of the person is left to look for.
            guard !current.isAnonymized else { return current }
            let erasure = try PersonErasure(db, journal, .contact, id, current: current.fields)
            var erased = ContactDraft(typeID: current.typeID, accountID: current.accountID)
            erased.lastName = "Anonymized contact #\(id)"
            try rewrite(db, id: id, erased, link: check(erased, db), at: journal.at, extra: [(ContactTable.isAnonymized, true)])
            try db.execute(
                sql: "UPDATE journal SET old_value = NULL, new_value = NULL WHERE entity = ? AND entity_id = ?",
                arguments: [EntityKind.contact.rawValue, id])
            try erasure.scrubOpportunities(Int64.fetchAll(db, sql: """
                SELECT id FROM opportunities WHERE contact_id = ?
                UNION SELECT opportunity_id FROM business_roles WHERE contact_id = ?
                """, arguments: [id, id]))
            try erasure.scrubBusinessRoleLines(roleLines)
            // Merging the FTS segments drops the deleted entries that still hold the old words.
            try db.execute(sql: "INSERT INTO contacts_fts(contacts_fts) VALUES ('optimize')")
            try journal.recorded(.anonymize, .contact, id)
            return try fetch(db, id: id)
        }
    }

    // MARK: - Helpers

    private func rewrite(
        _ db: Database, id: Int64, _ draft: ContactDraft, link: ContactColumns.AccountLink, at: Date,
        extra: ColumnValues
    ) throws {
        let columns = try ContactColumns.fields(draft) + ContactColumns.derived(draft, link)
            + [(RecordColumns.updatedAt, at.millisecondsSince1970),
               NameRank(table: ContactTable.name).column(db, sortName: ContactColumns.sortName(draft), id: id)] + extra
        try db.updateRow(ContactTable.name, id: id, columns)
    }

    private func fetchCurrent(_ db: Database, id: Int64, expectedVersion: Int) throws -> PersonalContact {
        let current = try fetch(db, id: id)
        guard current.version == expectedVersion else { throw StaleRecordError(entity: .contact, fresh: current) }
        return current
    }

    /// Validates the draft and its references; returns what the row copies from its account.
    private func check(_ draft: ContactDraft, _ db: Database) throws -> ContactColumns.AccountLink {
        var errors = draft.validate()
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM \(ContactTypeTable.name) WHERE id = ?", arguments: [draft.typeID]) == nil {
            errors.append(FieldError(field: ContactDraft.Field.typeID.rawValue, message: "Choose a contact type."))
        }
        var link = ContactColumns.AccountLink.none
        if let accountID = draft.accountID {
            do {
                link = ContactColumns.AccountLink(try database.accounts(actingAs: actor).fetch(db, id: accountID))
            } catch is RecordNotFoundError {
                errors.append(FieldError(field: ContactDraft.Field.accountID.rawValue, message: "Choose an existing account."))
            }
        }
        guard errors.isEmpty else { throw ValidationError(errors) }
        return link
    }
}
