import GRDB

/// The `api_keys` table: its name and its columns, named once for writes and reads.
enum ApiKeyTable {
    static let name = "api_keys"

    static let keyName = Column("name")
    static let keyPrefix = Column("key_prefix")
    /// SHA-256 hex of the key; the key itself is never stored.
    static let keyHash = Column("key_hash")
    static let userID = Column("user_id")
    static let mapping = Column("mapping")
    static let signingSecret = Column("signing_secret")
    static let signatureWindowSeconds = Column("signature_window_seconds")
    static let requestsPerMinute = Column("requests_per_minute")
    static let revokedAt = Column("revoked_at")
    static let lastUsedAt = Column("last_used_at")
}
