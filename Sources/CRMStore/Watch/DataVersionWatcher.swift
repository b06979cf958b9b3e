import Foundation
import GRDB
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
    private let connection: DatabaseQueue?
    private let lastVersion = Mutex<Int64?>(nil)

    init(path: String?) throws {
        guard let path else {
            connection = nil
            return
        }
        var configuration = AppDatabase.configuration()
        configuration.readonly = true
        connection = try DatabaseQueue(path: path, configuration: configuration)
        _ = try hasChanged()
    }

    /// True when another connection committed since the previous call (or since creation).
    public func hasChanged() throws -> Bool {
        guard let connection else { return false }
        let version = try connection.inDatabase { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") }
        return lastVersion.withLock { last in
            defer { last = version }
            return last != nil && last != version
        }
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
