import CRMCore
import Foundation
import GRDB

/// Accounts (AC-2) as one user sees and changes them.
///
/// Every method applies the user's visibility, so a private account of someone else behaves
/// exactly like a missing one. Every change is journaled in its own transaction, and updates and
/// deletes name the version they were based on (ST-7).
public struct AccountRepository: Sendable {
    let database: AppDatabase
    let actor: User

    var visibility: Visibility { Visibility(user: actor) }

    // MARK: - Writes

    /// Saves a new account created by the acting user.
    public func create(_ draft: AccountDraft) throws -> Account {
        try database.write(as: actor) { db, journal in
            try fetch(db, id: insert(db, journal, draft))
        }
    }

    /// Inserts and journals a new account inside the caller's transaction (so qualifying a lead
    /// can create its account, contact and opportunity at once); returns its id.
    func insert(_ db: Database, _ journal: JournalWriter, _ draft: AccountDraft) throws -> Int64 {
        let type = try check(draft, db, creatorID: actor.id)
        let now = journal.at.millisecondsSince1970
        let sortName = AccountColumns.sortName(draft, usesPersonName: type.usesPersonName)
        let columns = try AccountColumns.fields(draft) + AccountColumns.derived(draft, usesPersonName: type.usesPersonName)
            + [(RecordColumns.createdByID, actor.id), (RecordColumns.createdAt, now), (RecordColumns.updatedAt, now),
               NameRank(table: AccountTable.name).column(db, sortName: sortName, id: nil)]
        let id = try db.insertRow(into: AccountTable.name, columns)
        try journal.created(.account, id, draft)
        return id
    }

    /// Saves `draft` over the account if it is still at `expectedVersion`.
    ///
    /// Throws `StaleRecordError<Account>` with the stored account when someone else saved first,
    /// `RecordNotFoundError` when it was deleted or is not visible, `ValidationError` when the
    /// draft breaks a rule.
    public func update(id: Int64, with draft: AccountDraft, expectedVersion: Int) throws -> Account {
        try database.write(as: actor) { db, journal in
            let current = try fetchCurrent(db, id: id, expectedVersion: expectedVersion)
            let type = try check(draft, db, creatorID: current.createdByID)
            let sortName = AccountColumns.sortName(draft, usesPersonName: type.usesPersonName)
            let columns = try AccountColumns.fields(draft) + AccountColumns.derived(draft, usesPersonName: type.usesPersonName)
                + [(RecordColumns.updatedAt, journal.at.millisecondsSince1970),
                   NameRank(table: AccountTable.name).column(db, sortName: sortName, id: id)]
            try db.updateRow(AccountTable.name, id: id, columns)
            try journal.updated(.account, id, from: current.fields, to: draft)
            let updated = try fetch(db, id: id)
            if updated.displayName != current.displayName || draft.isPrivate != current.isPrivate {
                try ContactColumns.refresh(db, contactsOf: updated)
                try OpportunityColumns.refresh(db, opportunitiesOf: updated)
            }
            return updated
        }
    }

    /// Deletes the account if it is still at `expectedVersion` and nothing keeps it
    /// (`deletionRefusal`).
    public func delete(id: Int64, expectedVersion: Int) throws {
        try database.write(as: actor) { db, journal in
            _ = try fetchCurrent(db, id: id, expectedVersion: expectedVersion)
            if let refusal = try deletionRefusal(db, id: id) { throw refusal }
            try db.execute(sql: "DELETE FROM accounts WHERE id = ? AND version = ?", arguments: [id, expectedVersion])
            try journal.recorded(.delete, .account, id)
        }
    }

    /// Why the account cannot be deleted as it is now, or `nil` when it can: the rule `delete`
    /// applies, read beforehand so the user hears it before being asked to confirm.
    public func deletionRefusal(id: Int64) throws -> RuleViolationError? {
        try database.read { db in
            _ = try fetch(db, id: id)
            return try deletionRefusal(db, id: id)
        }
    }

    /// Contacts and opportunities keep their account: they must go or move first. (Related
    /// accounts, activities, tasks, leads and favourites let go of it by themselves.)
    private func deletionRefusal(_ db: Database, id: Int64) throws -> RuleViolationError? {
        let contacts = try Int.fetchOne(db, sql: "SELECT count(*) FROM contacts WHERE account_id = ?", arguments: [id]) ?? 0
        if contacts > 0 {
            return RuleViolationError(
                "This account still has \(contacts) contact\(contacts == 1 ? "" : "s"); "
                    + "delete them or move them to another account first.")
        }
        let opportunities = try Int.fetchOne(
            db, sql: "SELECT count(*) FROM opportunities WHERE account_id = ?", arguments: [id]) ?? 0
        if opportunities > 0 {
            return RuleViolationError(
                "This account still has \(opportunities) opportunit\(opportunities == 1 ? "y" : "ies"); "
                    + "delete them or give them another account first.")
        }
        return nil
    }

    /// Marks or unmarks the account as a favourite of the acting user only.
    public func setFavourite(_ isFavourite: Bool, accountID: Int64) throws {
        try database.write { db in
            _ = try fetch(db, id: accountID)
            let sql = isFavourite
                ? "INSERT OR IGNORE INTO favourites (user_id, account_id) VALUES (?, ?)"
                : "DELETE FROM favourites WHERE user_id = ? AND account_id = ?"
            try db.execute(sql: sql, arguments: [actor.id, accountID])
        }
    }

    // MARK: - Checks

    /// The visible account, or the error that explains why it cannot be changed.
    private func fetchCurrent(_ db: Database, id: Int64, expectedVersion: Int) throws -> Account {
        let current = try fetch(db, id: id)
        guard current.version == expectedVersion else { throw StaleRecordError(entity: .account, fresh: current) }
        return current
    }

    /// Validates the draft against its type and the references it makes; returns the type.
    private func check(_ draft: AccountDraft, _ db: Database, creatorID: Int64) throws -> AccountType {
        guard let type = try AccountTypeRepository.fetch(db, id: draft.typeID) else {
            throw ValidationError([FieldError(field: AccountDraft.Field.typeID.rawValue, message: "Choose an account type.")])
        }
        var errors = draft.validate(type: type)
        if let manager = draft.accountManagerID,
           try Bool.fetchOne(db, sql: "SELECT active FROM users WHERE id = ?", arguments: [manager]) != true {
            errors.append(FieldError(
                field: AccountDraft.Field.accountManagerID.rawValue, message: "The account manager must be an active user."))
        }
        if draft.isPrivate && creatorID != actor.id {
            errors.append(FieldError(
                field: AccountDraft.Field.isPrivate.rawValue, message: "Only the creator of an account can make it private."))
        }
        guard errors.isEmpty else { throw ValidationError(errors) }
        return type
    }
}
