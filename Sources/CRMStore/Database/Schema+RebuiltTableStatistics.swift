import CRMCore
import GRDB

extension Schema {
    /// v24: the table statistics v22 lost come back (issue 14).
    ///
    /// v22 rebuilt every journaled table, and dropping a table drops its rows of `sqlite_stat1`.
    /// Without them the planner guesses: on the large demo a lead list filtered by "m" sorted
    /// every open lead in a temporary file (2 s, some 2,800 `write()` calls) instead of walking
    /// `leads_by_created` until its first page was full (15 ms). `PRAGMA optimize` at quit does
    /// not bring them back: it refreshes only statistics the planner has used. So a table with
    /// rows but no statistics, in a file that has them (the demo runs `ANALYZE` after its load),
    /// is analyzed again: about 11 s once on the large demo, nothing on new files.
    static func restoreRebuiltTableStatistics(_ db: Database) throws {
        guard try db.tableExists("sqlite_stat1") else { return }
        for table in EntityKind.allCases.compactMap(journaledTable(of:)) where try db.tableExists(table) {
            let hasRows = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table))") ?? false
            let hasStatistics = try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_stat1 WHERE tbl = ?)", arguments: [table]) ?? false
            if hasRows, !hasStatistics { try db.execute(sql: "ANALYZE \(table)") }
        }
    }
}
