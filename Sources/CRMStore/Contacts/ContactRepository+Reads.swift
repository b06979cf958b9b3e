import CRMCore
import GRDB

extension ContactRepository {
    // MARK: - Reads

    /// The contact, or `RecordNotFoundError` when it does not exist or is not visible.
    public func get(id: Int64) throws -> PersonalContact {
        try database.read { db in try fetch(db, id: id) }
    }

    /// One window of the list described by `query`, in display order.
    public func page(_ query: ContactQuery, _ position: PagePosition, limit: Int) throws -> [PersonalContact] {
        try database.read { db in
            try list(db, query).page(db, position, limit: limit).map(PersonalContact.init(row:))
        }
    }

    /// The number of contacts in the list, exact up to `cap` ("10,000+" beyond).
    public func count(_ query: ContactQuery, cap: Int = 10_000) throws -> BoundedCount {
        try database.read { db in try list(db, query).count(db, cap: cap) }
    }

    func fetch(_ db: Database, id: Int64) throws -> PersonalContact {
        let sql: SQL = "SELECT c.* FROM \(sql: ContactTable.name) c WHERE c.id = \(id) AND \(visibility.contacts("c"))"
        guard let row = try Row.fetchOne(db, SQLRequest<Row>(literal: sql, cached: true)) else {
            throw RecordNotFoundError(entity: .contact, id: id)
        }
        return PersonalContact(row: row)
    }

    private func list(_ db: Database, _ query: ContactQuery) throws -> KeysetList {
        typealias T = ContactTable
        let filter = try ListFilter(db, text: query.filter, table: T.name, database: database, actor: actor,
                                    catalog: FilterCatalog.contacts)
        var conditions = [visibility.contacts("c")] + (filter.condition.map { [$0] } ?? [])
        var isNarrow = false
        if case .ofAccount(let accountID) = query.view {
            conditions.append("c.\(sql: T.accountID.name) = \(accountID)")
            isNarrow = true
        }
        let sortColumns = switch query.sort {
        case .name: [T.sortName.name]
        case .account: [T.sortAccount.name, T.sortName.name]
        case .updated: [RecordColumns.updatedAt.name]
        }
        return KeysetList(
            table: T.name, alias: "c", selection: "c.*", sortColumns: sortColumns, ascending: query.ascending,
            conditions: conditions, filter: filter.quick, isNarrow: isNarrow)
    }
}
