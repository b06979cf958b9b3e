import CRMCore
import GRDB

extension AccountRepository {
    // MARK: - Reads

    /// The account, or `RecordNotFoundError` when it does not exist or is not visible.
    public func get(id: Int64) throws -> Account {
        try database.read { db in try fetch(db, id: id) }
    }

    /// One window of the list described by `query`, in display order.
    public func page(_ query: AccountQuery, _ position: PagePosition, limit: Int) throws -> [Account] {
        try database.read { db in
            try list(db, query).page(db, position, limit: limit).map(Account.init(row:))
        }
    }

    /// The number of accounts in the list, exact up to `cap` ("10,000+" beyond).
    public func count(_ query: AccountQuery, cap: Int = 10_000) throws -> BoundedCount {
        try database.read { db in try list(db, query).count(db, cap: cap) }
    }

    func fetch(_ db: Database, id: Int64) throws -> Account {
        let sql: SQL = """
            SELECT \(AccountColumns.selection(for: actor.id)) FROM accounts a \
            WHERE a.id = \(id) AND \(visibility.accounts("a"))
            """
        guard let row = try Row.fetchOne(db, SQLRequest<Row>(literal: sql, cached: true)) else {
            throw RecordNotFoundError(entity: .account, id: id)
        }
        return Account(row: row)
    }

    private func list(_ db: Database, _ query: AccountQuery) throws -> KeysetList {
        let filter = try ListFilter(db, text: query.filter, table: "accounts", database: database, actor: actor,
                                    catalog: FilterCatalog.accounts)
        var conditions = [visibility.accounts("a")] + (filter.condition.map { [$0] } ?? [])
        switch query.view {
        case .all:
            break
        case .mine:
            conditions.append("(a.account_manager_id = \(actor.id) OR a.created_by_id = \(actor.id))")
        case .favourites:
            conditions.append("a.id IN (SELECT account_id FROM favourites WHERE user_id = \(actor.id))")
        }
        let sortColumns = switch query.sort {
        case .name: ["sort_name"]
        case .city: ["sort_city", "sort_name"]
        case .updated: ["updated_at"]
        }
        return KeysetList(
            table: "accounts", alias: "a", selection: AccountColumns.selection(for: actor.id),
            sortColumns: sortColumns, ascending: query.ascending, conditions: conditions,
            filter: filter.quick, isNarrow: query.view == .favourites)
    }
}
