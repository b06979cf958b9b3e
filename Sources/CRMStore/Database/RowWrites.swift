import GRDB

/// The values of some columns of one row, in the order the statements list them: repositories
/// build one such list per record and use it for both INSERT and UPDATE, naming the columns by
/// their table's constants (`AccountTable.city`), so a table's columns are named once.
typealias ColumnValues = [(Column, (any DatabaseValueConvertible)?)]

extension Database {
    /// Inserts one row into `table`; returns its rowid.
    func insertRow(into table: String, _ columns: ColumnValues) throws -> Int64 {
        try run(
            "INSERT INTO \(table) (\(columns.map(\.0.name).joined(separator: ", "))) "
                + "VALUES (\(databaseQuestionMarks(count: columns.count)))",
            StatementArguments(columns.map(\.1)))
        return lastInsertedRowID
    }

    /// Executes one statement through the connection's statement cache. Preparing a statement
    /// costs more than running it (GRDB inspects every prepared statement), so the writes done
    /// for each of thousands of intake leads reuse their prepared statements.
    func run(_ sql: String, _ arguments: StatementArguments = StatementArguments()) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }

    /// Sets `columns` of row `id` of `table` and, unless told otherwise, raises its optimistic-lock
    /// version (ST-7). The caller checked the version it was based on in the same transaction.
    func updateRow(_ table: String, id: Int64, _ columns: ColumnValues, bumpingVersion: Bool = true) throws {
        let assignments = columns.map { "\($0.0.name) = ?" } + (bumpingVersion ? ["version = version + 1"] : [])
        try run("UPDATE \(table) SET \(assignments.joined(separator: ", ")) WHERE id = ?",
                StatementArguments(columns.map(\.1) + [id]))
    }
}
