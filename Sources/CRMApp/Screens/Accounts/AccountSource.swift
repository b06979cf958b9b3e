import CRMCore
import CRMStore

/// Accounts as a paged source for lists: the repository plus the query the user chose.
public struct AccountSource: PagedSource {
    public let repository: AccountRepository
    public let query: AccountQuery

    public func first(_ limit: Int) throws -> [Account] { try repository.page(query, .first, limit: limit) }
    public func last(_ limit: Int) throws -> [Account] { try repository.page(query, .last, limit: limit) }
    public func after(_ row: Account, limit: Int) throws -> [Account] {
        try repository.page(query, .after(query.cursor(for: row)), limit: limit)
    }
    public func before(_ row: Account, limit: Int) throws -> [Account] {
        try repository.page(query, .before(query.cursor(for: row)), limit: limit)
    }
    public func count() throws -> BoundedCount { try repository.count(query, cap: 10_000) }
    public func identity(of row: Account) -> Int64 { row.id }
}
