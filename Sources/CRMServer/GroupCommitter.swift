import CRMCore
import CRMStore
import Foundation

/// Commits single leads in groups (LP-1): while one group is written and synced to disk, the
/// leads that arrive meanwhile wait and then go into the next transaction together. A durable
/// commit costs one fsync (up to several milliseconds here), so committing one lead at a time
/// would cap intake at a few hundred leads a second; grouping pays one fsync for all the
/// requests in flight and still answers each only after its lead is on disk.
///
/// The database work runs on one dedicated thread, never on Swift's cooperative pool, whose
/// few threads must keep serving the network while SQLite waits for the disk.
final class GroupCommitter: @unchecked Sendable {
    typealias Outcome = Result<Result<IntakeResult, IntakeError>, any Error>

    private let intake: LeadIntake
    private let limit: Int
    private let queue = DispatchQueue(label: "crm.intake.commits")
    private let lock = NSLock()
    private var waiting: [(lead: LeadIntake.PreparedLead, reply: CheckedContinuation<Outcome, Never>)] = []
    private var isCommitting = false

    init(intake: LeadIntake, limit: Int) {
        self.intake = intake
        self.limit = max(1, limit)
    }

    /// Commits `lead` with whatever else is waiting; returns once its transaction committed
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

    /// Commits what is waiting, in groups that hold the write lock for about
    /// `TransactionSizer.target` each, as a background writer pausing between groups so that a
    /// waiting save gets in.
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
                let results = try intake.commit(group.map(\.lead), sizer: &sizer)
                for (item, result) in zip(group, results) { item.reply.resume(returning: .success(result)) }
            } catch {
                for item in group { item.reply.resume(returning: .failure(error)) }
            }
            if lock.withLock({ !waiting.isEmpty }) { AppDatabase.yieldToWaitingWriters() }
        }
    }
}
