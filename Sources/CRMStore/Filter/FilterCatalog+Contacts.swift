import CRMCore
import GRDB

extension FilterCatalog {
    /// The fields of personal-contact lists (`contacts c`). The name is the folded display name
    /// (`sort_name`); the account is the copy of its name kept on every contact.
    static func contacts(_ db: Database) throws -> FilterCatalog {
        typealias T = ContactTable
        typealias Field = ContactDraft.Field
        let types = try FilterChoices.fetch(db, sql: "SELECT id, name FROM \(ContactTypeTable.name) ORDER BY position")
        return FilterCatalog(alias: "c", ftsTable: "contacts_fts", users: try .users(db), fields: [
            FilterField("name", .text(T.sortName.name)),
            FilterField(Field.accountID, .text(T.accountName.name)),
            FilterField(Field.email, .text(T.email.name)),
            FilterField(Field.phone, .text(T.phone.name)),
            FilterField(Field.jobTitle, .text(T.jobTitle.name)),
            FilterField(Field.typeID, .enumeration(T.typeID.name, types)),
            FilterField.created,
            FilterField.updated,
        ])
    }
}
