import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// Notices commits made by other connections — other crm processes on the same server — so the
/// visible lists can refresh without a restart (ST-7).
///
/// GRDB's in-process observation cannot see other processes, so this keeps one dedicated
/// read-only connection and compares `PRAGMA data_version`, which SQLite changes whenever
/// another connection commits. One call costs a few microseconds; the interface polls it about
/// four times a second.
public final class DataVersionWatcher: Sendable {
    /// `nil` for an in-memory database, which no other process can change.
    private let connection: VersionConnection?
    private let lastVersion = Mutex<Int64?>(nil)

    init(path: String?) throws {
        guard let path else {
            connection = nil
            return
        }
        connection = try VersionConnection(path: path)
        _ = try hasChanged()
    }

    /// True when another connection committed since the previous call (or since creation).
    public func hasChanged() throws -> Bool {
        guard let connection else { return false }
        let version = try connection.dataVersion()
        return lastVersion.withLock { last in
            defer { last = version }
            return last != nil && last != version
        }
    }
}

/// A read-only connection that only ever asks `PRAGMA data_version`, opened with SQLite's C API:
/// GRDB reads the whole schema when it opens a connection, which this pragma never needs and
/// which cost the app's start-up a few milliseconds. `@unchecked Sendable`: the handle and its
/// one statement are only used under `lock`.
private final class VersionConnection: @unchecked Sendable {
    private let handle: OpaquePointer
    private let statement: OpaquePointer
    private let lock = Mutex(())

    init(path: String) throws {
        var handle: OpaquePointer?
        var code = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let handle else {
            let error = Self.failure(code, handle)
            sqlite3_close_v2(handle)
            throw error
        }
        // A reader waits only while a crashed writer's WAL is recovered; as long as writers do.
        sqlite3_busy_timeout(handle, Int32(WriteLockWait.patience / .milliseconds(1)))
        var statement: OpaquePointer?
        code = sqlite3_prepare_v2(handle, "PRAGMA data_version", -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            let error = Self.failure(code, handle)
            sqlite3_close_v2(handle)
            throw error
        }
        self.handle = handle
        self.statement = statement
    }

    deinit {
        sqlite3_finalize(statement)
        sqlite3_close_v2(handle)
    }

    func dataVersion() throws -> Int64 {
        try lock.withLock { _ in
            defer { sqlite3_reset(statement) }
            let code = sqlite3_step(statement)
            guard code == SQLITE_ROW else { throw Self.failure(code, handle) }
            return sqlite3_column_int64(statement, 0)
        }
    }

    private static func failure(_ code: Int32, _ handle: OpaquePointer?) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code),
                      message: handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open the database")
    }
}

extension AppDatabase {
    /// A watcher for commits made by other processes (and by this one's other connections).
    public func makeChangeWatcher() throws -> DataVersionWatcher {
        do {
            return try DataVersionWatcher(path: path)
        } catch let error as DatabaseError {
            throw StoreError.unusable(path: displayPath, reason: error.message ?? "\(error.resultCode)")
        }
    }
}
