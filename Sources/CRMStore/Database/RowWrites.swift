import GRDB

/// The values of some columns of one row, in the order the statements list them: repositories
/// build one such list per record and use it for both INSERT and UPDATE, so a table's columns are
/// named once.
typealias ColumnValues = [(String, (any DatabaseValueConvertible)?)]

extension Database {
    /// Inserts one row into `table`; returns its rowid.
    func insertRow(into table: String, _ columns: ColumnValues) throws -> Int64 {
        try execute(
            sql: "INSERT INTO \(table) (\(columns.map(\.0).joined(separator: ", "))) "
                + "VALUES (\(databaseQuestionMarks(count: columns.count)))",
            arguments: StatementArguments(columns.map(\.1)))
        return lastInsertedRowID
    }

    /// Sets `columns` of row `id` of `table` and, unless told otherwise, raises its optimistic-lock
    /// version (ST-7). The caller checked the version it was based on in the same transaction.
    func updateRow(_ table: String, id: Int64, _ columns: ColumnValues, bumpingVersion: Bool = true) throws {
        let assignments = columns.map { "\($0.0) = ?" } + (bumpingVersion ? ["version = version + 1"] : [])
        try execute(
            sql: "UPDATE \(table) SET \(assignments.joined(separator: ", ")) WHERE id = ?",
            arguments: StatementArguments(columns.map(\.1) + [id]))
    }
}
