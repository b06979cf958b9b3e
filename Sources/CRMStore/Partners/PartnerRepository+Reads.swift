import CRMCore
import GRDB

extension PartnerRepository {
    // MARK: - Reads

    /// The partner, or `RecordNotFoundError` when it does not exist.
    public func get(id: Int64) throws -> Partner {
        try database.read { db in try fetch(db, id: id) }
    }

    /// One window of the list described by `query`, in display order.
    public func page(_ query: PartnerQuery, _ position: PagePosition, limit: Int) throws -> [Partner] {
        try database.read { db in
            try list(db, query).page(db, position, limit: limit).map(Partner.init(row:))
        }
    }

    /// The number of partners in the list, exact up to `cap`.
    public func count(_ query: PartnerQuery, cap: Int = 10_000) throws -> BoundedCount {
        try database.read { db in try list(db, query).count(db, cap: cap) }
    }

    /// The partner's consultants the acting user may see, by name. A partner has a handful of
    /// people, read through the index of `partner_id`.
    public func consultants(of partnerID: Int64) throws -> [PersonalContact] {
        try database.read { db in
            let sql: SQL = """
                SELECT c.* FROM \(sql: ContactTable.name) c WHERE c.\(sql: ContactTable.partnerID.name) = \(partnerID) \
                AND \(visibility.contacts("c")) ORDER BY c.sort_name, c.id
                """
            return try Row.fetchAll(db, SQLRequest<Row>(literal: sql, cached: true)).map(PersonalContact.init(row:))
        }
    }

    func fetch(_ db: Database, id: Int64) throws -> Partner {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM \(PartnerTable.name) WHERE id = ?", arguments: [id]) else {
            throw RecordNotFoundError(entity: .partner, id: id)
        }
        return Partner(row: row)
    }

    /// The list of `query`: the filter's condition, if it has one, and its plain words for the
    /// quick filter (FI-2), as every list applies them.
    private func list(_ db: Database, _ query: PartnerQuery) throws -> KeysetList {
        let filter = try ListFilter(db, text: query.filter, table: PartnerTable.name, database: database, actor: actor,
                                    catalog: FilterCatalog.partners)
        return KeysetList(
            table: PartnerTable.name, alias: "p", selection: "p.*", sortColumns: [PartnerTable.sortName.name],
            ascending: query.ascending,
            conditions: filter.condition.map { [$0] } ?? [], filter: filter.quick, isNarrow: false)
    }
}
