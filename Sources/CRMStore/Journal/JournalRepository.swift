import CRMCore
import Foundation
import GRDB

/// Reads the history of records (ST-6), newest first.
public struct JournalRepository: Sendable {
    let database: AppDatabase
    let actor: User

    /// Every journal row of one record, newest first.
    ///
    /// Accounts and contacts the actor may not see have no visible history either: asking for
    /// one throws `RecordNotFoundError`, as reading the record would.
    public func history(of entity: EntityKind, id: Int64) throws -> [JournalEntry] {
        try database.read { db in
            try requireVisible(db, entity, id)
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT j.*, u.login FROM journal j LEFT JOIN users u ON u.id = j.user_id
                    WHERE j.entity = ? AND j.entity_id = ? ORDER BY j.id DESC
                    """,
                arguments: [entity.rawValue, id]
            ).map { try JournalEntry(row: $0) }
        }
    }

    private func requireVisible(_ db: Database, _ entity: EntityKind, _ id: Int64) throws {
        let visibility = Visibility(user: actor)
        let hidden: SQL? = switch entity {
        case .account: "SELECT 1 FROM accounts a WHERE a.id = \(id) AND NOT \(visibility.accounts("a"))"
        case .contact: "SELECT 1 FROM contacts c WHERE c.id = \(id) AND NOT \(visibility.contacts("c"))"
        case .opportunity: "SELECT 1 FROM opportunities o WHERE o.id = \(id) AND NOT \(visibility.opportunities("o"))"
        case .task: "SELECT 1 FROM tasks t WHERE t.id = \(id) AND NOT (\(visibility.tasks("t")))"
        default: nil
        }
        if let hidden, try Bool.fetchOne(db, SQLRequest<Bool>(literal: hidden)) != nil {
            throw RecordNotFoundError(entity: entity, id: id)
        }
    }
}

extension JournalEntry {
    init(row: Row) throws {
        try self.init(
            id: row["id"], at: Date(millisecondsSince1970: row["at"]), userID: row["user_id"],
            userLogin: row["login"], entity: row.decode("entity"),
            entityID: row["entity_id"], action: row.decode("action"),
            field: row["field"], oldValue: row["old_value"], newValue: row["new_value"],
            mergedFromID: row["merged_from_id"])
    }
}
