import CRMCore
import Foundation
import GRDB

/// The lead actions that change where a lead stands without editing its fields: disqualify
/// (LD-6), add to an account or a partner (LD-7) and take from the free pool (LD-2). Each is one
/// version-checked transaction with a journal row per changed column.
extension LeadRepository {
    /// One column an action changes, with the journal field and texts that record it.
    struct Change {
        var column: Column
        var value: (any DatabaseValueConvertible)?
        var field: String
        var old: String
        var new: String
    }

    /// Why `lead` cannot be disqualified, or `nil` when it can: a lead that became an
    /// opportunity stays qualified. The app asks before it opens the disqualify form.
    public static func disqualifyRefusal(_ lead: Lead) -> String? {
        lead.isQualified ? "“\(lead.displayName)” was qualified; it cannot be disqualified any more." : nil
    }

    /// Puts the lead in a status of kind "disqualified" with the user's reason (LD-6). A lead
    /// that became an opportunity cannot be disqualified.
    public func disqualify(id: Int64, statusID: Int64?, reason: String, expectedVersion: Int) throws -> Lead {
        try apply(id: id, expectedVersion: expectedVersion) { current, db in
            if let refusal = Self.disqualifyRefusal(current) { throw RuleViolationError(refusal) }
            var errors: [FieldError] = []
            let status = try LeadStatusRepository.list(db).first { $0.id == statusID }
            if status?.kind != .disqualified {
                errors.append(FieldError(field: LeadDraft.Field.statusID.rawValue, message: "Choose a status of kind disqualified."))
            }
            let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            let reasonField = LeadDraft.Event.disqualifyReason
            if trimmed.isEmpty {
                errors.append(FieldError(field: reasonField.rawValue, message: "Say why the lead is disqualified."))
            } else if let error = FieldRules.check(trimmed, field: reasonField.rawValue, label: reasonField.spec.label,
                                                   limit: FieldRules.noteLimit) {
                errors.append(error)
            }
            guard errors.isEmpty, let status else { throw ValidationError(errors) }
            return [
                Change(column: LeadTable.statusID, value: status.id, field: LeadDraft.Field.statusID.rawValue,
                       old: current.statusID.journalText, new: String(status.id)),
                Change(column: LeadTable.disqualifyReason, value: trimmed, field: reasonField.rawValue,
                       old: current.history.disqualifyReason, new: trimmed),
            ]
        }
    }

    /// Links the lead to an existing account the acting user can see (LD-7).
    public func addToAccount(id: Int64, accountID: Int64, expectedVersion: Int) throws -> Lead {
        try apply(id: id, expectedVersion: expectedVersion) { current, db in
            let account = try database.accounts(actingAs: try signedIn()).fetch(db, id: accountID)
            guard current.history.accountID != account.id else {
                throw RuleViolationError("“\(current.displayName)” belongs to “\(account.displayName)” already.")
            }
            return [Change(column: LeadTable.accountID, value: account.id, field: LeadDraft.Event.account.rawValue,
                           old: current.history.accountID.journalText, new: String(account.id))]
        }
    }

    /// Hands the lead to a partner (LD-7); a lead is assigned to a user or a partner, so the user
    /// assignee is cleared.
    public func addToPartner(id: Int64, partnerID: Int64, expectedVersion: Int) throws -> Lead {
        try apply(id: id, expectedVersion: expectedVersion) { current, db in
            guard let name = try String.fetchOne(db, sql: "SELECT name FROM partners WHERE id = ?", arguments: [partnerID]) else {
                throw RecordNotFoundError(entity: .partner, id: partnerID)
            }
            guard current.partnerID != partnerID else {
                throw RuleViolationError("“\(current.displayName)” is with the partner “\(name)” already.")
            }
            var changes = [Change(column: LeadTable.partnerID, value: partnerID, field: LeadDraft.Field.partnerID.rawValue,
                                  old: current.partnerID.journalText, new: String(partnerID))]
            if let assignee = current.assigneeID {
                changes.append(Change(column: LeadTable.assigneeID, value: nil, field: LeadDraft.Field.assigneeID.rawValue,
                                      old: String(assignee), new: ""))
            }
            return changes
        }
    }

    /// Assigns a free-pool lead to the acting user (LD-2: "a rep can take one"). When someone
    /// else was quicker the answer names them, whatever version the caller saw.
    public func take(id: Int64, expectedVersion: Int) throws -> Lead {
        let user = try signedIn()
        return try apply(id: id, expectedVersion: expectedVersion, checkingVersionAfter: true) { current, db in
            if let assignee = current.assigneeID {
                let name = try String.fetchOne(db, sql: "SELECT display_name FROM users WHERE id = ?", arguments: [assignee])
                throw RuleViolationError(assignee == user.id ? "“\(current.displayName)” is yours already."
                    : "“\(current.displayName)” was already taken by \(name ?? "#\(assignee)").")
            }
            if let partner = current.partnerID {
                let name = try String.fetchOne(db, sql: "SELECT name FROM partners WHERE id = ?", arguments: [partner])
                throw RuleViolationError("“\(current.displayName)” is with the partner \(name ?? "#\(partner)").")
            }
            guard current.isInFreePool else {
                throw RuleViolationError("Only open leads in the free pool can be taken.")
            }
            return [Change(column: LeadTable.assigneeID, value: user.id, field: LeadDraft.Field.assigneeID.rawValue,
                           old: "", new: String(user.id))]
        }
    }

    // MARK: - Helpers

    /// Runs `decide` on the stored lead and writes the changes it returns, journaled, in one
    /// transaction. The version is checked first, or, with `checkingVersionAfter`, after
    /// `decide` had the chance to explain a refusal better than "someone else changed it".
    func apply(id: Int64, expectedVersion: Int, checkingVersionAfter: Bool = false,
               _ decide: (Lead, Database) throws -> [Change]) throws -> Lead {
        try database.write(as: actor) { db, journal in
            let current = try fetch(db, id: id)
            let isStale = current.version != expectedVersion
            if isStale && !checkingVersionAfter { throw StaleRecordError(entity: .lead, fresh: current) }
            let changes = try decide(current, db)
            if isStale { throw StaleRecordError(entity: .lead, fresh: current) }
            try write(db, journal, leadID: id, changes)
            return try fetch(db, id: id)
        }
    }

    /// Writes and journals `changes` to the lead, bumping its version once.
    func write(_ db: Database, _ journal: JournalWriter, leadID id: Int64, _ changes: [Change]) throws {
        try db.updateRow(LeadTable.name, id: id, changes.map { ($0.column, $0.value) }
            + [(RecordColumns.updatedAt, journal.at.millisecondsSince1970)])
        for change in changes {
            try journal.changed(.lead, id, field: change.field, from: change.old, to: change.new)
        }
    }

    /// The acting user; the unattended intake endpoint may not run user actions.
    func signedIn() throws -> User {
        guard let actor else { throw RuleViolationError("Only a signed-in user can do this.") }
        return actor
    }
}
