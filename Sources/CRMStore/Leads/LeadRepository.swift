import CRMCore
import Foundation
import GRDB

/// Leads (LD-1, LD-2, LD-8) as one user sees and changes them: created by hand or by intake,
/// journaled, version-checked, archived and unarchived, and listed in the lead views by keyset.
public struct LeadRepository: Sendable {
    let database: AppDatabase
    /// The acting user; `nil` for the unattended intake endpoint (LP-1).
    let actor: User?

    /// Saves a new lead; without a status it gets the first status of kind "new".
    public func create(_ draft: LeadDraft) throws -> Lead {
        try database.write(as: actor) { db, journal in
            try fetch(db, id: try insert(db, journal, draft))
        }
    }

    /// Inserts a lead inside the caller's transaction and returns its id: validated, journaled
    /// and checked for duplicates (LP-7); see `LeadInserter`, which intake uses for many leads.
    func insert(_ db: Database, _ journal: JournalWriter, _ draft: LeadDraft,
                history: LeadHistory = LeadHistory()) throws -> Int64 {
        var inserter = try LeadInserter(db, journal, creatorID: actor?.id)
        let id = try inserter.add(ScreenedLead(draft), history: history)
        try inserter.finish()
        return id
    }

    /// Saves `draft` over the lead if it is still at `expectedVersion`; anonymized leads (LD-9)
    /// cannot be edited. The status may move between open statuses, and a disqualified lead may
    /// be reopened (its reason is then cleared); a qualified lead keeps its status, and only
    /// qualifying and disqualifying close a lead (`LeadReferences.check`).
    public func update(id: Int64, with draft: LeadDraft, expectedVersion: Int) throws -> Lead {
        try database.write(as: actor) { db, journal in
            let current = try fetchCurrent(db, id: id, expectedVersion: expectedVersion)
            guard !current.isAnonymized else {
                throw RuleViolationError("This lead was anonymized; its personal data can no longer be edited.")
            }
            let statusID = try LeadReferences(db).check(draft, keeping: Set([current.fields.statusID].compactMap { $0 }))
            let statusChanged = statusID != current.fields.statusID
            if current.isQualified, statusChanged {
                throw ValidationError([FieldError(field: LeadDraft.Field.statusID.rawValue,
                                                  message: "A qualified lead keeps its status: it became an opportunity.")])
            }
            let reopens = statusChanged && current.statusKind == .disqualified
            let columns = try LeadColumns.fields(draft, statusID: statusID) + LeadColumns.derived(draft)
                + [(RecordColumns.updatedAt, journal.at.millisecondsSince1970),
                   NameRank(table: LeadTable.name).column(db, sortName: SearchText.fold(draft.displayName), id: id)]
                + (reopens ? [(LeadTable.disqualifyReason, "")] : [])
            try db.updateRow(LeadTable.name, id: id, columns)
            try journal.updated(.lead, id, from: current.fields, to: draft)
            if reopens {
                try journal.changed(.lead, id, field: LeadDraft.Event.disqualifyReason.rawValue,
                                    from: current.history.disqualifyReason, to: "")
            }
            _ = try LeadDuplicates.index(db, leadID: id, draft)
            return try fetch(db, id: id)
        }
    }

    /// Archives or unarchives the lead (LD-8) if it is still at `expectedVersion`.
    public func setArchived(_ archived: Bool, id: Int64, expectedVersion: Int) throws -> Lead {
        try database.write(as: actor) { db, journal in
            let current = try fetchCurrent(db, id: id, expectedVersion: expectedVersion)
            guard current.isArchived != archived else { return current }
            try db.updateRow(LeadTable.name, id: id, [(LeadTable.isArchived, archived),
                                                      (RecordColumns.updatedAt, journal.at.millisecondsSince1970)])
            try journal.changed(.lead, id, field: LeadDraft.Event.archived.rawValue, from: String(current.isArchived),
                                to: String(archived))
            return try fetch(db, id: id)
        }
    }

    // MARK: - Reads

    public func get(id: Int64) throws -> Lead {
        try database.read { db in try fetch(db, id: id) }
    }

    /// One window of the view described by `query`, in display order.
    public func page(_ query: LeadQuery, _ position: PagePosition, limit: Int) throws -> [Lead] {
        try database.read { db in
            let decoder = try LeadDecoder(db)
            return try list(db, query).page(db, position, limit: limit).map(decoder.lead)
        }
    }

    /// The number of leads in the view, exact up to `cap`.
    public func count(_ query: LeadQuery, cap: Int = 10_000) throws -> BoundedCount {
        try database.read { db in try list(db, query).count(db, cap: cap) }
    }

    func fetch(_ db: Database, id: Int64) throws -> Lead {
        let sql: SQL = "SELECT \(LeadColumns.selection) FROM leads l WHERE l.id = \(id)"
        guard let row = try Row.fetchOne(db, SQLRequest<Row>(literal: sql)) else {
            throw RecordNotFoundError(entity: .lead, id: id)
        }
        return try LeadDecoder(db).lead(row)
    }

    func fetchCurrent(_ db: Database, id: Int64, expectedVersion: Int) throws -> Lead {
        let current = try fetch(db, id: id)
        guard current.version == expectedVersion else { throw StaleRecordError(entity: .lead, fresh: current) }
        return current
    }

    /// The view's conditions over `leads l` and the filter's (FI-2); open views take statuses of
    /// kind new or working.
    private func list(_ db: Database, _ query: LeadQuery) throws -> KeysetList {
        let statuses = try LeadStatusRepository.list(db)
        let open = statuses.filter(\.kind.isOpen).map(\.id)
        let incoming = statuses.filter { $0.kind == .new }.map(\.id)
        let openCondition: SQL = "l.is_archived = 0 AND l.status_id IN \(open)"
        var conditions: [SQL]
        switch query.view {
        case .open: conditions = [openCondition]
        case .noTouch: conditions = [openCondition, "l.touched_at IS NULL"]
        case .incoming: conditions = ["l.is_archived = 0 AND l.status_id IN \(incoming)"]
        case .callOn:
            let now = database.clock().millisecondsSince1970
            conditions = [openCondition, """
                l.id IN (SELECT a.lead_id FROM sales_activities a JOIN activity_categories c ON c.id = a.category_id
                         WHERE a.lead_id IS NOT NULL AND c.name = 'Call' AND a.at > \(now))
                """]
        case .freePool: conditions = [openCondition, "l.assignee_id IS NULL AND l.partner_id IS NULL"]
        case .archived: conditions = ["l.is_archived = 1"]
        case .closed:
            // A list of the closed statuses, not NOT IN the open ones: the bounded count then
            // reads `leads_by_status` ranges instead of walking every lead.
            let closed = statuses.filter { !$0.kind.isOpen }.map(\.id)
            conditions = ["l.is_archived = 0 AND l.status_id IN \(closed)"]
        case .all: conditions = []
        case .unprocessed: conditions = [openCondition, "l.split_filter_id IS NULL"]
        case .mine:
            conditions = [openCondition, "l.assignee_id = \(actor?.id ?? -1)"]
        }
        let filter = try ListFilter(db, text: query.filter, table: LeadTable.name, database: database, actor: actor,
                                    catalog: FilterCatalog.leads)
        conditions += filter.condition.map { [$0] } ?? []
        let sortColumns = [query.sort == .created ? RecordColumns.createdAt.name : LeadTable.sortName.name]
        return KeysetList(
            table: LeadTable.name, alias: "l", selection: LeadColumns.selection, sortColumns: sortColumns, ascending: query.ascending,
            conditions: conditions, filter: filter.quick, isNarrow: false)
    }
}

extension AppDatabase {
    /// The leads, changed on behalf of `user` (`nil`: the intake endpoint).
    public func leads(actingAs user: User?) -> LeadRepository {
        LeadRepository(database: self, actor: user)
    }

    /// The lead statuses.
    public var leadStatuses: LeadStatusRepository { LeadStatusRepository(database: self) }
}
