import CRMCore
import Foundation
import GRDB

/// How an account maps to the columns of `accounts`: the stored fields, the derived columns
/// that lists sort and filter on, and the reverse mapping from a fetched row.
enum AccountColumns {
    /// The columns of the editable fields with their values, in one order for INSERT and UPDATE.
    static func fields(_ draft: AccountDraft) -> ColumnValues {
        typealias T = AccountTable
        return [(T.typeID, draft.typeID), (T.firstName, draft.firstName), (T.lastName, draft.lastName),
                (T.organisationName, draft.name), (T.email, draft.email), (T.phone, draft.phone), (T.street, draft.street),
                (T.city, draft.city), (T.postcode, draft.postcode), (T.country, draft.country),
                (T.registrationNumber, draft.registrationNumber), (T.vatNumber, draft.vatNumber),
                (T.industry, draft.industry), (T.note, draft.note), (T.isGlobal, draft.isGlobal),
                (T.isPrivate, draft.isPrivate), (T.isKeyAccount, draft.isKeyAccount),
                (T.accountManagerID, draft.accountManagerID), (T.employees, draft.employees),
                (T.annualRevenue, draft.annualRevenue.map { "\($0.amount)" }),
                (T.revenueCurrency, draft.annualRevenue?.currency.code),
                (T.customerSince, draft.customerSince?.description)]
    }

    /// The derived columns: the display name and the keys that sorting and the quick filter use.
    ///
    /// The sort keys fold with `SearchText` exactly as `AccountQuery.cursor(for:)` does, so a
    /// cursor taken from a fetched account finds its row again.
    static func derived(_ draft: AccountDraft, usesPersonName: Bool) -> ColumnValues {
        let displayName = draft.displayName(usingPersonName: usesPersonName)
        return [(AccountTable.displayName, displayName), (AccountTable.sortName, sortName(draft, usesPersonName: usesPersonName)),
                (AccountTable.sortCity, SearchText.fold(draft.city)), (AccountTable.searchText, searchKey(draft))]
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
        typealias T = AccountTable
        var fields = AccountDraft(typeID: row[T.typeID])
        fields.firstName = row[T.firstName]
        fields.lastName = row[T.lastName]
        fields.name = row[T.organisationName]
        fields.email = row[T.email]
        fields.phone = row[T.phone]
        fields.street = row[T.street]
        fields.city = row[T.city]
        fields.postcode = row[T.postcode]
        fields.country = row[T.country]
        fields.registrationNumber = row[T.registrationNumber]
        fields.vatNumber = row[T.vatNumber]
        fields.industry = row[T.industry]
        fields.note = row[T.note]
        fields.isGlobal = row[T.isGlobal]
        fields.isPrivate = row[T.isPrivate]
        fields.isKeyAccount = row[T.isKeyAccount]
        fields.accountManagerID = row[T.accountManagerID]
        fields.employees = row[T.employees]
        if let amount: String = row[T.annualRevenue], let code: String = row[T.revenueCurrency],
           let currency = try? Currency(code: code), let value = Decimal(string: amount, locale: Locale(identifier: "en_US_POSIX")) {
            fields.annualRevenue = Money(value, currency)
        }
        fields.customerSince = (row[T.customerSince] as String?).flatMap(CalendarDate.init(parsing:))
        self.init(
            id: row[RecordColumns.id], fields: fields, displayName: row[T.displayName], createdByID: row[RecordColumns.createdByID],
            createdAt: Date(millisecondsSince1970: row[RecordColumns.createdAt]),
            updatedAt: Date(millisecondsSince1970: row[RecordColumns.updatedAt]),
            version: row[RecordColumns.version], isFavourite: row["is_favourite"] ?? false)
    }
}

extension AccountColumns {
    /// Recomputes the derived columns and name ranks of every account of a type whose name
    /// fields changed, and the copies in the contacts of accounts whose display name changed
    /// with it.
    static func rederive(_ db: Database, typeID: Int64, usesPersonName: Bool) throws {
        let accounts = try Row.fetchAll(db, sql: "SELECT * FROM \(AccountTable.name) WHERE \(AccountTable.typeID.name) = ?",
                                        arguments: [typeID])
        let names = derived(AccountDraft(typeID: typeID), usesPersonName: usesPersonName).map(\.0.name) + [RecordColumns.nameRank.name]
        let ranks = NameRank(table: AccountTable.name)
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
