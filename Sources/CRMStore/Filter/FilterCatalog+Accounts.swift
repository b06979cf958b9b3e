import CRMCore
import GRDB

extension FilterCatalog {
    /// The fields of account lists (`accounts a`). The revenue is stored as decimal text, so it
    /// is compared at its currency's minor units through `crm_minor_units`.
    static func accounts(_ db: Database) throws -> FilterCatalog {
        typealias T = AccountTable
        typealias Field = AccountDraft.Field
        let types = try FilterChoices.fetch(db, sql: "SELECT id, name, key FROM account_types ORDER BY position")
        return FilterCatalog(alias: "a", ftsTable: "accounts_fts", users: try .users(db), fields: [
            FilterField("name", .text(T.displayName.name)),
            FilterField(Field.city, .text(T.city.name)),
            FilterField(Field.country, .country(T.country.name)),
            FilterField(Field.industry, .text(T.industry.name)),
            FilterField(Field.email, .text(T.email.name)),
            FilterField(Field.phone, .text(T.phone.name)),
            FilterField(Field.typeID, .enumeration(T.typeID.name, types)),
            FilterField(Field.accountManagerID, .user(T.accountManagerID.name)),
            FilterField.created,
            FilterField.updated,
            FilterField(Field.employees, .number(T.employees.name)),
            FilterField(Field.annualRevenue, .decimalMoney(amount: T.annualRevenue.name, currency: T.revenueCurrency.name)),
            FilterField(Field.isKeyAccount, .boolean(T.isKeyAccount.name)),
            FilterField(Field.customerSince, .date(T.customerSince.name)),
        ])
    }
}
