import GRDB

extension FilterCatalog {
    /// The fields of partner lists (`partners p`). The name is the folded name (`sort_name`).
    static func partners(_ db: Database) throws -> FilterCatalog {
        FilterCatalog(alias: "p", ftsTable: "partners_fts", users: try .users(db), fields: [
            FilterField("name", .text("sort_name")),
            FilterField("city", .text("city")),
            FilterField("country", .country("country")),
            FilterField("email", aliases: ["mail"], .text("email")),
            FilterField("phone", .text("phone")),
            FilterField("note", .text("note")),
            FilterField("creator", aliases: ["created-by"], .user("created_by_id")),
            FilterField.created,
            FilterField.updated,
        ])
    }
}
