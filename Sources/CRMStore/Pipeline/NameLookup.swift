import CRMCore
import GRDB

/// Names of the small reference tables (projects, partners, campaigns) for pickers and labels, found by a
/// word-prefix of their name.
///
/// Projects and partners number in the hundreds at most, so a LIKE over the sort name is
/// instant; the big tables (accounts, contacts) have their own indexed searches.
public struct NameLookup: Sendable {
    public enum Table: String, Sendable {
        case projects, partners, campaigns
    }

    let database: AppDatabase

    /// Up to `limit` `(id, name)` pairs whose name has a word starting with `text`, by name.
    public func find(_ table: Table, matching text: String, limit: Int = 20) throws -> [(id: Int64, name: String)] {
        let folded = SearchText.fold(text)
        return try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, name FROM \(table.rawValue)
                WHERE ? = '' OR sort_name LIKE ? || '%' ESCAPE '\\' OR sort_name LIKE '% ' || ? || '%' ESCAPE '\\'
                ORDER BY sort_name, id LIMIT ?
                """, arguments: [folded, escaped(folded), escaped(folded), limit]
            ).map { ($0["id"], $0["name"]) }
        }
    }

    /// The name of one row, or `nil` when it is gone.
    public func name(_ table: Table, id: Int64) throws -> String? {
        try database.read { db in
            try String.fetchOne(db, sql: "SELECT name FROM \(table.rawValue) WHERE id = ?", arguments: [id])
        }
    }

    private func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}

extension AppDatabase {
    /// Project and partner names for pickers.
    public var names: NameLookup { NameLookup(database: self) }
}
