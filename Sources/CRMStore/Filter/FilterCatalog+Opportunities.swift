import GRDB

extension FilterCatalog {
    /// The fields of opportunity lists and the board (`opportunities o`). `status` takes a
    /// status name or a kind (open, won, lost); `tag` only a kind. Amounts compare in the base
    /// currency at the stored rates; `probability` is the opportunity's own (unset means the
    /// status default, which `probability:none` finds).
    static func opportunities(_ db: Database) throws -> FilterCatalog {
        let rows = try Row.fetchAll(db, sql: "SELECT id, name, kind FROM opportunity_statuses ORDER BY position")
        let kinds = Dictionary(grouping: rows, by: { $0["kind"] as String }).mapValues { $0.map { $0["id"] as Int64 } }
        let statuses = FilterChoices(rows.map { FilterChoices.Choice(id: $0["id"], names: [$0["name"]]) }, groups: kinds)
        let tags = FilterChoices([], groups: kinds)
        let projects = try FilterChoices.fetch(db, sql: "SELECT id, name, identifier FROM projects ORDER BY sort_name")
        let partners = try FilterChoices.fetch(db, sql: "SELECT id, name FROM partners ORDER BY sort_name")
        let lostReasons = try FilterChoices.fetch(db, sql: "SELECT id, name FROM lost_reasons ORDER BY position")
        return FilterCatalog(alias: "o", ftsTable: "opportunities_fts", users: try .users(db), fields: [
            FilterField("name", .text("sort_name")),
            FilterField("account", aliases: ["company"], .text("account_name")),
            FilterField("owner", .user("owner_id")),
            FilterField("status", aliases: ["stage"], .enumeration("status_id", statuses)),
            FilterField("tag", aliases: ["kind"], .enumeration("status_id", tags)),
            FilterField("amount", aliases: ["value"], .money(minorUnits: "amount_minor", currency: "currency")),
            FilterField("currency", .code("currency")),
            FilterField("probability", aliases: ["prob"], .number("probability")),
            FilterField("close", aliases: ["expected-close", "closes"], .date("expected_close")),
            FilterField.created,
            FilterField.updated,
            FilterField("project", .enumeration("project_id", projects)),
            FilterField("partner", .enumeration("partner_id", partners)),
            FilterField("closed", aliases: ["closed-on"], .date("closed_on")),
            FilterField("lost-reason", aliases: ["reason"], .enumeration("lost_reason_id", lostReasons)),
        ])
    }
}
