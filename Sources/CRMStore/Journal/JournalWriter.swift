import CRMCore
import Foundation
import GRDB

/// Writes journal rows (ST-6) inside the caller's transaction, so a change and its history are
/// committed together or not at all.
struct JournalWriter {
    let db: Database
    let userID: Int64?
    let at: Date

    /// One `create` row, then one row per non-empty field with its initial value.
    func created(_ entity: EntityKind, _ id: Int64, _ record: some Journaled) throws {
        try write(creationRows(entity, id, record))
    }

    /// The rows `created` writes, for a writer that journals many records at once (`write`):
    /// values of `JournalWriter.columns`, one row after another.
    func creationRows(_ entity: EntityKind, _ id: Int64, _ record: some Journaled) -> [DatabaseValue] {
        var rows = row(entity, id, .create)
        for (field, value) in record.journalValues where !value.isEmpty {
            rows += row(entity, id, .create, field: field, new: value)
        }
        return rows
    }

    /// The row `changed` writes, for `write`.
    func changeRow(_ entity: EntityKind, _ id: Int64, field: String, from old: String, to new: String) -> [DatabaseValue] {
        row(entity, id, .update, field: field, old: old, new: new)
    }

    /// Writes rows made by `creationRows` and `changeRow`, many per statement.
    func write(_ rows: [DatabaseValue]) throws {
        try db.insertRows(into: "journal", columns: Self.columns, values: rows)
    }

    static let columns = ["at", "user_id", "entity", "entity_id", "action", "field", "old_value", "new_value"]

    private func row(_ entity: EntityKind, _ id: Int64, _ action: JournalAction,
                     field: String? = nil, old: String? = nil, new: String? = nil) -> [DatabaseValue] {
        [at.millisecondsSince1970.databaseValue, userID.databaseValue, entity.rawValue.databaseValue, id.databaseValue,
         action.rawValue.databaseValue, field.databaseValue, old.databaseValue, new.databaseValue]
    }

    /// One `update` row per changed field with the old and the new text.
    func updated<Draft: Journaled>(_ entity: EntityKind, _ id: Int64, from old: Draft, to new: Draft) throws {
        for change in new.changes(from: old) {
            try insert(entity, id, .update, field: change.field, old: change.old, new: change.new)
        }
    }

    /// One `update` row for a single field changed outside a draft, such as a position.
    func changed(_ entity: EntityKind, _ id: Int64, field: String, from old: String, to new: String) throws {
        try insert(entity, id, .update, field: field, old: old, new: new)
    }

    /// One `update` row for a field rewritten to erase what it said about a person (anonymizing):
    /// the old value is not kept, not even here.
    func erased(_ entity: EntityKind, _ id: Int64, field: String, to new: String) throws {
        try insert(entity, id, .update, field: field, new: new)
    }

    /// The same one-field change on many records at once (a splitter run's batch), in
    /// multi-row statements.
    func changed(_ entity: EntityKind, _ ids: [Int64], field: String, from old: String, to new: String) throws {
        try write(ids.flatMap { changeRow(entity, $0, field: field, from: old, to: new) })
    }

    /// One row for an event about the whole record (`delete`, `anonymize`).
    func recorded(_ action: JournalAction, _ entity: EntityKind, _ id: Int64) throws {
        try insert(entity, id, action)
    }

    private static let insertSQL = """
        INSERT INTO journal (at, user_id, entity, entity_id, action, field, old_value, new_value)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """

    private func insert(
        _ entity: EntityKind, _ id: Int64, _ action: JournalAction,
        field: String? = nil, old: String? = nil, new: String? = nil
    ) throws {
        try db.run(Self.insertSQL, [at.millisecondsSince1970, userID, entity.rawValue, id, action.rawValue, field, old, new])
    }
}

extension AppDatabase {
    /// Runs `updates` in one write transaction with a journal writer for `actor`.
    func write<T>(as actor: User?, _ updates: (Database, JournalWriter) throws -> T) throws -> T {
        let now = clock()
        return try write { db in try updates(db, JournalWriter(db: db, userID: actor?.id, at: now)) }
    }
}
