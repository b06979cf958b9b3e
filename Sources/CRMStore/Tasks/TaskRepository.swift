import CRMCore
import Foundation
import GRDB

/// Tasks (PR-2) as one user sees and changes them.
///
/// Like the other records: visibility on every read (`Visibility.tasks`), a journal row per
/// changed field, and a version check on every change. Relating or unrelating an account or
/// an opportunity also counts as a change of the task (its version goes up), because it can
/// move the primary account; the journal records each link and each change of primary.
public struct TaskRepository: Sendable {
    let database: AppDatabase
    let actor: User

    var visibility: Visibility { Visibility(user: actor) }

    // MARK: - Writes

    /// Saves a new task created by the acting user, related to `relatedTo` in the same
    /// transaction (the first account becomes primary).
    public func create(_ draft: TaskDraft, relatedTo relations: [TaskRelation] = []) throws -> TaskRecord {
        try database.write(as: actor) { db, journal in
            try check(draft, db)
            let now = journal.at.millisecondsSince1970
            let columns = try TaskColumns.fields(draft) + TaskColumns.primary(nil)
                + [(RecordColumns.createdByID, actor.id), (RecordColumns.createdAt, now), (RecordColumns.updatedAt, now),
                   NameRank(table: TaskTable.name).column(db, sortName: TaskColumns.sortName(draft), id: nil)]
            let id = try db.insertRow(into: TaskTable.name, columns)
            try journal.created(.task, id, draft)
            for relation in relations {
                switch relation {
                case .account(let accountID): try relate(db, journal, taskID: id, accountID: accountID)
                case .opportunity(let opportunityID): try relate(db, journal, taskID: id, opportunityID: opportunityID)
                }
            }
            return try fetch(db, id: id)
        }
    }

    /// Saves `draft` over the task if it is still at `expectedVersion`.
    ///
    /// Throws `StaleRecordError<TaskRecord>` with the stored task when someone else changed it
    /// first, `RecordNotFoundError` when it is gone or invisible, `ValidationError` when the
    /// draft breaks a rule.
    public func update(id: Int64, with draft: TaskDraft, expectedVersion: Int) throws -> TaskRecord {
        try database.write(as: actor) { db, journal in
            let current = try fetchCurrent(db, id: id, expectedVersion: expectedVersion)
            try check(draft, db)
            let columns = try TaskColumns.fields(draft)
                + [(RecordColumns.updatedAt, journal.at.millisecondsSince1970),
                   NameRank(table: TaskTable.name).column(db, sortName: TaskColumns.sortName(draft), id: id)]
            try db.updateRow(TaskTable.name, id: id, columns)
            try journal.updated(.task, id, from: current.fields, to: draft)
            return try fetch(db, id: id)
        }
    }

    /// Deletes the task if it is still at `expectedVersion`; its links go with it.
    public func delete(id: Int64, expectedVersion: Int) throws {
        try database.write(as: actor) { db, journal in
            _ = try fetchCurrent(db, id: id, expectedVersion: expectedVersion)
            try db.execute(sql: "DELETE FROM tasks WHERE id = ?", arguments: [id])
            try journal.recorded(.delete, .task, id)
        }
    }

    /// Relates an account the user can see; the task's first account becomes its primary one.
    public func relateAccount(taskID: Int64, accountID: Int64, expectedVersion: Int) throws -> TaskRecord {
        try changingLinks(of: taskID, expectedVersion: expectedVersion) { db, journal in
            try relate(db, journal, taskID: taskID, accountID: accountID)
        }
    }

    /// Unrelates an account; when it was primary, the earliest related account left takes over.
    public func unrelateAccount(taskID: Int64, accountID: Int64, expectedVersion: Int) throws -> TaskRecord {
        try changingLinks(of: taskID, expectedVersion: expectedVersion) { db, journal in
            var relations = try accountRelations(db, taskID: taskID)
            let before = relations.primaryID
            try relations.unrelate(accountID)
            // The primary moves first, so the promotion trigger sees nothing left to do.
            try storePrimary(db, journal, taskID: taskID, from: before, to: relations.primaryID)
            try db.execute(sql: "DELETE FROM task_accounts WHERE task_id = ? AND account_id = ?", arguments: [taskID, accountID])
            try journal.changed(.task, taskID, field: TaskDraft.Event.relatedAccount.rawValue, from: String(accountID), to: "")
        }
    }

    /// Makes a related account the task's primary account.
    public func makePrimary(taskID: Int64, accountID: Int64, expectedVersion: Int) throws -> TaskRecord {
        try changingLinks(of: taskID, expectedVersion: expectedVersion) { db, journal in
            var relations = try accountRelations(db, taskID: taskID)
            let before = relations.primaryID
            try relations.makePrimary(accountID)
            try storePrimary(db, journal, taskID: taskID, from: before, to: relations.primaryID)
        }
    }

    /// Relates an opportunity the user can see (OP-5 "add related task").
    public func relateOpportunity(taskID: Int64, opportunityID: Int64, expectedVersion: Int) throws -> TaskRecord {
        try changingLinks(of: taskID, expectedVersion: expectedVersion) { db, journal in
            try relate(db, journal, taskID: taskID, opportunityID: opportunityID)
        }
    }

    public func unrelateOpportunity(taskID: Int64, opportunityID: Int64, expectedVersion: Int) throws -> TaskRecord {
        try changingLinks(of: taskID, expectedVersion: expectedVersion) { db, journal in
            try db.execute(sql: "DELETE FROM task_opportunities WHERE task_id = ? AND opportunity_id = ?",
                           arguments: [taskID, opportunityID])
            guard db.changesCount > 0 else { throw RuleViolationError("This opportunity is not related to the task.") }
            try journal.changed(.task, taskID, field: TaskDraft.Event.relatedOpportunity.rawValue, from: String(opportunityID), to: "")
        }
    }

    // MARK: - Helpers

    /// Runs a link change on a task still at `expectedVersion`, then counts it as a change of
    /// the task.
    private func changingLinks(
        of taskID: Int64, expectedVersion: Int, _ change: (Database, JournalWriter) throws -> Void
    ) throws -> TaskRecord {
        try database.write(as: actor) { db, journal in
            _ = try fetchCurrent(db, id: taskID, expectedVersion: expectedVersion)
            try change(db, journal)
            try db.execute(sql: "UPDATE tasks SET version = version + 1, updated_at = ? WHERE id = ?",
                           arguments: [journal.at.millisecondsSince1970, taskID])
            return try fetch(db, id: taskID)
        }
    }

    private func relate(_ db: Database, _ journal: JournalWriter, taskID: Int64, accountID: Int64) throws {
        _ = try database.accounts(actingAs: actor).fetch(db, id: accountID)
        var relations = try accountRelations(db, taskID: taskID)
        let before = relations.primaryID
        try relations.relate(accountID)
        try db.execute(sql: """
            INSERT INTO task_accounts (task_id, account_id, position)
            VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM task_accounts WHERE task_id = ?))
            """, arguments: [taskID, accountID, taskID])
        try journal.changed(.task, taskID, field: TaskDraft.Event.relatedAccount.rawValue, from: "", to: String(accountID))
        try storePrimary(db, journal, taskID: taskID, from: before, to: relations.primaryID)
    }

    private func relate(_ db: Database, _ journal: JournalWriter, taskID: Int64, opportunityID: Int64) throws {
        _ = try database.opportunities(actingAs: actor).fetch(db, id: opportunityID)
        try db.execute(sql: "INSERT OR IGNORE INTO task_opportunities (task_id, opportunity_id) VALUES (?, ?)",
                       arguments: [taskID, opportunityID])
        guard db.changesCount > 0 else { throw RuleViolationError("This opportunity is already related to the task.") }
        try journal.changed(.task, taskID, field: TaskDraft.Event.relatedOpportunity.rawValue, from: "", to: String(opportunityID))
    }

    private func accountRelations(_ db: Database, taskID: Int64) throws -> TaskAccountRelations {
        let ids = try Int64.fetchAll(
            db, sql: "SELECT account_id FROM task_accounts WHERE task_id = ? ORDER BY position", arguments: [taskID])
        let primary = try Int64.fetchOne(db, sql: "SELECT primary_account_id FROM tasks WHERE id = ?", arguments: [taskID])
        return TaskAccountRelations(accountIDs: ids, primaryID: primary)
    }

    private func storePrimary(_ db: Database, _ journal: JournalWriter, taskID: Int64, from old: Int64?, to new: Int64?) throws {
        guard old != new else { return }
        let columns = try TaskColumns.primary(db, accountID: new)
        try db.updateRow(TaskTable.name, id: taskID, columns, bumpingVersion: false)
        try journal.changed(.task, taskID, field: TaskDraft.Event.primaryAccountID.rawValue, from: old.journalText, to: new.journalText)
    }

    private func fetchCurrent(_ db: Database, id: Int64, expectedVersion: Int) throws -> TaskRecord {
        let current = try fetch(db, id: id)
        guard current.version == expectedVersion else { throw StaleRecordError(entity: .task, fresh: current) }
        return current
    }

    /// Validates the draft and the records it points to.
    private func check(_ draft: TaskDraft, _ db: Database) throws {
        var errors = draft.validate()
        if let projectID = draft.projectID,
           try Bool.fetchOne(db, sql: "SELECT 1 FROM projects WHERE id = ?", arguments: [projectID]) == nil {
            errors.append(FieldError(field: TaskDraft.Field.projectID.rawValue, message: "Choose an existing project."))
        }
        if let assignee = draft.assigneeID,
           try Bool.fetchOne(db, sql: "SELECT active FROM users WHERE id = ?", arguments: [assignee]) != true {
            errors.append(FieldError(field: TaskDraft.Field.assigneeID.rawValue, message: "The assignee must be an active user."))
        }
        guard errors.isEmpty else { throw ValidationError(errors) }
    }
}
