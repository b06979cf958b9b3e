import CRMCore
import GRDB

/// The configurable pipeline statuses (OP-2, ST-5): board columns in `position` order.
///
/// Every change keeps the set usable (`StatusSetRule`: an open and a won status remain), is
/// journaled and version-checked; a status still used by opportunities cannot be deleted.
public struct OpportunityStatusRepository: Sendable {
    let database: AppDatabase
    let actor: User

    private typealias T = OpportunityStatusTable
    private var ordering: TypeOrdering { TypeOrdering(table: T.name, entity: .opportunityStatus) }

    /// Every status in board order.
    public func list() throws -> [OpportunityStatus] {
        try database.read { db in try Self.list(db) }
    }

    static func list(_ db: Database) throws -> [OpportunityStatus] {
        try Row.fetchAll(db, sql: "SELECT * FROM opportunity_statuses ORDER BY position, id").map { try OpportunityStatus(row: $0) }
    }

    /// Adds a status at its position (1 = first column); the statuses from there on move one
    /// place to the right.
    public func create(_ draft: OpportunityStatusDraft) throws -> OpportunityStatus {
        try database.write(as: actor) { db, journal in
            try check(draft, db, replacing: nil)
            let id = try db.insertRow(into: T.name, Self.columns(draft))
            try journal.created(.opportunityStatus, id, draft)
            try place(db, id: id, at: draft.position, journal: journal)
            return try Self.require(db, id: id)
        }
    }

    /// Saves `draft` over the status if it is still at `expectedVersion`.
    public func update(id: Int64, with draft: OpportunityStatusDraft, expectedVersion: Int) throws -> OpportunityStatus {
        try database.write(as: actor) { db, journal in
            let current = try Self.require(db, id: id)
            guard current.version == expectedVersion else { throw StaleRecordError(entity: .opportunityStatus, fresh: current) }
            try check(draft, db, replacing: id)
            try db.updateRow(T.name, id: id, Self.columns(draft))
            try journal.updated(.opportunityStatus, id, from: current.fields, to: draft)
            try place(db, id: id, at: draft.position, journal: journal)
            return try Self.require(db, id: id)
        }
    }

    /// Puts the statuses (board columns) in the order of `ids`, which must list each once.
    public func reorder(_ ids: [Int64]) throws -> [OpportunityStatus] {
        try database.write(as: actor) { db, journal in try ordering.reorder(db, ids, journal: journal) }
        return try list()
    }

    /// Deletes an unused status if it is still at `expectedVersion` and the rest stays usable.
    public func delete(id: Int64, expectedVersion: Int) throws {
        try database.write(as: actor) { db, journal in
            let current = try Self.require(db, id: id)
            guard current.version == expectedVersion else { throw StaleRecordError(entity: .opportunityStatus, fresh: current) }
            let uses = try Int.fetchOne(db, sql: "SELECT count(*) FROM opportunities WHERE status_id = ?", arguments: [id]) ?? 0
            guard uses == 0 else {
                throw RuleViolationError(
                    "The status \"\(current.name)\" holds \(uses) opportunit\(uses == 1 ? "y" : "ies"); "
                        + "move them to another status first.")
            }
            let rest = try Self.list(db).filter { $0.id != id }.map(\.fields)
            if let problem = StatusSetRule.problem(with: rest) { throw RuleViolationError(problem) }
            try db.execute(sql: "DELETE FROM opportunity_statuses WHERE id = ?", arguments: [id])
            try journal.recorded(.delete, .opportunityStatus, id)
        }
    }

    /// Puts status `id` at board position `position` (clamped to the list) and numbers the
    /// others 1, 2, 3… around it, so two columns never share a place.
    private func place(_ db: Database, id: Int64, at position: Int, journal: JournalWriter) throws {
        var ids = try Int64.fetchAll(
            db, sql: "SELECT id FROM opportunity_statuses WHERE id <> ? ORDER BY position, id", arguments: [id])
        ids.insert(id, at: min(max(0, position - 1), ids.count))
        try ordering.reorder(db, ids, journal: journal)
    }

    static func require(_ db: Database, id: Int64) throws -> OpportunityStatus {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM opportunity_statuses WHERE id = ?", arguments: [id]) else {
            throw RecordNotFoundError(entity: .opportunityStatus, id: id)
        }
        return try OpportunityStatus(row: row)
    }

    private static func columns(_ draft: OpportunityStatusDraft) -> ColumnValues {
        [(TypeColumns.name, draft.name), (TypeColumns.position, draft.position), (T.probability, draft.probability),
         (T.kind, draft.kind.rawValue), (T.colour, draft.colour.rawValue),
         (T.requiredFields, draft.requiredFields.map(\.rawValue).joined(separator: ","))]
    }

    /// The draft's own rules, a unique name, and the set rule with the draft in place.
    private func check(_ draft: OpportunityStatusDraft, _ db: Database, replacing id: Int64?) throws {
        var errors = draft.validate()
        if try Bool.fetchOne(
            db, sql: "SELECT 1 FROM opportunity_statuses WHERE name = ? AND id IS NOT ?", arguments: [draft.name, id]) != nil {
            errors.append(FieldError(field: OpportunityStatusDraft.Field.name.rawValue, message: "There is already a status named \"\(draft.name)\"."))
        }
        let others = try Self.list(db).filter { $0.id != id }.map(\.fields)
        if let problem = StatusSetRule.problem(with: others + [draft]) {
            errors.append(FieldError(field: OpportunityStatusDraft.Field.kind.rawValue, message: problem))
        }
        guard errors.isEmpty else { throw ValidationError(errors) }
    }
}

extension OpportunityStatus {
    init(row: Row) throws {
        typealias T = OpportunityStatusTable
        let required = (row[T.requiredFields] as String).split(separator: ",").compactMap {
            OpportunityDraft.Field(rawValue: String($0))
        }
        self.init(
            id: row[RecordColumns.id],
            fields: OpportunityStatusDraft(
                name: row[TypeColumns.name], position: row[TypeColumns.position], probability: row[T.probability],
                kind: try row.decode(T.kind.name), colour: StatusColour(rawValue: row[T.colour]) ?? .white,
                requiredFields: required),
            version: row[RecordColumns.version])
    }
}
