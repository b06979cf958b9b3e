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
        let (draft, link) = try prepare(draft, after: nil, db, at: journal.at)
        let now = journal.at.millisecondsSince1970
        let columns = try OpportunityColumns.fields(draft) + derived(db, draft, link)
            + [(RecordColumns.createdByID, actor.id), (RecordColumns.createdAt, now), (RecordColumns.updatedAt, now),
               NameRank(table: OpportunityTable.name).column(db, sortName: OpportunityColumns.sortName(draft), id: nil)]
        let id = try db.insertRow(into: OpportunityTable.name, columns)
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
            return try save(db, journal, draft, over: current)
        }
    }

    /// Moves `card` (the opportunity as the user saw it) to another status: `moved` is its
    /// fields with the new status and whatever the move fills in (the closing fields, fields the
    /// status requires). A board move or "Move to status…".
    ///
    /// When someone saved the card since it was read, the move is applied to their version if
    /// it does not touch what they changed: their other changes stay. It is refused with
    /// `MoveConflictError` when they moved the card too or changed a field this move writes.
    /// Throws `MissingRequiredFieldsError` naming the fields the target status requires and the
    /// opportunity lacks (the caller asks for exactly those and moves again with them), and
    /// `ValidationError` when the move breaks a rule, such as entering a lost status without a
    /// lost reason.
    public func move(_ card: Opportunity, to moved: OpportunityDraft) throws -> Opportunity {
        try database.write(as: actor) { db, journal in
            let current = try fetch(db, id: card.id)
            var draft = moved
            if current.version != card.version {
                let merge = OpportunityDraft.merge(base: card.fields, mine: moved, theirs: current.fields)
                let theyMovedIt = moved.statusID != card.statusID && current.statusID != card.statusID
                let refused = (theyMovedIt ? [.statusID] : []) + merge.conflicts.filter { $0 != .statusID }
                guard refused.isEmpty else {
                    throw MoveConflictError(fresh: current, fields: refused, changedBy: try lastEditor(db, of: card.id, refused))
                }
                draft = merge.merged
            }
            let status = try OpportunityStatusRepository.require(db, id: draft.statusID)
            let missing = draft.missingFields(for: status)
            guard missing.isEmpty else { throw MissingRequiredFieldsError(status: status, fields: missing, opportunity: current) }
            return try save(db, journal, draft, over: current)
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

    /// Writes `draft` over `current` (whose version the caller checked) and journals the
    /// changed fields, closing fields included.
    private func save(_ db: Database, _ journal: JournalWriter, _ draft: OpportunityDraft, over current: Opportunity) throws
        -> Opportunity {
        let (draft, link) = try prepare(draft, after: current.fields, db, at: journal.at)
        let columns = try OpportunityColumns.fields(draft) + derived(db, draft, link)
            + [(RecordColumns.updatedAt, journal.at.millisecondsSince1970),
               NameRank(table: OpportunityTable.name).column(db, sortName: OpportunityColumns.sortName(draft), id: current.id)]
        try db.updateRow(OpportunityTable.name, id: current.id, columns)
        try journal.updated(.opportunity, current.id, from: current.fields, to: draft)
        return try fetch(db, id: current.id)
    }

    /// The display name of whoever last changed one of `fields` of the opportunity, as the
    /// journal says.
    private func lastEditor(_ db: Database, of id: Int64, _ fields: [OpportunityDraft.Field]) throws -> String? {
        let sql: SQL = """
            SELECT u.display_name FROM journal j JOIN users u ON u.id = j.user_id
            WHERE j.entity = \(EntityKind.opportunity.rawValue) AND j.entity_id = \(id) AND j.field IN \(fields.map(\.rawValue))
            ORDER BY j.id DESC LIMIT 1
            """
        return try String.fetchOne(db, SQLRequest<String>(literal: sql))
    }

    private func fetchCurrent(_ db: Database, id: Int64, expectedVersion: Int) throws -> Opportunity {
        let current = try fetch(db, id: id)
        guard current.version == expectedVersion else { throw StaleRecordError(entity: .opportunity, fresh: current) }
        return current
    }

    /// The draft as it is saved after `previous` (`nil` for a new one), its closing fields set
    /// or cleared for its status (`OpportunityDraft.closed`, "today" being the day of `at`),
    /// once it passes its own rules, the closing rule, its references and its status's required
    /// fields; with what the row copies from its account.
    private func prepare(_ draft: OpportunityDraft, after previous: OpportunityDraft?, _ db: Database, at: Date) throws
        -> (OpportunityDraft, ContactColumns.AccountLink) {
        var draft = draft
        var errors = draft.validate()
        let field = OpportunityDraft.Field.self
        do {
            let status = try OpportunityStatusRepository.require(db, id: draft.statusID)
            draft = draft.closed(in: status.kind, after: previous, today: CalendarDate.day(of: at))
            errors += draft.closingProblems(in: status.kind, after: previous)
            for missing in draft.missingFields(for: status) {
                errors.append(FieldError(
                    field: missing.rawValue, message: "\(missing.spec.label) is required in the status \"\(status.name)\"."))
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
            (.lostReasonID, draft.lostReasonID, "SELECT 1 FROM lost_reasons WHERE id = ? AND ", "Choose one of the lost reasons."),
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
        return (draft, link)
    }
}

/// A move into a status whose required fields the opportunity leaves empty (OP-3): nothing was
/// saved; the board asks for exactly `fields` and moves again with them filled in.
public struct MissingRequiredFieldsError: Error, LocalizedError, CustomStringConvertible {
    public var status: OpportunityStatus
    public var fields: [OpportunityDraft.Field]
    /// The opportunity as stored, to fill the prompt from.
    public var opportunity: Opportunity

    public var description: String {
        "\"\(status.name)\" requires \(fields.map(\.spec.label).joined(separator: ", ")); fill "
            + (fields.count == 1 ? "it" : "them") + " in to move the opportunity."
    }

    public var errorDescription: String? { description }
}

/// A move refused because someone else moved the card, or changed a field the move writes,
/// since it was read (ST-7): nothing was saved, and the user decides again on their version.
public struct MoveConflictError: Error, LocalizedError, CustomStringConvertible {
    /// The opportunity as stored now.
    public var fresh: Opportunity
    /// What both changed: the status first when they moved it.
    public var fields: [OpportunityDraft.Field]
    /// The display name of who made the latest of those changes, when the journal says.
    public var changedBy: String?

    public var description: String {
        let who = changedBy ?? "Someone else"
        if fields.contains(.statusID) { return "\(who) moved “\(fresh.name)” to \(fresh.statusName) meanwhile" }
        return "\(who) changed \(fields.map(\.spec.label).joined(separator: ", ")) of “\(fresh.name)” meanwhile"
    }

    public var errorDescription: String? { description }
}
