import CRMCore
import Foundation
import GRDB

/// The CRM database: owns the SQLite connections, the schema and its migrations, and hands out
/// the repositories through which every read and write goes.
///
/// One instance per process and database file. Writes are short IMMEDIATE transactions (GRDB's
/// default for writers); a connection that finds the write lock taken waits as `WriteLockWait`
/// says. Other processes' commits are noticed with `makeChangeWatcher()`.
public final class AppDatabase: Sendable {
    /// `PRAGMA application_id` of crm databases ("CRM1"), so a foreign file is never mistaken
    /// for ours.
    static let applicationID: Int32 = 0x4352_4D31

    /// The schema version this build writes (`PRAGMA user_version`): the number of migrations.
    public static var schemaVersion: Int { Schema.migrationNames.count }

    let writer: any DatabaseWriter
    /// The file path, or `nil` for an in-memory database.
    let path: String?
    /// The time stamped on changes; tests may pin it.
    let clock: @Sendable () -> Date
    /// How this process's connections wait for the write lock; the terminal app watches it.
    public let lockWait: WriteLockWait
    /// Whether and how intake puts its commits on disk (`requireDurableCommits`).
    let commitSync = CommitSync()

    private init(writer: any DatabaseWriter, path: String?, lockWait: WriteLockWait,
                 clock: @escaping @Sendable () -> Date) throws {
        self.writer = writer
        self.path = path
        self.lockWait = lockWait
        self.clock = clock
        try Schema.migrate(writer, path: path ?? "(in memory)")
    }

    /// The user's today by this database's clock: the day relative dates (`today`, `+30d`) in
    /// filters and form fields count from.
    public var today: CalendarDate { CalendarDate.day(of: clock()) }

    /// Opens (creating and migrating when needed) the database file at `path`.
    ///
    /// Throws a `StoreError` naming the path when the folder is missing or read-only, the file is
    /// not ours, or it was written by a newer crm.
    public static func open(path: String, clock: @escaping @Sendable () -> Date = { Date() }) throws -> AppDatabase {
        try DatabaseFileCheck.inspect(path: path)
        do {
            let lockWait = WriteLockWait()
            let pool = try DatabasePool(path: path, configuration: configuration(lockWait: lockWait))
            return try AppDatabase(writer: pool, path: path, lockWait: lockWait, clock: clock)
        } catch let error as DatabaseError {
            throw StoreError.unusable(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// A fresh, migrated database that lives in memory only: for tests and previews.
    public static func inMemory(clock: @escaping @Sendable () -> Date = { Date() }) throws -> AppDatabase {
        let lockWait = WriteLockWait()
        return try AppDatabase(writer: DatabaseQueue(configuration: configuration(lockWait: lockWait)), path: nil,
                               lockWait: lockWait, clock: clock)
    }

    /// The connection settings every crm connection shares.
    static func configuration(lockWait: WriteLockWait = WriteLockWait()) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .callback { tries in lockWait.keepWaiting(tries: tries) }
        configuration.prepareDatabase { db in
            // Erased data must not linger in free pages (PC-3, LD-9).
            try db.execute(sql: "PRAGMA secure_delete = ON")
            // A modest page cache per connection: the OS file cache serves the rest, and many
            // people run crm side by side on one server, so each process must stay small
            // (no mmap either: mapped pages of a 600 MB file would count against every process).
            try db.execute(sql: "PRAGMA cache_size = -8192")
            FilterFunctions.install(db)
        }
        return configuration
    }

    /// The human name of the database in messages.
    var displayPath: String { path ?? "(in memory)" }

    /// SQLite's close-time upkeep (`PRAGMA optimize`): re-gathers the statistics of tables whose
    /// statistics are stale, so the planner keeps choosing index walks over sorts as the data
    /// grows. Tables without any are left alone (it refreshes only statistics the planner used;
    /// see v23). Cheap when nothing needs it; the app calls it when it quits.
    public func optimize() {
        try? writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA optimize") }
    }

    // MARK: - Transactions

    /// Runs `updates` in one IMMEDIATE transaction, committed when it returns.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        try translatingErrors { try writer.write(updates) }
    }

    /// Runs `value` in a read transaction that sees one consistent snapshot.
    func read<T>(_ value: (Database) throws -> T) throws -> T {
        try translatingErrors { try writer.read(value) }
    }

    func translatingErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw StoreError.busy(displayPath)
        } catch let error as DatabaseError {
            throw StoreError.unusable(path: displayPath, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// Pauses a long writer between two of its transactions so that writers waiting for the lock
    /// (a person saving a form) get it first; see `WriteLockWait`. The pause lasts until
    /// `WriteLockWait.yieldGap` after `released`, when the lock was let go (now if not given):
    /// time spent since, such as syncing the commit to disk, already counts.
    public static func yieldToWaitingWriters(since released: ContinuousClock.Instant? = nil) {
        let rest = WriteLockWait.yieldGap - (released.map { .now - $0 } ?? .zero)
        if rest > .zero { Thread.sleep(forTimeInterval: WriteLockWait.seconds(rest)) }
    }

    // MARK: - Repositories

    /// The users of the CRM.
    public var users: UserRepository { UserRepository(database: self) }

    /// Account types, changed on behalf of `user`.
    public func accountTypes(actingAs user: User) -> AccountTypeRepository {
        AccountTypeRepository(database: self, actor: user)
    }

    /// Contact types, changed on behalf of `user`.
    public func contactTypes(actingAs user: User) -> ContactTypeRepository {
        ContactTypeRepository(database: self, actor: user)
    }

    /// The accounts `user` may see and change.
    public func accounts(actingAs user: User) -> AccountRepository {
        AccountRepository(database: self, actor: user)
    }

    /// The personal contacts `user` may see and change.
    public func contacts(actingAs user: User) -> ContactRepository {
        ContactRepository(database: self, actor: user)
    }

    /// The pipeline statuses, changed on behalf of `user`.
    public func opportunityStatuses(actingAs user: User) -> OpportunityStatusRepository {
        OpportunityStatusRepository(database: self, actor: user)
    }

    /// The base currency and exchange rates, changed on behalf of `user`.
    public func moneySettings(actingAs user: User) -> MoneySettingsRepository {
        MoneySettingsRepository(database: self, actor: user)
    }

    /// The opportunities `user` may see and change.
    public func opportunities(actingAs user: User) -> OpportunityRepository {
        OpportunityRepository(database: self, actor: user)
    }

    /// The saved filters `user` may use and change.
    public func savedFilters(actingAs user: User) -> SavedFilterRepository {
        SavedFilterRepository(database: self, actor: user)
    }

    /// The partners and their consultants, changed on behalf of `user`.
    public func partners(actingAs user: User) -> PartnerRepository {
        PartnerRepository(database: self, actor: user)
    }

    /// Record histories, readable by `user`.
    public func journal(actingAs user: User) -> JournalRepository {
        JournalRepository(database: self, actor: user)
    }

    /// The "go to" search over the records `user` may see.
    public func search(actingAs user: User) -> SearchRepository {
        SearchRepository(database: self, actor: user)
    }
}
