import GRDB

/// The `lead_keys` table: the normalised identity keys duplicate detection matches (LP-7).
enum LeadKeyTable {
    static let name = "lead_keys"

    static let leadID = Column("lead_id")
    /// "phone", "email" or "nameCompany".
    static let kind = Column("kind")
    static let key = Column("key")

    /// The columns a key row is inserted with, in this order.
    static let columns = [leadID, kind, key].map(\.name)
}
