import CRMCore
import GRDB

/// The pick-list order shared by configurable types (account and contact types, activity
/// categories, opportunity statuses): their tables have `id`, `position` and `version`.
struct TypeOrdering {
    let table: String
    let entity: EntityKind

    /// The position after the last one, for a new type.
    func nextPosition(_ db: Database) throws -> Int {
        (try Int.fetchOne(db, sql: "SELECT max(position) FROM \(table)") ?? 0) + 1
    }

    /// Numbers the types 1, 2, 3… in the order of `ids`, which must list every type once;
    /// journals each moved type's old and new position and bumps its version.
    func reorder(_ db: Database, _ ids: [Int64], journal: JournalWriter) throws {
        let current = try Row.fetchAll(db, sql: "SELECT id, position FROM \(table)")
        let positions = Dictionary(uniqueKeysWithValues: current.map { row in
            (row[RecordColumns.id] as Int64, row[TypeColumns.position] as Int)
        })
        guard ids.count == positions.count, Set(ids) == Set(positions.keys) else {
            throw RuleViolationError("The new order must list every \(entity.noun) exactly once; reload and try again.")
        }
        for (index, id) in ids.enumerated() where positions[id] != index + 1 {
            try db.updateRow(table, id: id, [(TypeColumns.position, index + 1)])
            try journal.changed(entity, id, field: NamedTypeField.position.rawValue, from: String(positions[id] ?? 0),
                                to: String(index + 1))
        }
    }

    /// Refuses to delete a type that rows of `usedBy` still reference through `column`;
    /// `noun` and `nouns` name one and several of those rows in the message.
    func requireUnused(
        _ db: Database, id: Int64, name: String, usedBy: String, column: String = "type_id", noun: String,
        nouns: String? = nil
    ) throws {
        let uses = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(usedBy) WHERE \(column) = ?", arguments: [id]) ?? 0
        guard uses == 0 else {
            throw RuleViolationError(
                "The \(entity.noun) \"\(name)\" is used by \(uses) \(uses == 1 ? noun : nouns ?? noun + "s"); "
                    + "give them another \(entity.noun) first.")
        }
    }
}
