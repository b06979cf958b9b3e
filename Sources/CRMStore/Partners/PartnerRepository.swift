import CRMCore
import Foundation
import GRDB

/// Partners (PA-1, PA-2) and their consultants, as one user changes them.
///
/// Partners are visible to everyone. Like accounts: a journal row per changed field and a
/// version check on every update and delete (ST-7). A partner that opportunities are assigned
/// to cannot be deleted; its consultants simply stop being consultants when it goes.
public struct PartnerRepository: Sendable {
    let database: AppDatabase
    let actor: User

    var visibility: Visibility { Visibility(user: actor) }

    // MARK: - Writes

    /// Saves a new partner created by the acting user.
    public func create(_ draft: PartnerDraft) throws -> Partner {
        try database.write(as: actor) { db, journal in
            try check(draft)
            let now = journal.at.millisecondsSince1970
            let columns = try PartnerColumns.fields(draft) + PartnerColumns.derived(draft)
                + [(RecordColumns.createdByID, actor.id), (RecordColumns.createdAt, now), (RecordColumns.updatedAt, now),
                   NameRank(table: PartnerTable.name).column(db, sortName: PartnerColumns.sortName(draft), id: nil)]
            let id = try db.insertRow(into: PartnerTable.name, columns)
            try journal.created(.partner, id, draft)
            return try fetch(db, id: id)
        }
    }

    /// Saves `draft` over the partner if it is still at `expectedVersion`.
    ///
    /// Throws `StaleRecordError<Partner>` with the stored partner when someone else saved first,
    /// `RecordNotFoundError` when it is gone, `ValidationError` when the draft breaks a rule.
    public func update(id: Int64, with draft: PartnerDraft, expectedVersion: Int) throws -> Partner {
        try database.write(as: actor) { db, journal in
            let current = try fetchCurrent(db, id: id, expectedVersion: expectedVersion)
            try check(draft)
            let columns = try PartnerColumns.fields(draft) + PartnerColumns.derived(draft)
                + [(RecordColumns.updatedAt, journal.at.millisecondsSince1970),
                   NameRank(table: PartnerTable.name).column(db, sortName: PartnerColumns.sortName(draft), id: id)]
            try db.updateRow(PartnerTable.name, id: id, columns)
            try journal.updated(.partner, id, from: current.fields, to: draft)
            return try fetch(db, id: id)
        }
    }

    /// Deletes the partner if it is still at `expectedVersion` and no opportunity is assigned to
    /// it (any opportunity, visible to the actor or not: the link would otherwise dangle). Its
    /// consultants stay as contacts, no longer linked to a partner.
    public func delete(id: Int64, expectedVersion: Int) throws {
        try database.write(as: actor) { db, journal in
            let current = try fetchCurrent(db, id: id, expectedVersion: expectedVersion)
            let assigned = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM opportunities WHERE partner_id = ?", arguments: [id]) ?? 0
            guard assigned == 0 else {
                throw RuleViolationError(
                    "\(current.name) is assigned to \(assigned) opportunit\(assigned == 1 ? "y" : "ies"); "
                        + "assign \(assigned == 1 ? "it" : "them") to another partner or to none first.")
            }
            let consultants = try Int64.fetchAll(
                db, sql: "SELECT id FROM \(ContactTable.name) WHERE \(ContactTable.partnerID.name) = ?", arguments: [id])
            for contactID in consultants {
                try unlink(db, journal, contactID: contactID, from: id)
            }
            try db.execute(sql: "DELETE FROM \(PartnerTable.name) WHERE id = ? AND version = ?", arguments: [id, expectedVersion])
            try journal.recorded(.delete, .partner, id)
        }
    }

    /// Makes a contact the acting user can see a consultant of the partner (PA-2). A contact
    /// works for one partner at a time: one already linked to another partner is refused, so a
    /// colleague's link is never silently replaced. Linking it again to the same partner does
    /// nothing.
    public func addConsultant(partnerID: Int64, contactID: Int64) throws {
        try database.write(as: actor) { db, journal in
            let partner = try fetch(db, id: partnerID)
            let current = try currentPartnerID(db, contactID: contactID)
            if current == partnerID { return }
            if let current {
                let other = try fetch(db, id: current)
                throw RuleViolationError(
                    "This contact is already a consultant of \(other.name); remove them there before adding them to "
                        + "\(partner.name).")
            }
            try link(db, journal, contactID: contactID, to: partnerID)
        }
    }

    /// Creates a personal contact and makes it a consultant of the partner in one transaction
    /// (PA-2 "new consultant"): a refused draft or a partner deleted meanwhile leaves nothing.
    public func createConsultant(_ draft: ContactDraft, partnerID: Int64) throws -> PersonalContact {
        try database.write(as: actor) { db, journal in
            _ = try fetch(db, id: partnerID)
            let contacts = ContactRepository(database: database, actor: actor)
            let contactID = try contacts.insert(db, journal, draft)
            try link(db, journal, contactID: contactID, to: partnerID)
            return try contacts.fetch(db, id: contactID)
        }
    }

    /// Ends a contact's work as a consultant of the partner; the contact itself stays.
    public func removeConsultant(partnerID: Int64, contactID: Int64) throws {
        try database.write(as: actor) { db, journal in
            let partner = try fetch(db, id: partnerID)
            guard try currentPartnerID(db, contactID: contactID) == partnerID else {
                throw RuleViolationError("This contact is not a consultant of \(partner.name).")
            }
            try unlink(db, journal, contactID: contactID, from: partnerID)
        }
    }

    // MARK: - Helpers

    /// The partner the contact consults for; `RecordNotFoundError` when the contact is missing
    /// or not visible to the actor.
    private func currentPartnerID(_ db: Database, contactID: Int64) throws -> Int64? {
        let sql: SQL = """
            SELECT c.\(sql: ContactTable.partnerID.name) FROM \(sql: ContactTable.name) c \
            WHERE c.id = \(contactID) AND \(visibility.contacts("c"))
            """
        guard let row = try Row.fetchOne(db, SQLRequest<Row>(literal: sql)) else {
            throw RecordNotFoundError(entity: .contact, id: contactID)
        }
        return row[0]
    }

    /// Makes a contact with no partner a consultant of `partnerID`. The link is not a field of
    /// the contact's draft, so the contact's version stays and an open edit of it still saves.
    private func link(_ db: Database, _ journal: JournalWriter, contactID: Int64, to partnerID: Int64) throws {
        try db.updateRow(ContactTable.name, id: contactID, [(ContactTable.partnerID, partnerID)], bumpingVersion: false)
        try journal.changed(.contact, contactID, field: ContactDraft.Event.partnerID.rawValue, from: "", to: String(partnerID))
    }

    private func unlink(_ db: Database, _ journal: JournalWriter, contactID: Int64, from partnerID: Int64) throws {
        try db.updateRow(ContactTable.name, id: contactID, [(ContactTable.partnerID, nil)], bumpingVersion: false)
        try journal.changed(.contact, contactID, field: ContactDraft.Event.partnerID.rawValue, from: String(partnerID), to: "")
    }

    private func fetchCurrent(_ db: Database, id: Int64, expectedVersion: Int) throws -> Partner {
        let current = try fetch(db, id: id)
        guard current.version == expectedVersion else { throw StaleRecordError(entity: .partner, fresh: current) }
        return current
    }

    private func check(_ draft: PartnerDraft) throws {
        let errors = draft.validate()
        guard errors.isEmpty else { throw ValidationError(errors) }
    }
}
