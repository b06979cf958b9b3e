import CRMCore
import CRMStore
import TerminalUI

/// A query a list can re-run: filter text, a sort choice and its direction, and the keyset
/// cursor of a row under that sort.
public protocol ListQuery {
    associatedtype Sort: Equatable
    associatedtype Record
    var filter: String { get set }
    var sort: Sort { get set }
    var ascending: Bool { get set }
    /// The grouping's name as saved filters keep it (`nil`: not grouped, or no groupings).
    var groupingKey: String? { get set }
    func cursor(for record: Record) -> PageCursor
}

extension ListQuery {
    /// Lists without groupings ignore a saved grouping.
    public var groupingKey: String? {
        get { nil }
        set {}
    }
}

/// A repository that pages records by keyset and counts them up to a cap.
public protocol KeysetRepository {
    associatedtype Query: ListQuery
    func page(_ query: Query, _ position: PagePosition, limit: Int) throws -> [Query.Record]
    func count(_ query: Query, cap: Int) throws -> BoundedCount
    /// One record by id (one a form just created, to select it in the list).
    func get(id: Int64) throws -> Query.Record
}

extension AccountQuery: ListQuery {}
extension ContactQuery: ListQuery {}
extension PartnerQuery: ListQuery {}
extension OpportunityQuery: ListQuery {
    public var groupingKey: String? {
        get { grouping == .none ? nil : grouping.rawValue }
        set { grouping = newValue.flatMap(Grouping.init(rawValue:)) ?? .none }
    }
}
extension AccountRepository: KeysetRepository {}
extension ContactRepository: KeysetRepository {}
extension PartnerRepository: KeysetRepository {}
extension OpportunityRepository: KeysetRepository {}
extension LeadQuery: ListQuery {}
extension LeadRepository: KeysetRepository {}

/// Any keyset repository plus the user's query, as the paged source a list window reads.
public struct RepositorySource<Repository: KeysetRepository>: PagedSource
where Repository.Query.Record: Identifiable, Repository.Query.Record.ID == Int64 {
    public typealias Row = Repository.Query.Record
    public let repository: Repository
    public let query: Repository.Query

    public func first(_ limit: Int) throws -> [Row] { try repository.page(query, .first, limit: limit) }
    public func last(_ limit: Int) throws -> [Row] { try repository.page(query, .last, limit: limit) }
    public func after(_ row: Row, limit: Int) throws -> [Row] {
        try repository.page(query, .after(query.cursor(for: row)), limit: limit)
    }
    public func before(_ row: Row, limit: Int) throws -> [Row] {
        try repository.page(query, .before(query.cursor(for: row)), limit: limit)
    }
    public func count() throws -> BoundedCount { try repository.count(query, cap: 10_000) }
    public func identity(of row: Row) -> Int64 { row.id }
}

public typealias AccountSource = RepositorySource<AccountRepository>
public typealias ContactSource = RepositorySource<ContactRepository>
public typealias OpportunitySource = RepositorySource<OpportunityRepository>

/// A list's footer says "10,000+" past the cap; a jump to the end then leaves the row number unknown.
extension BoundedCount: RowTotal {
    public var exactRows: Int? { isExact ? value : nil }
}
