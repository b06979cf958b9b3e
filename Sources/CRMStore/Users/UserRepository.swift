import Foundation
import CRMCore
import GRDB

/// The people who log in (ST-1): added from the command line, looked up at start-up.
public struct UserRepository: Sendable {
    let database: AppDatabase

    /// Adds a user; `actor` is the admin doing it, or `nil` from the command line.
    ///
    /// Throws `ValidationError` when the login breaks the rules or is taken, or the display name
    /// is empty or too long.
    @discardableResult
    public func add(login: String, displayName: String, role: Role, actingAs actor: User? = nil) throws -> User {
        var errors: [FieldError] = []
        if let error = User.validateLogin(login) { errors.append(error) }
        if displayName.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError(field: "displayName", message: "A display name is required."))
        } else if let error = FieldRules.check(
            displayName, field: "displayName", label: "Display name", limit: FieldRules.lineLimit) {
            errors.append(error)
        }
        guard errors.isEmpty else { throw ValidationError(errors) }
        return try database.write(as: actor) { db, journal in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM users WHERE login = ?", arguments: [login]) != nil {
                throw ValidationError([FieldError(field: "login", message: "The login \"\(login)\" is already taken.")])
            }
            try db.execute(
                sql: "INSERT INTO users (login, display_name, role, active) VALUES (?, ?, ?, 1)",
                arguments: [login, displayName, role.rawValue])
            let user = User(id: db.lastInsertedRowID, login: login, displayName: displayName, role: role)
            try journal.created(.user, user.id, user)
            return user
        }
    }

    /// Every user, active or not, by login.
    public func list() throws -> [User] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM users ORDER BY login").map { try User(row: $0) }
        }
    }

    /// The user with this login, or `nil`.
    public func find(login: String) throws -> User? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM users WHERE login = ?", arguments: [login]).map { try User(row: $0) }
        }
    }

    /// The user with this id, or `nil`.
    public func find(id: Int64) throws -> User? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM users WHERE id = ?", arguments: [id]).map { try User(row: $0) }
        }
    }
}

extension User {
    init(row: Row) throws {
        try self.init(
            id: row["id"], login: row["login"], displayName: row["display_name"], role: row.decode("role"),
            active: row["active"])
    }
}
