import CRMStore
import Foundation

/// Syncs committed groups to disk on its own thread and then answers them. One sync covers
/// every transaction committed before it started, so the groups committed while a sync runs
/// wait for the next one together.
final class CommitSyncer: @unchecked Sendable {
    typealias Answer = @Sendable ((any Error)?) -> Void

    private let database: AppDatabase
    private let queue = DispatchQueue(label: "crm.intake.syncs")
    private let lock = NSLock()
    private var committed: [Answer] = []
    private var isSyncing = false

    init(database: AppDatabase) {
        self.database = database
    }

    /// Calls `answer` (with nil, or the error when the disk refused) once the transactions
    /// committed so far are on disk.
    func answerOnceSynced(_ answer: @escaping Answer) {
        let startsWorker = lock.withLock {
            committed.append(answer)
            defer { isSyncing = true }
            return !isSyncing
        }
        if startsWorker { queue.async { self.sync() } }
    }

    private func sync() {
        while true {
            let answers = lock.withLock {
                let taken = committed
                committed = []
                if taken.isEmpty { isSyncing = false }
                return taken
            }
            guard !answers.isEmpty else { return }
            let failure: (any Error)?
            do {
                try database.syncCommits()
                failure = nil
            } catch {
                failure = error
            }
            answers.forEach { $0(failure) }
        }
    }
}
