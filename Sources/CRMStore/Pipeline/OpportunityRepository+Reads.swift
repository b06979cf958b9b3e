import CRMCore
import GRDB

extension OpportunityRepository {
    // MARK: - Reads

    /// The opportunity, or `RecordNotFoundError` when it does not exist or is not visible.
    public func get(id: Int64) throws -> Opportunity {
        try database.read { db in try fetch(db, id: id) }
    }

    /// One window of the list described by `query`, in display order.
    public func page(_ query: OpportunityQuery, _ position: PagePosition, limit: Int) throws -> [Opportunity] {
        try database.read { db in
            let decoder = try OpportunityDecoder(db)
            let rows = query.isGroupedByStatus
                ? try groupedPage(db, query, position, limit: limit)
                : try list(db, query).page(db, position, limit: limit)
            return try rows.map(decoder.opportunity)
        }
    }

    /// The number of opportunities in the list, exact up to `cap` ("10,000+" beyond).
    public func count(_ query: OpportunityQuery, cap: Int = 10_000) throws -> BoundedCount {
        try database.read { db in try list(db, query).count(db, cap: cap) }
    }

    func fetch(_ db: Database, id: Int64) throws -> Opportunity {
        let sql: SQL = "SELECT o.* FROM opportunities o WHERE o.id = \(id) AND \(visibility.opportunities("o"))"
        guard let row = try Row.fetchOne(db, SQLRequest<Row>(literal: sql, cached: true)) else {
            throw RecordNotFoundError(entity: .opportunity, id: id)
        }
        return try OpportunityDecoder(db).opportunity(row)
    }

    /// The list of `query` in its sort order, over the rows `selection(query)` picks.
    func list(_ db: Database, _ query: OpportunityQuery) throws -> KeysetList {
        let rows = try selection(db, query)
        typealias T = OpportunityTable
        let sortColumns = switch query.sort {
        case .name: [T.sortName]
        case .account: [T.sortAccount, T.sortName]
        case .amount: [T.sortAmount]
        case .close: [T.sortClose]
        case .updated: [RecordColumns.updatedAt]
        }
        return KeysetList(
            table: T.name, alias: "o",
            selection: "o.*",
            sortColumns: sortColumns.map(\.name), ascending: query.ascending,
            conditions: rows.conditions, filter: rows.filter, isNarrow: rows.isNarrow)
    }

    /// Which rows `query` selects, whatever they are read for: list pages, counts and the
    /// board's totals all start here, so they can never disagree. The one place conditions on
    /// opportunities are made (visibility, view, status, filter).
    func selection(_ db: Database, _ query: OpportunityQuery) throws -> RowSelection {
        let filter = try ListFilter(db, text: query.filter, table: "opportunities", database: database, actor: actor,
                                    catalog: FilterCatalog.opportunities)
        var conditions = [visibility.opportunities("o")] + (filter.condition.map { [$0] } ?? [])
        var isNarrow = false
        switch query.view {
        case .all: break
        case .mine: conditions.append("o.owner_id = \(actor.id)")
        case .ofAccount(let accountID):
            conditions.append("o.account_id = \(accountID)")
            isNarrow = true
        case .ofProject(let projectID, let withSubprojects):
            conditions.append(withSubprojects
                ? "o.project_id IN (WITH RECURSIVE tree(id) AS (SELECT \(projectID) UNION ALL SELECT p.id FROM projects p JOIN tree ON p.parent_id = tree.id) SELECT id FROM tree)"
                : "o.project_id = \(projectID)")
        case .ofPartner(let partnerID):
            conditions.append("o.partner_id = \(partnerID)")
            isNarrow = true
        }
        if let statusID = query.statusID { conditions.append("o.status_id = \(statusID)") }
        return RowSelection(
            conditions: conditions, filter: filter.quick, isNarrow: isNarrow)
    }
}
