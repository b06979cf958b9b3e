import CRMCore
import Foundation
import GRDB

/// How an account maps to the columns of `accounts`: the stored fields, the derived columns
/// that lists sort and filter on, and the reverse mapping from a fetched row.
enum AccountColumns {
    /// The columns of the editable fields with their values, in one order for INSERT and UPDATE.
    static func fields(_ draft: AccountDraft) -> ColumnValues {
        [("type_id", draft.typeID), ("first_name", draft.firstName), ("last_name", draft.lastName),
         ("name", draft.name), ("email", draft.email), ("phone", draft.phone), ("street", draft.street),
         ("city", draft.city), ("postcode", draft.postcode), ("country", draft.country),
         ("registration_number", draft.registrationNumber), ("vat_number", draft.vatNumber),
         ("industry", draft.industry), ("note", draft.note), ("is_global", draft.isGlobal),
         ("is_private", draft.isPrivate), ("is_key_account", draft.isKeyAccount),
         ("account_manager_id", draft.accountManagerID), ("employees", draft.employees),
         ("annual_revenue", draft.annualRevenue.map { "\($0.amount)" }),
         ("revenue_currency", draft.annualRevenue?.currency.code),
         ("customer_since", draft.customerSince?.description)]
    }

    /// The derived columns: the display name and the keys that sorting and the quick filter use.
    ///
    /// The sort keys fold with `SearchText` exactly as `AccountQuery.cursor(for:)` does, so a
    /// cursor taken from a fetched account finds its row again.
    static func derived(_ draft: AccountDraft, usesPersonName: Bool) -> ColumnValues {
        let displayName = draft.displayName(usingPersonName: usesPersonName)
        return [("display_name", displayName), ("sort_name", sortName(draft, usesPersonName: usesPersonName)),
                ("sort_city", SearchText.fold(draft.city)), ("search_text", searchKey(draft))]
    }

    /// The key of the name sort, which `NameRank` orders the rows by.
    static func sortName(_ draft: AccountDraft, usesPersonName: Bool) -> String {
        SearchText.fold(draft.displayName(usingPersonName: usesPersonName))
    }

    /// The words the quick filter and the "go to" search match: names, e-mail, phone, city.
    static func searchKey(_ draft: AccountDraft) -> String {
        SearchText.key([draft.firstName, draft.lastName, draft.name, draft.email, draft.phone, draft.city])
    }

    /// The select list of account reads, with the favourite flag of user `userID`.
    static func selection(for userID: Int64) -> SQL {
        """
        a.*, EXISTS (SELECT 1 FROM favourites f WHERE f.user_id = \(userID) AND f.account_id = a.id) \
        AS is_favourite
        """
    }
}

extension Account {
    /// Decodes a row selected with `AccountColumns.selection(for:)`.
    init(row: Row) {
        var fields = AccountDraft(typeID: row["type_id"])
        fields.firstName = row["first_name"]
        fields.lastName = row["last_name"]
        fields.name = row["name"]
        fields.email = row["email"]
        fields.phone = row["phone"]
        fields.street = row["street"]
        fields.city = row["city"]
        fields.postcode = row["postcode"]
        fields.country = row["country"]
        fields.registrationNumber = row["registration_number"]
        fields.vatNumber = row["vat_number"]
        fields.industry = row["industry"]
        fields.note = row["note"]
        fields.isGlobal = row["is_global"]
        fields.isPrivate = row["is_private"]
        fields.isKeyAccount = row["is_key_account"]
        fields.accountManagerID = row["account_manager_id"]
        fields.employees = row["employees"]
        if let amount: String = row["annual_revenue"], let code: String = row["revenue_currency"],
           let currency = try? Currency(code: code), let value = Decimal(string: amount, locale: Locale(identifier: "en_US_POSIX")) {
            fields.annualRevenue = Money(value, currency)
        }
        fields.customerSince = (row["customer_since"] as String?).flatMap(CalendarDate.init(parsing:))
        self.init(
            id: row["id"], fields: fields, displayName: row["display_name"], createdByID: row["created_by_id"],
            createdAt: Date(millisecondsSince1970: row["created_at"]),
            updatedAt: Date(millisecondsSince1970: row["updated_at"]),
            version: row["version"], isFavourite: row["is_favourite"] ?? false)
    }
}

extension AccountColumns {
    /// Recomputes the derived columns and name ranks of every account of a type whose name
    /// fields changed, and the copies in the contacts of accounts whose display name changed
    /// with it.
    static func rederive(_ db: Database, typeID: Int64, usesPersonName: Bool) throws {
        let accounts = try Row.fetchAll(db, sql: "SELECT * FROM accounts WHERE type_id = ?", arguments: [typeID])
        let names = derived(AccountDraft(typeID: typeID), usesPersonName: usesPersonName).map(\.0) + ["name_rank"]
        let ranks = NameRank(table: "accounts")
        let statement = try db.cachedStatement(
            sql: "UPDATE accounts SET \(names.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?")
        for row in accounts {
            var account = Account(row: row)
            let rank = try ranks.rank(db, sortName: sortName(account.fields, usesPersonName: usesPersonName), id: account.id)
            try statement.execute(arguments: StatementArguments(
                derived(account.fields, usesPersonName: usesPersonName).map(\.1) + [rank, account.id]))
            let displayName = account.fields.displayName(usingPersonName: usesPersonName)
            if displayName != account.displayName {
                account.displayName = displayName
                try ContactColumns.refresh(db, contactsOf: account)
                try OpportunityColumns.refresh(db, opportunitiesOf: account)
            }
        }
    }
}
