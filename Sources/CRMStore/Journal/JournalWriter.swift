import CRMCore
import Foundation
import GRDB

/// Writes journal rows (ST-6) inside the caller's transaction, so a change and its history are
/// committed together or not at all.
struct JournalWriter {
    let db: Database
    let userID: Int64?
    let at: Date

    /// One `create` row, then one row per non-empty field with its initial value, written by
    /// one statement (intake creates thousands of records a second).
    func created(_ entity: EntityKind, _ id: Int64, _ record: some Journaled) throws {
        let fields = record.journalValues.filter { !$0.value.isEmpty }
        let common: [(any DatabaseValueConvertible)?] = [at.millisecondsSince1970, userID, entity.rawValue, id,
                                                         JournalAction.create.rawValue]
        var values = common + [nil, nil, nil]
        for (field, value) in fields {
            values += common + [field, nil, value]
        }
        let rows = Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?)", count: fields.count + 1).joined(separator: ", ")
        try db.run("INSERT INTO journal (at, user_id, entity, entity_id, action, field, old_value, new_value) VALUES \(rows)",
                   StatementArguments(values))
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

    /// The same one-field change on many records at once (a splitter run's batch), through one
    /// prepared statement.
    func changed(_ entity: EntityKind, _ ids: [Int64], field: String, from old: String, to new: String) throws {
        let statement = try db.cachedStatement(sql: Self.insertSQL)
        for id in ids {
            try statement.execute(arguments: [at.millisecondsSince1970, userID, entity.rawValue, id,
                                              JournalAction.update.rawValue, field, old, new])
        }
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
