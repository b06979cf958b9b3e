import CRMCore
import GRDB

/// Saved filters (FI-1) as one user sees them: their own and every public one.
///
/// Only the owner or an administrator changes a filter; only administrators choose the default
/// filter of a role, and it must be public so the role's users can read it. Changes are
/// journaled and version-checked.
public struct SavedFilterRepository: Sendable {
    let database: AppDatabase
    let actor: User

    /// The user's own filters of `list`, then the public ones of others, each by name.
    public func list(_ list: FilterList) throws -> [SavedFilter] {
        try database.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM saved_filters WHERE list = ? AND (owner_id = ? OR is_public = 1)
                ORDER BY owner_id <> ?, name COLLATE NOCASE, id
                """, arguments: [list.rawValue, actor.id, actor.id])
            return try rows.map { try SavedFilter(row: $0, defaults: try defaults(db, filterID: $0["id"])) }
        }
    }

    /// The filter the actor's role opens `list` with, if an administrator chose one.
    public func roleDefault(for list: FilterList) throws -> SavedFilter? {
        try database.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT f.* FROM role_default_filters d JOIN saved_filters f ON f.id = d.filter_id
                WHERE d.role = ? AND d.list = ? AND f.is_public = 1
                """, arguments: [actor.role.rawValue, list.rawValue]) else { return nil }
            return try SavedFilter(row: row, defaults: try defaults(db, filterID: row["id"]))
        }
    }

    public func create(_ draft: SavedFilterDraft) throws -> SavedFilter {
        try database.write(as: actor) { db, journal in
            try check(draft, db, ownerID: actor.id, excluding: nil)
            try db.execute(sql: """
                INSERT INTO saved_filters (list, name, query, columns, sort, ascending, grouping, is_public, owner_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: Self.arguments(draft) + [actor.id])
            let id = db.lastInsertedRowID
            try journal.created(.savedFilter, id, draft)
            return try require(db, id: id)
        }
    }

    public func update(id: Int64, with draft: SavedFilterDraft, expectedVersion: Int) throws -> SavedFilter {
        try database.write(as: actor) { db, journal in
            let current = try requireChangeable(db, id: id, expectedVersion: expectedVersion)
            try check(draft, db, ownerID: current.ownerID, excluding: id)
            if !draft.isPublic, !current.defaultForRoles.isEmpty {
                throw ValidationError([FieldError(
                    field: SavedFilterDraft.Field.isPublic.rawValue,
                    message: "This filter is the default of \(current.defaultForRoles.map(\.title).joined(separator: ", ")); "
                        + "it must stay public while it is.")])
            }
            try db.execute(sql: """
                UPDATE saved_filters SET list = ?, name = ?, query = ?, columns = ?, sort = ?, ascending = ?, grouping = ?,
                    is_public = ?, version = version + 1 WHERE id = ?
                """, arguments: Self.arguments(draft) + [id])
            try journal.updated(.savedFilter, id, from: current.fields, to: draft)
            return try require(db, id: id)
        }
    }

    public func delete(id: Int64, expectedVersion: Int) throws {
        try database.write(as: actor) { db, journal in
            _ = try requireChangeable(db, id: id, expectedVersion: expectedVersion)
            try db.execute(sql: "DELETE FROM saved_filters WHERE id = ?", arguments: [id])
            try journal.recorded(.delete, .savedFilter, id)
        }
    }

    /// Makes the public filter `id` the default of `role` for its list (administrators only);
    /// `nil` clears the role's default of `list`.
    public func setRoleDefault(_ role: Role, list: FilterList, filterID id: Int64?) throws {
        try database.write(as: actor) { db, journal in
            guard actor.role == .admin else {
                throw RuleViolationError("Only administrators choose the default filter of a role.")
            }
            let old = try Int64.fetchOne(
                db, sql: "SELECT filter_id FROM role_default_filters WHERE role = ? AND list = ?",
                arguments: [role.rawValue, list.rawValue])
            try db.execute(sql: "DELETE FROM role_default_filters WHERE role = ? AND list = ?",
                           arguments: [role.rawValue, list.rawValue])
            if let id {
                let filter = try require(db, id: id)
                guard filter.fields.isPublic, filter.list == list else {
                    throw RuleViolationError("A role's default must be a public filter of the \(list.title) list; "
                        + "make “\(filter.name)” public first.")
                }
                try db.execute(sql: "INSERT INTO role_default_filters (role, list, filter_id) VALUES (?, ?, ?)",
                               arguments: [role.rawValue, list.rawValue, id])
            }
            try journal.changed(.setting, 0, field: "default filter of \(role.rawValue) for \(list.rawValue)",
                                from: old.map(String.init) ?? "", to: id.map(String.init) ?? "")
        }
    }

    // MARK: - Helpers

    private static func arguments(_ draft: SavedFilterDraft) -> StatementArguments {
        [draft.list.rawValue, draft.name.trimmingCharacters(in: .whitespaces), draft.query,
         draft.columns.joined(separator: "\u{1F}"), draft.sort, draft.ascending, draft.grouping, draft.isPublic]
    }

    private func defaults(_ db: Database, filterID: Int64) throws -> [Role] {
        try String.fetchAll(db, sql: "SELECT role FROM role_default_filters WHERE filter_id = ? ORDER BY role",
                            arguments: [filterID]).compactMap(Role.init(rawValue:))
    }

    private func require(_ db: Database, id: Int64) throws -> SavedFilter {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT * FROM saved_filters WHERE id = ? AND (owner_id = ? OR is_public = 1)",
            arguments: [id, actor.id]) else {
            throw RecordNotFoundError(entity: .savedFilter, id: id)
        }
        return try SavedFilter(row: row, defaults: try defaults(db, filterID: id))
    }

    private func requireChangeable(_ db: Database, id: Int64, expectedVersion: Int) throws -> SavedFilter {
        let current = try require(db, id: id)
        guard current.ownerID == actor.id || actor.role == .admin else {
            throw RuleViolationError("“\(current.name)” belongs to someone else; save a copy under your own name instead.")
        }
        guard current.version == expectedVersion else { throw StaleRecordError(entity: .savedFilter, fresh: current) }
        return current
    }

    private func check(_ draft: SavedFilterDraft, _ db: Database, ownerID: Int64, excluding id: Int64?) throws {
        var errors = draft.validate()
        if try Bool.fetchOne(db, sql: """
            SELECT 1 FROM saved_filters WHERE list = ? AND owner_id = ? AND name = ? AND id IS NOT ?
            """, arguments: [draft.list.rawValue, ownerID, draft.name.trimmingCharacters(in: .whitespaces), id]) != nil {
            errors.append(FieldError(field: SavedFilterDraft.Field.name.rawValue,
                                     message: "You already have a filter named “\(draft.name)” on this list."))
        }
        do {
            try checkQuery(db, draft.query, list: draft.list)
        } catch let invalid as FilterError {
            errors.append(FieldError(field: SavedFilterDraft.Field.query.rawValue, message: invalid.description))
        }
        guard errors.isEmpty else { throw ValidationError(errors) }
    }
}

extension SavedFilterRepository {
    /// Compiles `query` for `list` as the list itself would, so a saved filter never holds a
    /// query its list refuses; lists without filter fields yet check the grammar only.
    private func checkQuery(_ db: Database, _ query: String, list: FilterList) throws {
        let catalog: FilterCatalog? = switch list {
        case .accounts: try FilterCatalog.accounts(db)
        case .contacts: try FilterCatalog.contacts(db)
        case .opportunities, .board: try FilterCatalog.opportunities(db)
        case .partners: try FilterCatalog.partners(db)
        case .leads: try FilterCatalog.leads(db)
        case .tasks: nil
        }
        guard let catalog else {
            _ = try FilterParser.parse(query)
            return
        }
        let today = database.today
        let context = FilterContext(today: today, timeZone: .current, me: actor.id,
                                    rates: try MoneySettingsRepository.table(db, on: today))
        _ = try catalog.compile(query, context: context)
    }
}

extension SavedFilter {
    init(row: Row, defaults: [Role]) throws {
        let columns = (row["columns"] as String).split(separator: "\u{1F}").map(String.init)
        self.init(
            id: row["id"],
            fields: SavedFilterDraft(
                name: row["name"], list: try row.decode("list"), query: row["query"], columns: columns, sort: row["sort"],
                ascending: row["ascending"], grouping: row["grouping"], isPublic: row["is_public"]),
            ownerID: row["owner_id"], defaultForRoles: defaults, version: row["version"])
    }
}
