import CRMCore
import CRMStore
import Foundation

/// Commits single leads in groups (LP-1): while one group is written, the leads that arrive
/// meanwhile wait and then go into the next transaction together. A durable commit costs one
/// fsync (up to several milliseconds here), so committing one lead at a time would cap intake at
/// a few hundred leads a second; grouping pays one fsync for all the requests in flight and
/// still answers each only after its lead is on disk.
///
/// The sync runs outside the write lock (`AppDatabase.syncCommits`), on a thread of its own
/// (`CommitSyncer`), so the next group is written while the previous one syncs. The database
/// work runs on dedicated threads, never on Swift's cooperative pool, whose few threads must
/// keep serving the network while SQLite waits for the disk.
final class GroupCommitter: @unchecked Sendable {
    typealias Outcome = Result<Result<IntakeResult, IntakeError>, any Error>

    private let intake: LeadIntake
    private let syncer: CommitSyncer
    private let limit: Int
    private let queue = DispatchQueue(label: "crm.intake.commits")
    private let lock = NSLock()
    private var waiting: [(lead: LeadIntake.PreparedLead, reply: CheckedContinuation<Outcome, Never>)] = []
    private var isCommitting = false

    init(database: AppDatabase, limit: Int) {
        intake = database.leadIntake
        syncer = CommitSyncer(database: database)
        self.limit = max(1, limit)
    }

    /// Commits `lead` with whatever else is waiting; returns once its transaction is on disk
    /// (or failed as a whole, then with the error).
    func commit(_ lead: LeadIntake.PreparedLead) async -> Outcome {
        await withCheckedContinuation { reply in
            let startsWorker = lock.withLock {
                waiting.append((lead, reply))
                defer { isCommitting = true }
                return !isCommitting
            }
            if startsWorker { queue.async { self.drain() } }
        }
    }

    /// Writes what is waiting, in groups that hold the write lock for about
    /// `TransactionSizer.target` each, as a background writer pausing between groups so that a
    /// waiting save gets in; each group is answered once a sync after it returned.
    private func drain() {
        var sizer = TransactionSizer(range: 1...limit, first: limit)
        while true {
            let group = lock.withLock {
                let taken = Array(waiting.prefix(sizer.size))
                waiting.removeFirst(taken.count)
                if taken.isEmpty { isCommitting = false }
                return taken
            }
            guard !group.isEmpty else { return }
            do {
                let results = try intake.writeUnsynced(group.map(\.lead), sizer: &sizer)
                syncer.answerOnceSynced { failure in
                    for (item, result) in zip(group, results) {
                        item.reply.resume(returning: failure.map { .failure($0) } ?? .success(result))
                    }
                }
            } catch {
                for item in group { item.reply.resume(returning: .failure(error)) }
            }
            if lock.withLock({ !waiting.isEmpty }) { AppDatabase.yieldToWaitingWriters(since: sizer.lockReleasedAt) }
        }
    }
}
