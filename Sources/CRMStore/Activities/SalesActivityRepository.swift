import CRMCore
import Foundation
import GRDB

/// Sales activities (SA-1, SA-2) as one user sees and changes them.
///
/// Like every record: visibility on every read (an activity is hidden with a private account,
/// its own or its opportunity's), a journal row per changed field, and a version check on every
/// update and delete (ST-7). Timelines are keyset-paged, newest first.
public struct SalesActivityRepository: Sendable {
    let database: AppDatabase
    let actor: User

    var visibility: Visibility { Visibility(user: actor) }

    // MARK: - Writes

    /// Saves a new activity recorded by the acting user.
    public func create(_ draft: SalesActivityDraft) throws -> SalesActivity {
        try database.write(as: actor) { db, journal in
            let columns = try check(draft, db, previousOwner: nil)
            let now = journal.at.millisecondsSince1970
            let all = columns + [(RecordColumns.createdByID, actor.id), (RecordColumns.createdAt, now), (RecordColumns.updatedAt, now)]
            let id = try db.insertRow(into: SalesActivityTable.name, all)
            try journal.created(.salesActivity, id, draft)
            return try fetch(db, id: id)
        }
    }

    /// Saves `draft` over the activity if it is still at `expectedVersion`.
    ///
    /// Throws `StaleRecordError<SalesActivity>` with the stored activity when someone else saved
    /// first, `RecordNotFoundError` when it is gone or invisible, `ValidationError` when the
    /// draft breaks a rule.
    public func update(id: Int64, with draft: SalesActivityDraft, expectedVersion: Int) throws -> SalesActivity {
        try database.write(as: actor) { db, journal in
            let current = try fetchCurrent(db, id: id, expectedVersion: expectedVersion)
            let columns = try check(draft, db, previousOwner: current.ownerID)
                + [(RecordColumns.updatedAt, journal.at.millisecondsSince1970)]
            try db.updateRow(SalesActivityTable.name, id: id, columns)
            try journal.updated(.salesActivity, id, from: current.fields, to: draft)
            return try fetch(db, id: id)
        }
    }

    /// Deletes the activity if it is still at `expectedVersion`.
    public func delete(id: Int64, expectedVersion: Int) throws {
        try database.write(as: actor) { db, journal in
            _ = try fetchCurrent(db, id: id, expectedVersion: expectedVersion)
            try db.execute(sql: "DELETE FROM sales_activities WHERE id = ?", arguments: [id])
            try journal.recorded(.delete, .salesActivity, id)
        }
    }

    // MARK: - Reads

    /// The activity, or `RecordNotFoundError` when it does not exist or is not visible.
    public func get(id: Int64) throws -> SalesActivity {
        try database.read { db in try fetch(db, id: id) }
    }

    /// One window of the timeline of `target`, newest first: an account's timeline holds its
    /// own activities and those of its opportunities (SA-2).
    public func timeline(of target: ActivityTarget, _ position: PagePosition, limit: Int) throws -> [SalesActivity] {
        try database.read { db in
            let decoder = try SalesActivityDecoder(db)
            return try list(target).page(db, position, limit: limit).map(decoder.activity)
        }
    }

    /// The number of activities on the timeline of `target`, exact up to `cap`.
    public func count(of target: ActivityTarget, cap: Int = 10_000) throws -> BoundedCount {
        try database.read { db in try list(target).count(db, cap: cap) }
    }

    func fetch(_ db: Database, id: Int64) throws -> SalesActivity {
        let sql: SQL = "SELECT \(Self.selection) FROM sales_activities a WHERE a.id = \(id) AND \(visibility.salesActivities("a"))"
        guard let row = try Row.fetchOne(db, SQLRequest<Row>(literal: sql, cached: true)) else {
            throw RecordNotFoundError(entity: .salesActivity, id: id)
        }
        return try SalesActivityDecoder(db).activity(row)
    }

    /// The columns of an activity plus the name of its opportunity (a primary-key lookup).
    private static let selection: SQL = "a.*, (SELECT o.name FROM opportunities o WHERE o.id = a.opportunity_id) AS opportunity_name"

    /// The timeline as a keyset list over one partial index: `(timeline_account_id, at, id)`,
    /// `(opportunity_id, at, id)`, `(partner_id, at, id)` or `(lead_id, at, id)`.
    private func list(_ target: ActivityTarget) -> KeysetList {
        let scope: SQL = switch target {
        case .account(let id): "a.timeline_account_id = \(id)"
        case .opportunity(let id): "a.opportunity_id = \(id)"
        case .partner(let id): "a.partner_id = \(id)"
        case .lead(let id): "a.lead_id = \(id)"
        }
        return KeysetList(
            table: "sales_activities", alias: "a", selection: Self.selection, sortColumns: ["at"], ascending: false,
            conditions: [scope, visibility.salesActivities("a")],
            filter: QuickFilter(table: "sales_activities", text: ""), isNarrow: true)
    }

    // MARK: - Helpers

    private func fetchCurrent(_ db: Database, id: Int64, expectedVersion: Int) throws -> SalesActivity {
        let current = try fetch(db, id: id)
        guard current.version == expectedVersion else { throw StaleRecordError(entity: .salesActivity, fresh: current) }
        return current
    }

    /// Validates the draft and its references; returns every column to write. The target must
    /// be visible (else `RecordNotFoundError`, as if it did not exist); the owner must be an
    /// active user unless the edit keeps the owner it had.
    private func check(
        _ draft: SalesActivityDraft, _ db: Database, previousOwner: Int64?
    ) throws -> ColumnValues {
        var errors = draft.validate()
        let field = SalesActivityDraft.Field.self
        if let categoryID = draft.categoryID,
           try Bool.fetchOne(db, sql: "SELECT 1 FROM activity_categories WHERE id = ?", arguments: [categoryID]) == nil {
            errors.append(FieldError(field: field.categoryID.rawValue, message: "Choose an existing category."))
        }
        let ownerRule = draft.ownerID == previousOwner ? "" : " AND active = 1"
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM users WHERE id = ?" + ownerRule, arguments: [draft.ownerID]) == nil {
            errors.append(FieldError(field: field.ownerID.rawValue, message: "The owner must be an active user."))
        }
        let link = try ActivityLink.of(draft.target, db, actor: actor, database: database)
        guard errors.isEmpty else { throw ValidationError(errors) }
        typealias T = SalesActivityTable
        return [
            (T.categoryID, draft.categoryID), (T.at, draft.at.millisecondsSince1970),
            (T.durationMinutes, draft.durationMinutes), (T.outcome, draft.outcome), (T.description, draft.description),
            (T.ownerID, draft.ownerID), (T.opportunityID, draft.target.opportunityID),
            (T.accountID, draft.target.accountID), (T.partnerID, draft.target.partnerID), (T.leadID, draft.target.leadID),
            (T.timelineAccountID, link.timelineAccountID), (T.privateOwnerID, link.privateOwnerID),
        ]
    }
}
