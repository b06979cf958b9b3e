import CRMCore
import Foundation
import GRDB

/// Projects (PR-1) as one user changes them: a hierarchy without cycles, unique identifiers,
/// journaled and version-checked like every record.
///
/// Projects carry no privacy of their own; the records inside them keep theirs.
public struct ProjectRepository: Sendable {
    let database: AppDatabase
    let actor: User

    // MARK: - Writes

    public func create(_ draft: ProjectDraft) throws -> Project {
        try database.write(as: actor) { db, journal in
            try check(draft, id: nil, db)
            let now = journal.at.millisecondsSince1970
            let columns = Self.columns(draft) + [(RecordColumns.createdAt, now), (RecordColumns.updatedAt, now)]
            let id = try db.insertRow(into: ProjectTable.name, columns)
            try journal.created(.project, id, draft)
            return try Self.fetch(db, id: id)
        }
    }

    /// Saves `draft` over the project if it is still at `expectedVersion`; a parent that is
    /// the project itself or one of its subprojects is refused.
    public func update(id: Int64, with draft: ProjectDraft, expectedVersion: Int) throws -> Project {
        try database.write(as: actor) { db, journal in
            let current = try fetchCurrent(db, id: id, expectedVersion: expectedVersion)
            try check(draft, id: id, db)
            let columns = Self.columns(draft) + [(RecordColumns.updatedAt, journal.at.millisecondsSince1970)]
            try db.updateRow(ProjectTable.name, id: id, columns)
            try journal.updated(.project, id, from: current.fields, to: draft)
            return try Self.fetch(db, id: id)
        }
    }

    /// Deletes the project if it is still at `expectedVersion` and holds no subprojects, tasks
    /// or opportunities.
    public func delete(id: Int64, expectedVersion: Int) throws {
        try database.write(as: actor) { db, journal in
            _ = try fetchCurrent(db, id: id, expectedVersion: expectedVersion)
            let holders: [(String, String, String)] = [
                ("projects WHERE parent_id", "subproject", "subprojects"),
                ("tasks WHERE project_id", "task", "tasks"),
                ("opportunities WHERE project_id", "opportunity", "opportunities"),
            ]
            for (source, one, many) in holders {
                let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(source) = ?", arguments: [id]) ?? 0
                guard count == 0 else {
                    throw RuleViolationError(
                        "This project still has \(count) \(count == 1 ? one : many); move or delete them first.")
                }
            }
            try db.execute(sql: "DELETE FROM projects WHERE id = ? AND version = ?", arguments: [id, expectedVersion])
            try journal.recorded(.delete, .project, id)
        }
    }

    // MARK: - Reads

    public func get(id: Int64) throws -> Project {
        try database.read { db in try Self.fetch(db, id: id) }
    }

    /// Every project as a tree: parents before subprojects, with depth, siblings by name.
    public func tree() throws -> [ProjectHierarchy.Entry] {
        try hierarchy().entries
    }

    /// The project and all its descendants.
    public func subtreeIDs(of id: Int64) throws -> [Int64] {
        try hierarchy().subtreeIDs(of: id)
    }

    /// What the project-level CRM view of `id` covers (PR-1): the project alone, or with its
    /// subprojects when its "include subprojects" setting is on. Refused when CRM is off.
    public func crmScope(of id: Int64) throws -> ProjectCRMScope {
        let hierarchy = try hierarchy()
        guard let project = hierarchy.projects[id] else { throw RecordNotFoundError(entity: .project, id: id) }
        guard project.crmEnabled else {
            throw RuleViolationError("CRM is not enabled for the project “\(project.name)”; enable it in the project's settings.")
        }
        return ProjectCRMScope(
            project: project, projectIDs: project.includeSubprojects ? hierarchy.subtreeIDs(of: id) : [id])
    }

    func hierarchy() throws -> ProjectHierarchy {
        try database.read { db in try Self.hierarchy(db) }
    }

    static func hierarchy(_ db: Database) throws -> ProjectHierarchy {
        ProjectHierarchy(try Row.fetchAll(db, sql: "SELECT * FROM projects").map(project))
    }

    // MARK: - Helpers

    private func fetchCurrent(_ db: Database, id: Int64, expectedVersion: Int) throws -> Project {
        let current = try Self.fetch(db, id: id)
        guard current.version == expectedVersion else { throw StaleRecordError(entity: .project, fresh: current) }
        return current
    }

    private func check(_ draft: ProjectDraft, id: Int64?, _ db: Database) throws {
        var errors = draft.validate()
        if let problem = try Self.hierarchy(db).parentProblem(for: id, parentID: draft.parentID) { errors.append(problem) }
        if let other = try String.fetchOne(
            db, sql: "SELECT name FROM projects WHERE identifier = ? AND id IS NOT ?", arguments: [draft.identifier, id]) {
            errors.append(FieldError(
                field: ProjectDraft.Field.identifier.rawValue,
                message: "The identifier “\(draft.identifier)” is already used by the project “\(other)”."))
        }
        guard errors.isEmpty else { throw ValidationError(errors) }
    }

    /// The columns of the editable fields and the name's sort key, in one order for INSERT and UPDATE.
    static func columns(_ draft: ProjectDraft) -> ColumnValues {
        typealias T = ProjectTable
        return [(T.projectName, draft.name), (T.identifier, draft.identifier), (T.parentID, draft.parentID),
                (T.description, draft.description), (T.crmEnabled, draft.crmEnabled),
                (T.includeSubprojects, draft.includeSubprojects), (T.sortName, SearchText.fold(draft.name))]
    }

    static func fetch(_ db: Database, id: Int64) throws -> Project {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM projects WHERE id = ?", arguments: [id]) else {
            throw RecordNotFoundError(entity: .project, id: id)
        }
        return project(row)
    }

    static func project(_ row: Row) -> Project {
        typealias T = ProjectTable
        var fields = ProjectDraft(name: row[T.projectName], identifier: row[T.identifier], parentID: row[T.parentID])
        fields.description = row[T.description]
        fields.crmEnabled = row[T.crmEnabled]
        fields.includeSubprojects = row[T.includeSubprojects]
        return Project(
            id: row[RecordColumns.id], fields: fields, createdAt: Date(millisecondsSince1970: row[RecordColumns.createdAt]),
            updatedAt: Date(millisecondsSince1970: row[RecordColumns.updatedAt]), version: row[RecordColumns.version])
    }
}

/// The records a project-level CRM view shows (PR-1): the project's own, plus its
/// subprojects' when the project says so. The global views show everything instead.
public struct ProjectCRMScope: Sendable, Hashable {
    public var project: Project
    /// The project first, then its descendants when included.
    public var projectIDs: [Int64]

    public var includesSubprojects: Bool { project.includeSubprojects }

    /// The opportunity list of this view.
    public var opportunityView: OpportunityQuery.View {
        .ofProject(project.id, withSubprojects: includesSubprojects)
    }

    /// The task list of this view.
    public var taskView: TaskQuery.View {
        .ofProject(project.id, withSubprojects: includesSubprojects)
    }
}

extension AppDatabase {
    /// The projects, changed on behalf of `user`.
    public func projects(actingAs user: User) -> ProjectRepository {
        ProjectRepository(database: self, actor: user)
    }

    /// The tasks `user` may see and change.
    public func tasks(actingAs user: User) -> TaskRepository {
        TaskRepository(database: self, actor: user)
    }
}
