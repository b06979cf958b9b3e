import CRMCore
import GRDB

extension FilterCatalog {
    /// The fields of lead lists (`leads l`, LD-4) and of splitter filters (LP-6). `status` takes
    /// a status name or a kind (`new`, `working`, `qualified`, `disqualified`, or `open` for new
    /// and working); `value` compares in the base currency like opportunity amounts; `split`
    /// names the splitter filter that shared a lead (`split:none` is unprocessed); `shares`
    /// finds leads in which a user holds a share.
    static func leads(_ db: Database) throws -> FilterCatalog {
        let rows = try Row.fetchAll(db, sql: "SELECT id, name, kind FROM lead_statuses ORDER BY position")
        var kinds = Dictionary(grouping: rows, by: { $0["kind"] as String }).mapValues { $0.map { $0["id"] as Int64 } }
        kinds["open"] = LeadStatusKind.allCases.filter(\.isOpen).flatMap { kinds[$0.rawValue] ?? [] }
        let statuses = FilterChoices(rows.map { FilterChoices.Choice(id: $0["id"], names: [$0["name"]]) }, groups: kinds)
        let campaigns = try FilterChoices.fetch(db, sql: "SELECT id, name FROM campaigns ORDER BY sort_name")
        let projects = try FilterChoices.fetch(db, sql: "SELECT id, name, identifier FROM projects ORDER BY sort_name")
        let partners = try FilterChoices.fetch(db, sql: "SELECT id, name FROM partners ORDER BY sort_name")
        let splitters = try FilterChoices.fetch(db, sql: "SELECT id, name FROM lead_split_filters ORDER BY position")
        return FilterCatalog(alias: "l", ftsTable: "leads_fts", users: try .users(db), fields: [
            FilterField("name", .text("sort_name")),
            FilterField("first-name", aliases: ["first"], .text("first_name")),
            FilterField("last-name", aliases: ["last"], .text("last_name")),
            FilterField("company", aliases: ["account"], .text("company")),
            FilterField("job", aliases: ["title", "job-title"], .text("job_title")),
            FilterField("email", aliases: ["mail"], .text("email")),
            FilterField("phone", .text("phone")),
            FilterField("mobile", .text("mobile")),
            FilterField("website", aliases: ["web"], .text("website")),
            FilterField("country", .country("country")),
            FilterField("source", .text("source")),
            FilterField("campaign", .enumeration("campaign_id", campaigns)),
            FilterField("status", aliases: ["stage"], .enumeration("status_id", statuses)),
            FilterField("priority", aliases: ["prio"], .enumeration(priorityRank, priorities)),
            FilterField("score", .number("score")),
            FilterField("value", aliases: ["amount"], .money(minorUnits: "value_minor", currency: "currency")),
            FilterField("currency", .code("currency")),
            FilterField("tag", aliases: ["tags"], .listItem("tags")),
            FilterField("assignee", aliases: ["owner", "assigned"], .user("assignee_id")),
            FilterField("partner", .enumeration("partner_id", partners)),
            FilterField("project", .enumeration("project_id", projects)),
            FilterField("utm-source", .text("utm_source")),
            FilterField("utm-medium", .text("utm_medium")),
            FilterField("utm-campaign", .text("utm_campaign")),
            FilterField("utm-content", .text("utm_content")),
            FilterField("created", aliases: ["received"], .timestamp("created_at")),
            FilterField.updated,
            FilterField("touched", .timestamp("touched_at")),
            FilterField("qualified", .presence("qualified_at", meansPresent: true)),
            FilterField("duplicate", aliases: ["dup"], .presence("duplicate_of_id", meansPresent: true)),
            FilterField("archived", .boolean("is_archived")),
            FilterField("split", aliases: ["splitter"], .enumeration("split_filter_id", splitters)),
            FilterField("unprocessed", .presence("split_filter_id", meansPresent: false)),
            FilterField("shares", aliases: ["share"], .linkedUsers(table: "lead_shares", recordColumn: "lead_id", userColumn: "user_id")),
        ])
    }

    /// Priorities by name, ranked 1…4 by `priorityRank`.
    private static let priorities = FilterChoices(
        LeadDraft.Priority.allCases.enumerated().map { FilterChoices.Choice(id: Int64($0.offset + 1), names: [$0.element.rawValue]) })

    /// A lead's priority as its rank among `LeadDraft.Priority.allCases` (the column holds the name).
    private static let priorityRank = "(CASE l.priority "
        + LeadDraft.Priority.allCases.enumerated().map { "WHEN '\($0.element.rawValue)' THEN \($0.offset + 1)" }.joined(separator: " ")
        + " END)"
}
