import GRDB
import GRDBSQLite

extension Database {
    /// Inserts many rows into `table`: `values` holds them one after another, `columns.count`
    /// values each.
    ///
    /// Two things make bulk intake affordable here. Many rows go into each statement, because
    /// executing a statement costs far more than one row of it on tables with many indexes and
    /// triggers (measured on `leads`: about 66 µs a statement against 19 µs a row). And the
    /// values are bound with SQLite's C API: GRDB's `StatementArguments` spent about 0.4 µs a
    /// value, which for a lead's ~200 values (its row, journal and keys) was a tenth of the
    /// intake's time. The statements are prepared by GRDB, inside the caller's transaction.
    func insertRows(into table: String, columns: [String], values: [DatabaseValue], orIgnore: Bool = false) throws {
        let width = columns.count
        precondition(width > 0 && values.count % width == 0, "\(values.count) values do not make rows of \(width)")
        let rowsPerStatement = max(1, 8_000 / width)
        let head = "INSERT \(orIgnore ? "OR IGNORE " : "")INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        let placeholders = "(" + databaseQuestionMarks(count: width) + ")"
        var start = 0
        while start < values.count {
            let rows = min(rowsPerStatement, (values.count - start) / width)
            let sql = head + Array(repeating: placeholders, count: rows).joined(separator: ", ")
            // Full statements recur in every batch and stay in GRDB's cache (preparing one with
            // thousands of parameters takes about a millisecond); a batch's last, shorter one
            // rarely recurs.
            let statement = rows == rowsPerStatement ? try cachedStatement(sql: sql) : try makeStatement(sql: sql)
            try RawStatement(db: self, statement: statement).run(values[start..<(start + rows * width)])
            start += rows * width
        }
    }
}

/// A statement GRDB prepared, bound and executed through SQLite's C API.
private struct RawStatement {
    let db: Database
    let statement: Statement

    /// Binds `values` to the statement's parameters in order and executes it once.
    func run(_ values: ArraySlice<DatabaseValue>) throws {
        let handle = statement.sqliteStatement
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        var index: Int32 = 1
        for value in values {
            let code: Int32
            switch value.storage {
            case .null: code = sqlite3_bind_null(handle, index)
            case .int64(let number): code = sqlite3_bind_int64(handle, index, number)
            case .double(let number): code = sqlite3_bind_double(handle, index, number)
            case .string(var text):
                code = text.withUTF8 { sqlite3_bind_text64(handle, index, $0.baseAddress, UInt64($0.count), transient, UInt8(SQLITE_UTF8)) }
            case .blob(let data):
                code = data.withUnsafeBytes { sqlite3_bind_blob64(handle, index, $0.baseAddress, UInt64($0.count), transient) }
            }
            guard code == SQLITE_OK else { throw failure(code) }
            index += 1
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else { throw failure(code) }
    }

    private func failure(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                      sql: statement.sql)
    }
}

/// Tells SQLite to copy a bound text or blob, which lives only as long as its Swift value.
private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
