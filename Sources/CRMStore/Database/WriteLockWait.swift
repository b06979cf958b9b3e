import Foundation
import GRDB
import Synchronization

/// How crm's connections wait while another connection or process holds the write lock.
///
/// SQLite's own busy timeout sleeps longer and longer between tries (up to 100 ms), so behind a
/// writer that commits again and again it keeps missing the moments the lock is free and a save
/// waits seconds. crm's connections look again every millisecond instead, and long writers leave
/// a gap between their short transactions (`AppDatabase.yieldToWaitingWriters`) and look less
/// often themselves (`asBackgroundWriter`), so a waiting save gets in after at most one of them.
///
/// Without a watcher a wait gives up after `patience`, and the caller hears `StoreError.busy`
/// (the intake server answers 503, and the sender retries). The terminal app installs a watcher
/// that keeps waiting as long as the user lets it while showing that it is saving.
public final class WriteLockWait: Sendable {
    /// Told about a wait every `pollInterval`; returns false to stop waiting, or nil to leave
    /// the decision to `patience` (a wait it does not own, such as another thread's). `tries`
    /// starts at 0 for each new wait. It runs on the thread whose write waits, inside that
    /// write: it must not use the database.
    public typealias Watcher = @Sendable (_ tries: Int) -> Bool?

    /// How often a waiting connection tries the lock again.
    public static let pollInterval: Duration = .milliseconds(1)
    /// How often a background writer (a batch of leads, grouped single leads, a splitter run)
    /// tries it: less often than a person's save, so that when one long writer pauses between
    /// its transactions, a waiting save almost always takes the lock before another long writer.
    public static let backgroundPollInterval: Duration = .milliseconds(5)
    /// How long a wait lasts when no watcher decides.
    public static let patience: Duration = .seconds(5)
    /// How long a long writer pauses between its transactions: more than one `pollInterval`, so
    /// every waiting connection tries the lock while it is free.
    public static let yieldGap: Duration = .milliseconds(2)

    private let watcher = Mutex<Watcher?>(nil)

    public init() {}

    /// Installs `watcher` for every later wait of this process (replacing an earlier one).
    public func watch(_ watcher: @escaping Watcher) {
        self.watcher.withLock { $0 = watcher }
    }

    /// Runs `body` on this thread with every wait limited to `patience`, whatever a watcher
    /// would say: for upkeep that waits on other processes (a checkpoint waits for every reader)
    /// and must not keep a person waiting for long.
    func limiting<T>(to patience: Duration, _ body: () throws -> T) rethrows -> T {
        try Self.withThreadValue(patience, for: Self.patienceKey, body)
    }

    /// Runs `body` on this thread as a background writer: its waits try the lock every
    /// `backgroundPollInterval`, so people's saves go first.
    func asBackgroundWriter<T>(_ body: () throws -> T) rethrows -> T {
        try Self.withThreadValue(true, for: Self.backgroundKey, body)
    }

    private static let patienceKey = "crm.WriteLockWait.patience"
    private static let backgroundKey = "crm.WriteLockWait.background"

    private static func withThreadValue<T>(_ value: Any, for key: String, _ body: () throws -> T) rethrows -> T {
        let earlier = Thread.current.threadDictionary[key]
        Thread.current.threadDictionary[key] = value
        defer { Thread.current.threadDictionary[key] = earlier }
        return try body()
    }

    /// SQLite's busy handler: true to try the lock again after a short sleep.
    func keepWaiting(tries: Int) -> Bool {
        let thread = Thread.current.threadDictionary
        let interval = thread[Self.backgroundKey] as? Bool == true ? Self.backgroundPollInterval : Self.pollInterval
        let keep: Bool
        if let limit = thread[Self.patienceKey] as? Duration {
            keep = interval * tries < limit
        } else {
            keep = watcher.withLock({ $0 })?(tries) ?? (interval * tries < Self.patience)
        }
        if keep { Thread.sleep(forTimeInterval: Self.seconds(interval)) }
        return keep
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
