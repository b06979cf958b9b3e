import CRMCore
import Foundation
import GRDB

/// Opportunities (OP-1…OP-3) as one user sees and changes them.
///
/// Like accounts and contacts: visibility on every read, a journal row per changed field, and a
/// version check on every update, move and delete (ST-7). A save must fill the fields its
/// status requires (OP-2 workflow field permissions), whether it comes from the form or from a
/// card moved on the board.
public struct OpportunityRepository: Sendable {
    let database: AppDatabase
    let actor: User

    var visibility: Visibility { Visibility(user: actor) }

    // MARK: - Writes

    /// Saves a new opportunity created by the acting user.
    public func create(_ draft: OpportunityDraft) throws -> Opportunity {
        try database.write(as: actor) { db, journal in
            try fetch(db, id: insert(db, journal, draft))
        }
    }

    /// Inserts and journals a new opportunity inside the caller's transaction (a qualified lead
    /// becomes one together with its account and contact); returns its id.
    func insert(_ db: Database, _ journal: JournalWriter, _ draft: OpportunityDraft) throws -> Int64 {
        let link = try check(draft, db)
        let now = journal.at.millisecondsSince1970
        let columns = try OpportunityColumns.fields(draft) + derived(db, draft, link)
            + [("created_by_id", actor.id), ("created_at", now), ("updated_at", now),
               NameRank(table: "opportunities").column(db, sortName: OpportunityColumns.sortName(draft), id: nil)]
        let id = try db.insertRow(into: "opportunities", columns)
        try journal.created(.opportunity, id, draft)
        return id
    }

    /// Saves `draft` over the opportunity if it is still at `expectedVersion`.
    ///
    /// Throws `StaleRecordError<Opportunity>` with the stored opportunity when someone else
    /// saved first, `RecordNotFoundError` when it is gone or invisible, `ValidationError` when
    /// the draft breaks a rule (including a field its status requires).
    public func update(id: Int64, with draft: OpportunityDraft, expectedVersion: Int) throws -> Opportunity {
        try database.write(as: actor) { db, journal in
            let current = try fetchCurrent(db, id: id, expectedVersion: expectedVersion)
            try rewrite(db, id: id, draft, link: check(draft, db), at: journal.at)
            try journal.updated(.opportunity, id, from: current.fields, to: draft)
            return try fetch(db, id: id)
        }
    }

    /// Moves the opportunity to another status (a board move), if it is still at
    /// `expectedVersion`.
    ///
    /// Throws `MissingRequiredFieldsError` naming the fields the target status requires and the
    /// opportunity lacks: the caller asks for exactly those and saves them with `update`.
    public func move(id: Int64, toStatus statusID: Int64, expectedVersion: Int) throws -> Opportunity {
        try database.write(as: actor) { db, journal in
            let current = try fetchCurrent(db, id: id, expectedVersion: expectedVersion)
            let status = try OpportunityStatusRepository.require(db, id: statusID)
            var draft = current.fields
            draft.statusID = statusID
            let missing = draft.missingFields(for: status)
            guard missing.isEmpty else { throw MissingRequiredFieldsError(status: status, fields: missing, opportunity: current) }
            try rewrite(db, id: id, draft, link: check(draft, db), at: journal.at)
            try journal.updated(.opportunity, id, from: current.fields, to: draft)
            return try fetch(db, id: id)
        }
    }

    /// Deletes the opportunity if it is still at `expectedVersion`; its related-account links
    /// and business roles go with it.
    public func delete(id: Int64, expectedVersion: Int) throws {
        try database.write(as: actor) { db, journal in
            _ = try fetchCurrent(db, id: id, expectedVersion: expectedVersion)
            try db.execute(sql: "DELETE FROM opportunities WHERE id = ? AND version = ?", arguments: [id, expectedVersion])
            try journal.recorded(.delete, .opportunity, id)
        }
    }

    // MARK: - Helpers

    private func derived(
        _ db: Database, _ draft: OpportunityDraft, _ link: ContactColumns.AccountLink
    ) throws -> ColumnValues {
        let rates = try MoneySettingsRepository.table(db, on: CalendarDate.today())
        return OpportunityColumns.derived(draft, link, rates: rates)
    }

    private func rewrite(
        _ db: Database, id: Int64, _ draft: OpportunityDraft, link: ContactColumns.AccountLink, at: Date
    ) throws {
        let columns = try OpportunityColumns.fields(draft) + derived(db, draft, link)
            + [("updated_at", at.millisecondsSince1970),
               NameRank(table: "opportunities").column(db, sortName: OpportunityColumns.sortName(draft), id: id)]
        try db.updateRow("opportunities", id: id, columns)
    }

    private func fetchCurrent(_ db: Database, id: Int64, expectedVersion: Int) throws -> Opportunity {
        let current = try fetch(db, id: id)
        guard current.version == expectedVersion else { throw StaleRecordError(entity: .opportunity, fresh: current) }
        return current
    }

    /// Validates the draft, its references and its status's required fields; returns what the
    /// row copies from its account.
    private func check(_ draft: OpportunityDraft, _ db: Database) throws -> ContactColumns.AccountLink {
        var errors = draft.validate()
        let field = OpportunityDraft.Field.self
        do {
            let status = try OpportunityStatusRepository.require(db, id: draft.statusID)
            for missing in draft.missingFields(for: status) {
                errors.append(FieldError(
                    field: missing.rawValue, message: "\(missing.label) is required in the status \"\(status.name)\"."))
            }
        } catch is RecordNotFoundError {
            errors.append(FieldError(field: field.statusID.rawValue, message: "Choose an existing status."))
        }
        var link = ContactColumns.AccountLink.none
        if let accountID = draft.accountID {
            do {
                link = ContactColumns.AccountLink(try database.accounts(actingAs: actor).fetch(db, id: accountID))
            } catch is RecordNotFoundError {
                errors.append(FieldError(field: field.accountID.rawValue, message: "Choose an existing account."))
            }
        }
        let references: [(OpportunityDraft.Field, Int64?, String, String)] = [
            (.contactID, draft.contactID, "SELECT 1 FROM contacts c WHERE c.id = ? AND ", "Choose an existing contact."),
            (.projectID, draft.projectID, "SELECT 1 FROM projects WHERE id = ? AND ", "Choose an existing project."),
            (.partnerID, draft.partnerID, "SELECT 1 FROM partners WHERE id = ? AND ", "Choose an existing partner."),
            (.ownerID, draft.ownerID, "SELECT 1 FROM users WHERE id = ? AND ", "The owner must be an active user."),
        ]
        for (key, id, query, message) in references {
            guard let id else { continue }
            let rule: SQL = switch key {
            case .contactID: visibility.contacts("c")
            case .ownerID: "active = 1"
            default: "1"
            }
            let sql = SQL(sql: query, arguments: [id]) + rule
            if try Bool.fetchOne(db, SQLRequest<Bool>(literal: sql)) == nil {
                errors.append(FieldError(field: key.rawValue, message: message))
            }
        }
        guard errors.isEmpty else { throw ValidationError(errors) }
        return link
    }
}

/// A move into a status whose required fields the opportunity leaves empty (OP-3): nothing was
/// saved; the board asks for exactly `fields` and saves them together with the new status.
public struct MissingRequiredFieldsError: Error, LocalizedError, CustomStringConvertible {
    public var status: OpportunityStatus
    public var fields: [OpportunityDraft.Field]
    /// The opportunity as stored, to fill the prompt from.
    public var opportunity: Opportunity

    public var description: String {
        "\"\(status.name)\" requires \(fields.map(\.label).joined(separator: ", ")); fill "
            + (fields.count == 1 ? "it" : "them") + " in to move the opportunity."
    }

    public var errorDescription: String? { description }
}
