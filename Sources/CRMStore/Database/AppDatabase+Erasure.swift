import CRMCore
import GRDB

extension AppDatabase {
    /// Runs an anonymize in one write transaction (`write(as:)`) and then makes sure no file
    /// keeps what it erased (LD-9, PC-3).
    ///
    /// `secure_delete` zeroes erased bytes in the pages the transaction writes, but in WAL mode
    /// the database file keeps the old pages until a checkpoint, and older WAL frames keep older
    /// copies. So after the commit the writer connection, outside any transaction, copies the
    /// WAL into the database file and truncates it (`PRAGMA wal_checkpoint(TRUNCATE)`).
    ///
    /// A connection still reading an older snapshot at that moment (another crm process in the
    /// middle of a read, or an intake server writing) keeps SQLite from truncating: the
    /// checkpoint waits for it up to `checkpointPatience`, then gives up (in the app too, where a
    /// save would otherwise wait as long as the person lets it). The anonymize stands all the same, since
    /// it is committed; the old copies then stay until later checkpoints: SQLite's automatic
    /// ones (every 1,000 written pages) bring the database file up to date, later commits
    /// overwrite the WAL from its start, and when the last connection closes SQLite checkpoints
    /// and deletes the WAL.
    func erasing<T>(as actor: User?, _ erase: (Database, JournalWriter) throws -> T) throws -> T {
        let result = try write(as: actor, erase)
        lockWait.limiting(to: Self.checkpointPatience) {
            _ = try? writer.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        }
        return result
    }

    /// How long the checkpoint after an anonymize waits for other connections.
    static let checkpointPatience: Duration = .seconds(2)
}
