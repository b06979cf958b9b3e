import CRMCore
import GRDB

extension FilterCatalog {
    /// The fields of partner lists (`partners p`). The name is the folded name (`sort_name`).
    static func partners(_ db: Database) throws -> FilterCatalog {
        typealias T = PartnerTable
        typealias Field = PartnerDraft.Field
        return FilterCatalog(alias: "p", ftsTable: "partners_fts", users: try .users(db), fields: [
            FilterField(Field.name, .text(T.sortName.name)),
            FilterField(Field.city, .text(T.city.name)),
            FilterField(Field.country, .country(T.country.name)),
            FilterField(Field.email, .text(T.email.name)),
            FilterField(Field.phone, .text(T.phone.name)),
            FilterField(Field.note, .text(T.note.name)),
            FilterField("creator", aliases: ["created-by"], .user(RecordColumns.createdByID.name)),
            FilterField.created,
            FilterField.updated,
        ])
    }
}
