import CRMCore
import GRDB

extension TaskRepository {
    // MARK: - Reads

    /// The task, or `RecordNotFoundError` when it does not exist or is not visible.
    public func get(id: Int64) throws -> TaskRecord {
        try database.read { db in try fetch(db, id: id) }
    }

    /// One window of the list described by `query`, in display order.
    public func page(_ query: TaskQuery, _ position: PagePosition, limit: Int) throws -> [TaskRecord] {
        try database.read { db in
            let decoder = try TaskDecoder(db)
            return try list(query).page(db, position, limit: limit).map(decoder.task)
        }
    }

    /// The number of tasks in the list, exact up to `cap` ("10,000+" beyond).
    public func count(_ query: TaskQuery, cap: Int = 10_000) throws -> BoundedCount {
        try database.read { db in try list(query).count(db, cap: cap) }
    }

    /// The task's related accounts in relation order, the primary one marked.
    public func relatedAccounts(of taskID: Int64) throws -> [TaskAccountLink] {
        try database.read { db in
            let task = try fetch(db, id: taskID)
            return try Row.fetchAll(db, sql: """
                SELECT a.id, a.display_name FROM task_accounts ta JOIN accounts a ON a.id = ta.account_id
                WHERE ta.task_id = ? ORDER BY ta.position
                """, arguments: [taskID]).map { row in
                TaskAccountLink(accountID: row[0], name: row[1], isPrimary: row[0] == task.primaryAccountID)
            }
        }
    }

    /// The task's related opportunities by name.
    public func relatedOpportunities(of taskID: Int64) throws -> [TaskOpportunityLink] {
        try database.read { db in
            _ = try fetch(db, id: taskID)
            return try Row.fetchAll(db, sql: """
                SELECT o.id, o.name, s.name FROM task_opportunities tp JOIN opportunities o ON o.id = tp.opportunity_id
                JOIN opportunity_statuses s ON s.id = o.status_id WHERE tp.task_id = ? ORDER BY o.sort_name, o.id
                """, arguments: [taskID]).map { TaskOpportunityLink(opportunityID: $0[0], name: $0[1], statusName: $0[2]) }
        }
    }

    func fetch(_ db: Database, id: Int64) throws -> TaskRecord {
        let sql: SQL = "SELECT t.* FROM tasks t WHERE t.id = \(id) AND \(visibility.tasks("t"))"
        guard let row = try Row.fetchOne(db, SQLRequest<Row>(literal: sql, cached: true)) else {
            throw RecordNotFoundError(entity: .task, id: id)
        }
        return try TaskDecoder(db).task(row)
    }

    private func list(_ query: TaskQuery) -> KeysetList {
        var conditions = [visibility.tasks("t")]
        var isNarrow = false
        switch query.view {
        case .all: break
        case .mine: conditions.append("t.assignee_id = \(actor.id)")
        case .ofProject(let projectID, let withSubprojects):
            conditions.append(ProjectSubtreeSQL.condition("t.project_id", projectID: projectID, withSubprojects: withSubprojects))
        case .ofAccount(let accountID):
            conditions.append("t.id IN (SELECT task_id FROM task_accounts WHERE account_id = \(accountID))")
            isNarrow = true
        case .ofOpportunity(let opportunityID):
            conditions.append("t.id IN (SELECT task_id FROM task_opportunities WHERE opportunity_id = \(opportunityID))")
            isNarrow = true
        }
        typealias T = TaskTable
        let sortColumns = switch query.sort {
        case .due: [T.sortDue]
        case .subject: [T.sortName]
        case .primaryAccount: [T.sortAccount, T.sortDue]
        case .updated: [RecordColumns.updatedAt]
        }
        return KeysetList(
            table: T.name, alias: "t", selection: "t.*", sortColumns: sortColumns.map(\.name), ascending: query.ascending,
            conditions: conditions, filter: QuickFilter(table: T.name, text: query.filter), isNarrow: isNarrow)
    }
}
