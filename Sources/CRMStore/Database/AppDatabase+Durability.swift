import Foundation
import GRDB

extension AppDatabase {
    /// Makes the intake's commits durable on power loss: after `requireDurableCommits`, intake
    /// answers a sender only once `syncCommits` has put its transaction on disk.
    ///
    /// SQLite's own way (`PRAGMA synchronous = FULL`) syncs the write-ahead log inside every
    /// commit, while the write lock is held, so every person saving a form waits for the disk
    /// too (about 9 ms a sync here, far longer when other programs write). Instead the
    /// connections keep GRDB's NORMAL (no sync at commit) and intake syncs the log itself after
    /// the commit, outside the lock: a sync of the file covers every frame written to it before,
    /// so a lead is on disk once the sync that follows its commit returns. A batch syncs once
    /// for all its transactions. (The log is only rewritten from its start after a checkpoint
    /// has copied it into the database file and synced that, and NORMAL still syncs the log's
    /// header when it restarts, so no committed frame is lost in between.)
    public func requireDurableCommits() {
        commitSync.isRequired = true
    }

    /// Puts every transaction this process committed so far on disk, when durable commits are
    /// required (else it does nothing): one `fsync` of the write-ahead log, outside the lock.
    public func syncCommits() throws {
        guard commitSync.isRequired, let path else { return }
        try commitSync.sync(logPath: path + "-wal")
    }

    /// How many times `syncCommits` went to the disk: what `crm bench --intake` reports per lead.
    public var commitSyncCount: Int { commitSync.count }

    /// Gives the writer connection a page cache of `megabytes` (the app's connections keep 8 MB):
    /// intake inserts into a million leads touch a few pages of each of the table's indexes and
    /// of the search index, and with a small cache most of those are re-read for every lead.
    public func enlargeWriterCache(megabytes: Int) throws {
        try translatingErrors {
            try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA cache_size = -\(megabytes * 1024)") }
        }
    }
}

/// The state behind `AppDatabase.syncCommits`.
final class CommitSync: @unchecked Sendable {
    private let lock = NSLock()
    private var required = false
    private var syncs = 0

    var isRequired: Bool {
        get { lock.withLock { required } }
        set { lock.withLock { required = newValue } }
    }

    var count: Int { lock.withLock { syncs } }

    /// Syncs the log at `logPath`. Opened for each sync, so a log SQLite removed and created
    /// again is never missed; a missing log was checkpointed into the (synced) database file.
    func sync(logPath: String) throws {
        let descriptor = open(logPath, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { return }
            throw StoreError.unusable(path: logPath, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else {
            throw StoreError.unusable(path: logPath, reason: "the disk refused to sync: \(String(cString: strerror(errno)))")
        }
        lock.withLock { syncs += 1 }
    }
}
