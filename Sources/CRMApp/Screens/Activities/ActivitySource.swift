import CRMCore
import CRMStore
import TerminalUI

/// The timeline of one record's sales activities as a paged source: newest first, read a
/// window at a time by the `(at, id)` keyset.
struct ActivitySource: PagedSource {
    let repository: SalesActivityRepository
    let target: ActivityTarget

    func first(_ limit: Int) throws -> [SalesActivity] { try repository.timeline(of: target, .first, limit: limit) }
    func last(_ limit: Int) throws -> [SalesActivity] { try repository.timeline(of: target, .last, limit: limit) }
    func after(_ row: SalesActivity, limit: Int) throws -> [SalesActivity] {
        try repository.timeline(of: target, .after(row.timelineCursor), limit: limit)
    }
    func before(_ row: SalesActivity, limit: Int) throws -> [SalesActivity] {
        try repository.timeline(of: target, .before(row.timelineCursor), limit: limit)
    }
    func count() throws -> BoundedCount { try repository.count(of: target) }
    func identity(of row: SalesActivity) -> Int64 { row.id }
}
