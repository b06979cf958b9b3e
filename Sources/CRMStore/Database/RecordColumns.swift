import GRDB

/// The columns every record table has, named once: its id, who created it and when, when it
/// last changed, and the optimistic-lock version (ST-7).
enum RecordColumns {
    static let id = Column("id")
    static let createdByID = Column("created_by_id")
    static let createdAt = Column("created_at")
    static let updatedAt = Column("updated_at")
    static let version = Column("version")
    /// The position in name order that keyset pages sort by (`NameRank`).
    static let nameRank = Column("name_rank")
}
