import CRMCore
import GRDB

/// The configurable personal contact types (PC-2, ST-5): listed in pick-list order, changed by
/// admins, journaled, and never deleted while contacts use them.
public struct ContactTypeRepository: Sendable {
    let database: AppDatabase
    let actor: User

    private var ordering: TypeOrdering { TypeOrdering(table: "contact_types", entity: .contactType) }

    /// Every type in pick-list order.
    public func list() throws -> [ContactType] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM contact_types ORDER BY position, id").map(ContactType.init(row:))
        }
    }

    /// Adds a type named `name` at the end of the list.
    public func create(name: String) throws -> ContactType {
        try database.write(as: actor) { db, journal in
            try check(name, db, excluding: nil)
            try db.execute(
                sql: "INSERT INTO contact_types (name, position) VALUES (?, ?)",
                arguments: [name, try ordering.nextPosition(db)])
            let type = try require(db, id: db.lastInsertedRowID)
            try journal.created(.contactType, type.id, type)
            return type
        }
    }

    /// Renames the type if it is still at `expectedVersion`.
    public func rename(id: Int64, to name: String, expectedVersion: Int) throws -> ContactType {
        try database.write(as: actor) { db, journal in
            let current = try require(db, id: id)
            guard current.version == expectedVersion else { throw StaleRecordError(entity: .contactType, fresh: current) }
            try check(name, db, excluding: id)
            try db.execute(
                sql: "UPDATE contact_types SET name = ?, version = version + 1 WHERE id = ?", arguments: [name, id])
            let renamed = try require(db, id: id)
            try journal.updated(.contactType, id, from: current, to: renamed)
            return renamed
        }
    }

    /// Puts the types in the order of `ids`, which must list every type once.
    public func reorder(_ ids: [Int64]) throws -> [ContactType] {
        try database.write(as: actor) { db, journal in try ordering.reorder(db, ids, journal: journal) }
        return try list()
    }

    /// Deletes the type if it is still at `expectedVersion` and no contact uses it.
    public func delete(id: Int64, expectedVersion: Int) throws {
        try database.write(as: actor) { db, journal in
            let current = try require(db, id: id)
            guard current.version == expectedVersion else { throw StaleRecordError(entity: .contactType, fresh: current) }
            try ordering.requireUnused(db, id: id, name: current.name, usedBy: "contacts", noun: "contact")
            try db.execute(sql: "DELETE FROM contact_types WHERE id = ?", arguments: [id])
            try journal.recorded(.delete, .contactType, id)
        }
    }

    private func require(_ db: Database, id: Int64) throws -> ContactType {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM contact_types WHERE id = ?", arguments: [id]) else {
            throw RecordNotFoundError(entity: .contactType, id: id)
        }
        return ContactType(row: row)
    }

    private func check(_ name: String, _ db: Database, excluding id: Int64?) throws {
        var errors = ContactType.validateName(name)
        if try Bool.fetchOne(
            db, sql: "SELECT 1 FROM contact_types WHERE name = ? AND id IS NOT ?", arguments: [name, id]) != nil {
            errors.append(FieldError(field: "name", message: "There is already a contact type named \"\(name)\"."))
        }
        guard errors.isEmpty else { throw ValidationError(errors) }
    }
}

extension ContactType {
    init(row: Row) {
        self.init(id: row["id"], name: row["name"], position: row["position"], version: row["version"])
    }
}
