import CRMCore
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
        typealias T = OpportunityTable
        typealias Field = OpportunityDraft.Field
        return FilterCatalog(alias: "o", ftsTable: "opportunities_fts", users: try .users(db), fields: [
            FilterField(Field.name, .text(T.sortName.name)),
            FilterField(Field.accountID, .text(T.accountName.name)),
            FilterField(Field.ownerID, .user(T.ownerID.name)),
            FilterField(Field.statusID, .enumeration(T.statusID.name, statuses)),
            FilterField("tag", aliases: ["kind"], .enumeration(T.statusID.name, tags)),
            FilterField(Field.amount, .money(minorUnits: T.amountMinor.name, currency: T.currency.name)),
            FilterField("currency", .code(T.currency.name)),
            FilterField(Field.probability, .number(T.probability.name)),
            FilterField(Field.expectedClose, .date(T.expectedClose.name)),
            FilterField.created,
            FilterField.updated,
            FilterField(Field.projectID, .enumeration(T.projectID.name, projects)),
            FilterField(Field.partnerID, .enumeration(T.partnerID.name, partners)),
            FilterField(Field.closedOn, .date(T.closedOn.name)),
            FilterField(Field.lostReasonID, .enumeration(T.lostReasonID.name, lostReasons)),
        ])
    }
}
