import GRDB

extension Schema {
    /// v9: partners get a `name_rank` and a search index keyed by it, like accounts, contacts and
    /// opportunities (v7), so the partner list pages and filters through the shared `KeysetList`
    /// plans. Partners are visible to everyone, so the rank index needs no visibility columns; it
    /// carries the name `KeysetList` asks for in its INDEXED BY clause.
    static func addPartnerRanks(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE partners ADD COLUMN name_rank INTEGER;
            DROP TRIGGER partners_fts_insert;
            DROP TRIGGER partners_fts_delete;
            DROP TRIGGER partners_fts_update;
            DROP TABLE partners_fts;
            """)
        try NameRank.renumberAll(db, table: "partners")
        try db.execute(sql: "CREATE UNIQUE INDEX partners_visible_by_name_rank ON partners(name_rank)")
        try createSearchIndex(db, table: "partners", rowid: "name_rank")
        try refillSearchIndex(db, table: "partners")
    }
}
