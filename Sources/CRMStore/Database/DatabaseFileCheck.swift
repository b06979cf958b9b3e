import Foundation
import GRDB

/// Looks at a database path before crm opens it for writing, so that it never turns someone
/// else's file into a WAL database or migrates a schema it does not understand.
enum DatabaseFileCheck {
    /// Throws a `StoreError` naming the path when the file or its folder cannot be used.
    static func inspect(path: String) throws {
        let files = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent.isEmpty
            ? "." : (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        guard files.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw StoreError.directoryMissing(folder)
        }
        guard files.isWritableFile(atPath: folder) else { throw StoreError.readOnlyLocation(folder) }
        guard files.fileExists(atPath: path, isDirectory: &isFolder) else { return }
        guard !isFolder.boolValue else { throw StoreError.notADatabase(path) }
        guard files.isWritableFile(atPath: path) else { throw StoreError.readOnlyLocation(path) }
        let header = try readHeader(path: path)
        guard !header.isEmpty else { return }
        guard header.starts(with: "SQLite format 3\0".utf8) else { throw StoreError.notADatabase(path) }
        // Ours, as the header says: no connection is needed to tell (one would read the whole
        // schema, a few milliseconds of every start). Its schema version is checked where the
        // file is opened (`Schema.migrate`), through the WAL, which the header may lag behind.
        if applicationID(in: header) == AppDatabase.applicationID { return }
        try checkOwnership(path: path)
    }

    /// SQLite's 100-byte file header: "SQLite format 3" and a NUL, then the file's settings.
    private static func readHeader(path: String) throws -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw StoreError.readOnlyLocation(path) }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 100)) ?? Data()
    }

    /// `PRAGMA application_id` as the header holds it (big-endian at offset 68); nil in a
    /// header too short to hold it. The first migration sets it; a file still in its first WAL
    /// may not show it yet, and is then asked through SQLite.
    private static func applicationID(in header: Data) -> Int32? {
        guard header.count >= 72 else { return nil }
        return header.dropFirst(68).prefix(4).reduce(0) { $0 << 8 | Int32($1) }
    }

    private static func checkOwnership(path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        let identity: (applicationID: Int32, schema: Int, tables: Int)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            identity = try queue.read { db in
                (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                 try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
                 try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0)
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notADatabase(path)
        } catch let error as DatabaseError {
            throw StoreError.unusable(path: path, reason: error.message ?? "\(error.resultCode)")
        }
        switch identity.applicationID {
        case AppDatabase.applicationID where identity.schema > AppDatabase.schemaVersion:
            throw StoreError.newerSchema(path: path, found: identity.schema, known: AppDatabase.schemaVersion)
        case AppDatabase.applicationID:
            return
        case 0 where identity.tables == 0:
            return
        default:
            throw StoreError.foreignDatabase(path)
        }
    }
}
