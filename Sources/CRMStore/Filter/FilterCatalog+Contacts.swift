import GRDB

extension FilterCatalog {
    /// The fields of personal-contact lists (`contacts c`). The name is the folded display name
    /// (`sort_name`); the account is the copy of its name kept on every contact.
    static func contacts(_ db: Database) throws -> FilterCatalog {
        let types = try FilterChoices.fetch(db, sql: "SELECT id, name FROM contact_types ORDER BY position")
        return FilterCatalog(alias: "c", ftsTable: "contacts_fts", users: try .users(db), fields: [
            FilterField("name", .text("sort_name")),
            FilterField("account", aliases: ["company"], .text("account_name")),
            FilterField("email", aliases: ["mail"], .text("email")),
            FilterField("phone", .text("phone")),
            FilterField("job", aliases: ["title"], .text("job_title")),
            FilterField("type", .enumeration("type_id", types)),
            FilterField.created,
            FilterField.updated,
        ])
    }
}
