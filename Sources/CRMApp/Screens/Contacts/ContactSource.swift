import CRMCore
import CRMStore

/// Personal contacts as a paged source for lists.
public struct ContactSource: PagedSource {
    public let repository: ContactRepository
    public let query: ContactQuery

    public func first(_ limit: Int) throws -> [PersonalContact] { try repository.page(query, .first, limit: limit) }
    public func last(_ limit: Int) throws -> [PersonalContact] { try repository.page(query, .last, limit: limit) }
    public func after(_ row: PersonalContact, limit: Int) throws -> [PersonalContact] {
        try repository.page(query, .after(query.cursor(for: row)), limit: limit)
    }
    public func before(_ row: PersonalContact, limit: Int) throws -> [PersonalContact] {
        try repository.page(query, .before(query.cursor(for: row)), limit: limit)
    }
    public func count() throws -> BoundedCount { try repository.count(query, cap: 10_000) }
    public func identity(of row: PersonalContact) -> Int64 { row.id }
}
