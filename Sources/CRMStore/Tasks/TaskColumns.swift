import CRMCore
import Foundation
import GRDB

/// How a task maps to the columns of `tasks`, and back.
enum TaskColumns {
    /// The columns of the editable fields and their derived keys, in one order for INSERT and
    /// UPDATE; the sort keys fold as `TaskQuery.cursor(for:)` does.
    static func fields(_ draft: TaskDraft) -> ColumnValues {
        typealias T = TaskTable
        return [(T.subject, draft.subject), (T.status, draft.status.rawValue), (T.assigneeID, draft.assigneeID),
                (T.dueDate, draft.dueDate?.description), (T.projectID, draft.projectID), (T.description, draft.description),
                (T.sortDue, draft.dueDate?.description ?? TaskRecord.noDueDateKey)]
            + subjectKeys(draft.subject)
    }

    /// The key of the subject sort, which `NameRank` orders the rows by.
    static func sortName(_ draft: TaskDraft) -> String {
        SearchText.fold(draft.subject)
    }

    /// The columns that follow a new subject of task `id` when only the subject changes (an
    /// erasure's scrub): its sort and search keys and its place in name order.
    static func subjectKeys(_ db: Database, subject: String, id: Int64) throws -> ColumnValues {
        try subjectKeys(subject) + [NameRank(table: TaskTable.name).column(db, sortName: SearchText.fold(subject), id: id)]
    }

    /// The sort and search keys of a subject, folded as `sortName` and the quick filter fold it.
    private static func subjectKeys(_ subject: String) -> ColumnValues {
        [(TaskTable.sortName, SearchText.fold(subject)), (TaskTable.searchText, SearchText.key([subject]))]
    }

    /// The columns that copy the primary account, read from the account row itself so they
    /// match what the rename trigger writes.
    static func primary(_ db: Database, accountID: Int64?) throws -> ColumnValues {
        guard let accountID,
              let row = try Row.fetchOne(db, sql: "SELECT display_name, sort_name FROM accounts WHERE id = ?", arguments: [accountID])
        else {
            return primary(nil)
        }
        return primary((accountID, row[AccountTable.displayName], row[AccountTable.sortName]))
    }

    /// The columns that copy `account` (its id, display name and folded sort name), or say
    /// there is none.
    static func primary(_ account: (id: Int64, name: String, foldedName: String)?) -> ColumnValues {
        typealias T = TaskTable
        return [(T.primaryAccountID, account?.id), (T.primaryAccountName, account?.name),
                (T.sortAccount, account.map { TaskRecord.accountSortKey(foldedName: $0.foldedName, accountID: $0.id) }
                    ?? TaskRecord.noAccountKey)]
    }
}

/// Turns `tasks` rows into `TaskRecord`s, adding assignee and project names from the small
/// `users` and `projects` tables, read once per page instead of joined into every row.
struct TaskDecoder {
    let userNames: [Int64: String]
    let projectNames: [Int64: String]

    init(_ db: Database) throws {
        userNames = try Self.names(db, "SELECT id, display_name FROM users")
        projectNames = try Self.names(db, "SELECT id, name FROM projects")
    }

    private static func names(_ db: Database, _ sql: String) throws -> [Int64: String] {
        Dictionary(try Row.fetchAll(db, sql: sql).map { ($0[0] as Int64, $0[1] as String) }, uniquingKeysWith: { first, _ in first })
    }

    func task(_ row: Row) throws -> TaskRecord {
        typealias T = TaskTable
        var fields = TaskDraft(subject: row[T.subject], projectID: row[T.projectID])
        fields.status = try row.decode(T.status.name)
        fields.assigneeID = row[T.assigneeID]
        fields.dueDate = (row[T.dueDate] as String?).flatMap(CalendarDate.init(parsing:))
        fields.description = row[T.description]
        return TaskRecord(
            id: row[RecordColumns.id], fields: fields, primaryAccountID: row[T.primaryAccountID],
            primaryAccountName: row[T.primaryAccountName], assigneeName: fields.assigneeID.flatMap { userNames[$0] },
            projectName: fields.projectID.flatMap { projectNames[$0] }, sortAccount: row[T.sortAccount],
            createdByID: row[RecordColumns.createdByID], createdAt: Date(millisecondsSince1970: row[RecordColumns.createdAt]),
            updatedAt: Date(millisecondsSince1970: row[RecordColumns.updatedAt]), version: row[RecordColumns.version])
    }
}

extension Visibility {
    /// The condition on a `tasks` row aliased `alias`: hidden while one of its related
    /// accounts is someone else's private account, or one of its opportunities belongs to one
    /// (see `Schema.createTasks` for why this is joined rather than copied).
    func tasks(_ alias: String) -> SQL {
        """
        NOT EXISTS (SELECT 1 FROM task_accounts ta JOIN accounts pa ON pa.id = ta.account_id \
        WHERE ta.task_id = \(sql: alias).id AND pa.is_private = 1 AND pa.created_by_id <> \(userID)) \
        AND NOT EXISTS (SELECT 1 FROM task_opportunities tp JOIN opportunities po ON po.id = tp.opportunity_id \
        WHERE tp.task_id = \(sql: alias).id AND po.private_owner_id IS NOT NULL AND po.private_owner_id <> \(userID))
        """
    }
}

/// SQL for the projects a project-level view covers.
enum ProjectSubtreeSQL {
    /// `column IN (project and its descendants)`, or `column = project` alone.
    static func condition(_ column: String, projectID: Int64, withSubprojects: Bool) -> SQL {
        withSubprojects
            ? """
              \(sql: column) IN (WITH RECURSIVE tree(id) AS (SELECT \(projectID) UNION ALL \
              SELECT p.id FROM projects p JOIN tree ON p.parent_id = tree.id) SELECT id FROM tree)
              """
            : "\(sql: column) = \(projectID)"
    }
}
