import CRMCore
import GRDB

/// What `NamedTypes` needs of a name-only type besides `NamedTypeRecord`: to be made from a row
/// and journaled.
protocol NamedType: NamedTypeRecord, Journaled {
    init(id: Int64, name: String, position: Int, version: Int)
}

extension ContactType: NamedType {}
extension ActivityCategory: NamedType {}
extension LostReason: NamedType {}

/// The shared rules of name-only types: unique names, new ones at the end of the list,
/// version-checked renames and deletes, journaled, and no delete while records use the type.
struct NamedTypes<Record: NamedType> {
    let database: AppDatabase
    let actor: User
    /// The table, with `id` and `version` (`RecordColumns`) and `TypeColumns`.
    let table: String
    let entity: EntityKind
    /// Where the type is used: the table, its column pointing here, and nouns for messages.
    let usedBy: (table: String, column: String, noun: String, nouns: String)

    private var ordering: TypeOrdering { TypeOrdering(table: table, entity: entity) }

    func list() throws -> [Record] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY position, id").map(Self.record)
        }
    }

    func create(name: String) throws -> Record {
        try database.write(as: actor) { db, journal in
            try check(name, db, excluding: nil)
            let id = try db.insertRow(into: table, [(TypeColumns.name, name), (TypeColumns.position, ordering.nextPosition(db))])
            let type = try require(db, id: id)
            try journal.created(entity, type.id, type)
            return type
        }
    }

    func rename(id: Int64, to name: String, expectedVersion: Int) throws -> Record {
        try database.write(as: actor) { db, journal in
            let current = try require(db, id: id)
            guard current.version == expectedVersion else { throw StaleRecordError(entity: entity, fresh: current) }
            try check(name, db, excluding: id)
            try db.updateRow(table, id: id, [(TypeColumns.name, name)])
            let renamed = try require(db, id: id)
            try journal.updated(entity, id, from: current, to: renamed)
            return renamed
        }
    }

    func reorder(_ ids: [Int64]) throws -> [Record] {
        try database.write(as: actor) { db, journal in try ordering.reorder(db, ids, journal: journal) }
        return try list()
    }

    func delete(id: Int64, expectedVersion: Int) throws {
        try database.write(as: actor) { db, journal in
            let current = try require(db, id: id)
            guard current.version == expectedVersion else { throw StaleRecordError(entity: entity, fresh: current) }
            try ordering.requireUnused(
                db, id: id, name: current.name, usedBy: usedBy.table, column: usedBy.column, noun: usedBy.noun,
                nouns: usedBy.nouns)
            try db.execute(sql: "DELETE FROM \(table) WHERE id = ?", arguments: [id])
            try journal.recorded(.delete, entity, id)
        }
    }

    func require(_ db: Database, id: Int64) throws -> Record {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM \(table) WHERE id = ?", arguments: [id]) else {
            throw RecordNotFoundError(entity: entity, id: id)
        }
        return Self.record(row)
    }

    private static func record(_ row: Row) -> Record {
        Record(id: row[RecordColumns.id], name: row[TypeColumns.name], position: row[TypeColumns.position],
               version: row[RecordColumns.version])
    }

    private func check(_ name: String, _ db: Database, excluding id: Int64?) throws {
        var errors = Record.validateName(name)
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM \(table) WHERE name = ? AND id IS NOT ?", arguments: [name, id]) != nil {
            errors.append(FieldError(field: NamedTypeField.name.rawValue,
                                     message: "There is already a \(entity.noun) named \"\(name)\"."))
        }
        guard errors.isEmpty else { throw ValidationError(errors) }
    }
}
