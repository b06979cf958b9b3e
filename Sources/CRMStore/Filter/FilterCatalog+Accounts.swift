import GRDB

extension FilterCatalog {
    /// The fields of account lists (`accounts a`). The revenue is stored as decimal text, so it
    /// is compared at its currency's minor units through `crm_minor_units`.
    static func accounts(_ db: Database) throws -> FilterCatalog {
        let types = try FilterChoices.fetch(db, sql: "SELECT id, name, key FROM account_types ORDER BY position")
        return FilterCatalog(alias: "a", ftsTable: "accounts_fts", users: try .users(db), fields: [
            FilterField("name", .text("display_name")),
            FilterField("city", .text("city")),
            FilterField("country", .country("country")),
            FilterField("industry", .text("industry")),
            FilterField("email", aliases: ["mail"], .text("email")),
            FilterField("phone", .text("phone")),
            FilterField("type", .enumeration("type_id", types)),
            FilterField("manager", aliases: ["owner", "account-manager"], .user("account_manager_id")),
            FilterField("created", .timestamp("created_at")),
            FilterField("updated", aliases: ["modified", "changed"], .timestamp("updated_at")),
            FilterField("employees", .number("employees")),
            FilterField("revenue", .decimalMoney(amount: "annual_revenue", currency: "revenue_currency")),
            FilterField("key", aliases: ["key-account"], .boolean("is_key_account")),
            FilterField("customer-since", aliases: ["since"], .date("customer_since")),
        ])
    }
}
