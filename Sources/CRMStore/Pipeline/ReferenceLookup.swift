import CRMCore
import GRDB

/// Read-only name look-ups of the small tables an opportunity points to (projects, partners),
/// for record pickers until those records get repositories of their own (PR-1, PA-1).
public struct ReferenceLookup: Sendable {
    let database: AppDatabase

    /// Projects whose name contains `text` (case- and accent-insensitively), by name.
    public func projects(matching text: String, limit: Int = 20) throws -> [SearchHit] {
        try find(.project, table: "projects", subtitle: "identifier", text: text, limit: limit)
    }

    /// Partners whose name contains `text` (case- and accent-insensitively), by name.
    public func partners(matching text: String, limit: Int = 20) throws -> [SearchHit] {
        try find(.partner, table: "partners", subtitle: "city", text: text, limit: limit)
    }

    private func find(_ entity: EntityKind, table: String, subtitle: String, text: String, limit: Int) throws -> [SearchHit] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, name, \(subtitle) AS subtitle FROM \(table)
                WHERE instr(sort_name, ?) > 0 ORDER BY sort_name, id LIMIT ?
                """, arguments: [SearchText.fold(text), limit]).map { row in
                SearchHit(entity: entity, id: row["id"], title: row["name"], subtitle: row["subtitle"])
            }
        }
    }
}

extension AppDatabase {
    /// Project and partner names for pickers.
    public var references: ReferenceLookup { ReferenceLookup(database: self) }
}
