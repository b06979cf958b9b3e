import CRMCore
import GRDB

/// The configurable account types (AC-1, ST-5): listed in pick-list order, changed by admins,
/// journaled, and never deleted while accounts use them.
public struct AccountTypeRepository: Sendable {
    let database: AppDatabase
    let actor: User

    private var ordering: TypeOrdering { TypeOrdering(table: AccountTypeTable.name, entity: .accountType) }

    /// Every type in pick-list order.
    public func list() throws -> [AccountType] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM \(AccountTypeTable.name) ORDER BY position, id").map(AccountType.init(row:))
        }
    }

    /// Adds a type at the end of the list.
    public func create(_ draft: AccountTypeDraft) throws -> AccountType {
        try database.write(as: actor) { db, journal in
            try check(draft, db, excluding: nil)
            let id = try db.insertRow(
                into: AccountTypeTable.name, Self.columns(draft) + [(TypeColumns.position, ordering.nextPosition(db))])
            try journal.created(.accountType, id, draft)
            return try require(db, id: id)
        }
    }

    /// Renames the type or changes its name fields if it is still at `expectedVersion`; the
    /// display names of its accounts follow a change of name fields.
    public func update(id: Int64, with draft: AccountTypeDraft, expectedVersion: Int) throws -> AccountType {
        try database.write(as: actor) { db, journal in
            let current = try require(db, id: id)
            guard current.version == expectedVersion else { throw StaleRecordError(entity: .accountType, fresh: current) }
            try check(draft, db, excluding: id)
            try db.updateRow(AccountTypeTable.name, id: id, Self.columns(draft))
            try journal.updated(.accountType, id, from: current.draft, to: draft)
            if draft.usesPersonName != current.usesPersonName || draft.usesOrganisationName != current.usesOrganisationName {
                try AccountColumns.rederive(db, typeID: id, usesPersonName: draft.usesPersonName)
            }
            return try require(db, id: id)
        }
    }

    /// Puts the types in the order of `ids`, which must list every type once.
    public func reorder(_ ids: [Int64]) throws -> [AccountType] {
        try database.write(as: actor) { db, journal in try ordering.reorder(db, ids, journal: journal) }
        return try list()
    }

    /// Deletes the type if it is still at `expectedVersion` and no account uses it.
    public func delete(id: Int64, expectedVersion: Int) throws {
        try database.write(as: actor) { db, journal in
            let current = try require(db, id: id)
            guard current.version == expectedVersion else { throw StaleRecordError(entity: .accountType, fresh: current) }
            try ordering.requireUnused(
                db, id: id, name: current.name, usedBy: AccountTable.name, column: AccountTable.typeID.name, noun: "account")
            try db.execute(sql: "DELETE FROM \(AccountTypeTable.name) WHERE id = ?", arguments: [id])
            try journal.recorded(.delete, .accountType, id)
        }
    }

    static func fetch(_ db: Database, id: Int64) throws -> AccountType? {
        try Row.fetchOne(db, sql: "SELECT * FROM \(AccountTypeTable.name) WHERE id = ?", arguments: [id])
            .map(AccountType.init(row:))
    }

    /// The columns of the editable fields with their values, in one order for INSERT and UPDATE.
    private static func columns(_ draft: AccountTypeDraft) -> ColumnValues {
        typealias T = AccountTypeTable
        return [(T.key, draft.key), (TypeColumns.name, draft.name), (T.usesPersonName, draft.usesPersonName),
                (T.usesOrganisationName, draft.usesOrganisationName)]
    }

    private func require(_ db: Database, id: Int64) throws -> AccountType {
        guard let type = try Self.fetch(db, id: id) else { throw RecordNotFoundError(entity: .accountType, id: id) }
        return type
    }

    private func check(_ draft: AccountTypeDraft, _ db: Database, excluding id: Int64?) throws {
        var errors = draft.validate()
        if try Bool.fetchOne(
            db, sql: "SELECT 1 FROM \(AccountTypeTable.name) WHERE key = ? AND id IS NOT ?", arguments: [draft.key, id]) != nil {
            errors.append(FieldError(field: AccountTypeDraft.Field.key.rawValue,
                                     message: "The key \"\(draft.key)\" is already used by another type."))
        }
        guard errors.isEmpty else { throw ValidationError(errors) }
    }
}

extension AccountType {
    init(row: Row) {
        typealias T = AccountTypeTable
        self.init(
            id: row[RecordColumns.id], key: row[T.key], name: row[TypeColumns.name], usesPersonName: row[T.usesPersonName],
            usesOrganisationName: row[T.usesOrganisationName], position: row[TypeColumns.position],
            version: row[RecordColumns.version])
    }
}
