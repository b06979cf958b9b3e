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
        typealias T = LeadTable
        typealias Field = LeadDraft.Field
        typealias Event = LeadDraft.Event
        return FilterCatalog(alias: "l", ftsTable: "leads_fts", users: try .users(db), fields: [
            FilterField("name", .text(T.sortName.name)),
            FilterField(Field.firstName, .text(T.firstName.name)),
            FilterField(Field.lastName, .text(T.lastName.name)),
            FilterField(Field.company, .text(T.company.name)),
            FilterField(Field.jobTitle, .text(T.jobTitle.name)),
            FilterField(Field.email, .text(T.email.name)),
            FilterField(Field.phone, .text(T.phone.name)),
            FilterField(Field.mobile, .text(T.mobile.name)),
            FilterField(Field.website, .text(T.website.name)),
            FilterField(Field.country, .country(T.country.name)),
            FilterField(Field.source, .text(T.source.name)),
            FilterField(Field.campaignID, .enumeration(T.campaignID.name, campaigns)),
            FilterField(Field.statusID, .enumeration(T.statusID.name, statuses)),
            FilterField(Field.priority, .enumeration(priorityRank, priorities)),
            FilterField(Field.score, .number(T.score.name)),
            FilterField(Field.value, .money(minorUnits: T.valueMinor.name, currency: T.currency.name)),
            FilterField("currency", .code(T.currency.name)),
            FilterField(Field.tags, .listItem(T.tags.name)),
            FilterField(Field.assigneeID, .user(T.assigneeID.name)),
            FilterField(Field.partnerID, .enumeration(T.partnerID.name, partners)),
            FilterField(Field.projectID, .enumeration(T.projectID.name, projects)),
            FilterField(Field.utmSource, .text(T.utmSource.name)),
            FilterField(Field.utmMedium, .text(T.utmMedium.name)),
            FilterField(Field.utmCampaign, .text(T.utmCampaign.name)),
            FilterField(Field.utmContent, .text(T.utmContent.name)),
            FilterField("created", aliases: ["received"], .timestamp(RecordColumns.createdAt.name)),
            FilterField.updated,
            FilterField("touched", .timestamp(T.touchedAt.name)),
            FilterField(Event.qualifiedAt, .presence(T.qualifiedAt.name, meansPresent: true)),
            FilterField(Event.duplicateOf, .presence(T.duplicateOfID.name, meansPresent: true)),
            FilterField(Event.archived, .boolean(T.isArchived.name)),
            FilterField(Event.splitFilter, .enumeration(T.splitFilterID.name, splitters)),
            FilterField("unprocessed", .presence(T.splitFilterID.name, meansPresent: false)),
            FilterField(Event.shares, .linkedUsers(table: "lead_shares", recordColumn: "lead_id", userColumn: "user_id")),
        ])
    }

    /// Priorities by name, ranked 1…4 by `priorityRank`.
    private static let priorities = FilterChoices(
        LeadDraft.Priority.allCases.enumerated().map { FilterChoices.Choice(id: Int64($0.offset + 1), names: [$0.element.rawValue]) })

    /// A lead's priority as its rank among `LeadDraft.Priority.allCases` (the column holds the name).
    private static let priorityRank = "(CASE l.\(LeadTable.priority.name) "
        + LeadDraft.Priority.allCases.enumerated().map { "WHEN '\($0.element.rawValue)' THEN \($0.offset + 1)" }.joined(separator: " ")
        + " END)"
}
