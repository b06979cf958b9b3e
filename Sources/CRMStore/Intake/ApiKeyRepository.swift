import CRMCore
import Foundation
import GRDB

/// The intake endpoint's API keys (LP-1): created, listed, revoked and looked up by hash.
///
/// The store never sees a key, only the SHA-256 hex the caller computed (`CRMServer` owns the
/// hashing, so the store needs no crypto library). Looking a key up by its hash needs no
/// constant-time comparison: an attacker timing the index lookup learns at best a prefix of a
/// hash, and finding a key with a chosen hash prefix is as hard as guessing the key.
public struct ApiKeyRepository: Sendable {
    let database: AppDatabase
    /// Who manages the keys; `nil` when done from the command line without a crm user.
    let actor: User?

    /// Stores a new key; the name must be unused, revoked keys included.
    public func create(_ draft: ApiKeyDraft, credentials: ApiKeyCredentials) throws -> ApiKey {
        try database.write(as: actor) { db, journal in
            var errors = draft.validate()
            let name = draft.name.trimmingCharacters(in: .whitespaces)
            if errors.isEmpty, try Bool.fetchOne(db, sql: "SELECT 1 FROM api_keys WHERE name = ?", arguments: [name]) != nil {
                errors.append(FieldError(field: "name", message: "An API key named \"\(name)\" exists already."))
            }
            if let userID = draft.userID,
               try Bool.fetchOne(db, sql: "SELECT 1 FROM users WHERE id = ?", arguments: [userID]) == nil {
                errors.append(FieldError(field: "userID", message: "The key's user must exist."))
            }
            guard errors.isEmpty else { throw ValidationError(errors) }
            typealias T = ApiKeyTable
            let id = try db.insertRow(into: T.name, [
                (T.keyName, name), (T.keyPrefix, credentials.keyPrefix), (T.keyHash, credentials.keyHash),
                (T.userID, draft.userID), (T.mapping, draft.mapping.rawValue), (T.signingSecret, credentials.signingSecret),
                (T.signatureWindowSeconds, draft.signatureWindowSeconds), (T.requestsPerMinute, draft.requestsPerMinute),
                (RecordColumns.createdAt, journal.at.millisecondsSince1970),
            ])
            try journal.recorded(.create, .apiKey, id)
            for (field, value) in [("name", name), ("prefix", credentials.keyPrefix), ("mapping", draft.mapping.rawValue),
                                   ("signed", String(credentials.signingSecret != nil))] {
                try journal.changed(.apiKey, id, field: field, from: "", to: value)
            }
            return try Self.fetch(db, sql: "id = ?", id)!
        }
    }

    /// Every key, revoked ones too, by name.
    public func list() throws -> [ApiKey] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM api_keys ORDER BY name").map(Self.key)
        }
    }

    /// Revokes the key named `name` (case-insensitive); its requests are refused from now on.
    /// Revoking a revoked key changes nothing.
    public func revoke(name: String) throws -> ApiKey {
        try database.write(as: actor) { db, journal in
            guard let key = try Self.fetch(db, sql: "name = ?", name.trimmingCharacters(in: .whitespaces)) else {
                throw RuleViolationError("There is no API key named \"\(name)\".")
            }
            guard !key.isRevoked else { return key }
            try db.updateRow(ApiKeyTable.name, id: key.id, [(ApiKeyTable.revokedAt, journal.at.millisecondsSince1970)],
                             bumpingVersion: false)
            try journal.changed(.apiKey, key.id, field: "revoked", from: "false", to: "true")
            return try Self.fetch(db, sql: "id = ?", key.id)!
        }
    }

    /// The live (not revoked) key whose SHA-256 hex is `keyHash`, or `nil`.
    public func authenticate(keyHash: String) throws -> ApiKey? {
        try database.read { db in
            try Self.fetch(db, sql: "key_hash = ? AND revoked_at IS NULL", keyHash)
        }
    }

    private static func fetch(_ db: Database, sql condition: String, _ argument: some DatabaseValueConvertible) throws -> ApiKey? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM api_keys WHERE \(condition)"), arguments: [argument]).map(key)
    }

    private static func key(_ row: Row) throws -> ApiKey {
        typealias T = ApiKeyTable
        let mappingName: String = row[T.mapping]
        guard let mapping = ApiKey.Mapping(rawValue: mappingName) else {
            throw RuleViolationError("The API key \"\(row[T.keyName] as String)\" has an unknown mapping \"\(mappingName)\".")
        }
        func date(_ column: Column) -> Date? { (row[column] as Int64?).map(Date.init(millisecondsSince1970:)) }
        return ApiKey(
            id: row[RecordColumns.id], name: row[T.keyName], keyPrefix: row[T.keyPrefix], userID: row[T.userID],
            mapping: mapping, signingSecret: row[T.signingSecret], signatureWindowSeconds: row[T.signatureWindowSeconds],
            requestsPerMinute: row[T.requestsPerMinute], createdAt: date(RecordColumns.createdAt)!,
            revokedAt: date(T.revokedAt), lastUsedAt: date(T.lastUsedAt))
    }
}

extension AppDatabase {
    /// The intake API keys, managed on behalf of `user` (`nil`: the command line).
    public func apiKeys(actingAs user: User?) -> ApiKeyRepository {
        ApiKeyRepository(database: self, actor: user)
    }
}
