import CRMCore
import Foundation
import GRDB

/// How an opportunity maps to the columns of `opportunities`, including what it copies from its
/// account (name for sorting, search and cards; privacy for visibility).
enum OpportunityColumns {
    /// The columns of the editable fields with their values, in one order for INSERT and UPDATE.
    static func fields(_ draft: OpportunityDraft) -> ColumnValues {
        typealias T = OpportunityTable
        return [(T.opportunityName, draft.name), (T.accountID, draft.accountID), (T.contactID, draft.contactID),
                (T.projectID, draft.projectID), (T.statusID, draft.statusID), (T.probability, draft.probability),
                (T.amountMinor, draft.amount?.minorUnits), (T.currency, draft.amount?.currency.code),
                (T.expectedClose, draft.expectedClose?.description), (T.ownerID, draft.ownerID),
                (T.partnerID, draft.partnerID), (T.description, draft.description),
                (T.closedOn, draft.closedOn?.description), (T.lostReasonID, draft.lostReasonID)]
    }

    /// The derived columns; the sort keys fold as `OpportunityQuery.cursor(for:)` does.
    static func derived(
        _ draft: OpportunityDraft, _ link: ContactColumns.AccountLink, rates: ExchangeRateTable
    ) -> ColumnValues {
        typealias T = OpportunityTable
        return [(T.accountName, link.name), (T.privateOwnerID, link.privateOwnerID),
                (T.sortName, sortName(draft)), (T.sortAccount, SearchText.fold(link.name ?? "")),
                (T.sortAmount, sortAmount(draft.amount, rates)),
                (T.sortClose, draft.expectedClose?.description ?? Opportunity.noCloseDateKey),
                (T.searchText, searchText(name: draft.name, accountName: link.name))]
    }

    /// The search key: the words of the opportunity's name and of its account's name.
    static func searchText(name: String, accountName: String?) -> String {
        SearchText.key([name, accountName ?? ""])
    }

    /// The columns that follow a new name of opportunity `id`: its sort key and rank, and the
    /// search key.
    static func nameKeys(_ db: Database, _ name: String, accountName: String?, id: Int64) throws -> ColumnValues {
        let sortName = SearchText.fold(name)
        return [(OpportunityTable.sortName, sortName), (OpportunityTable.searchText, searchText(name: name, accountName: accountName)),
                try NameRank(table: OpportunityTable.name).column(db, sortName: sortName, id: id)]
    }

    /// The amount in base-currency minor units (rounded), -1 without an amount; an amount in a
    /// currency without a rate sorts by its own minor units.
    static func sortAmount(_ amount: Money?, _ rates: ExchangeRateTable) -> Int64 {
        guard let amount else { return -1 }
        return rates.convert(amount)?.rounded().minorUnits ?? amount.minorUnits ?? -1
    }

    /// Recomputes every opportunity's amount sort key after the rates or the base changed.
    static func refreshSortAmounts(_ db: Database) throws {
        let rates = try MoneySettingsRepository.table(db, on: CalendarDate.today())
        let rows = try Row.fetchAll(
            db, sql: "SELECT id, amount_minor, currency FROM opportunities WHERE amount_minor IS NOT NULL")
        let statement = try db.cachedStatement(sql: "UPDATE opportunities SET sort_amount = ? WHERE id = ?")
        for row in rows {
            let amount = Money(minorUnits: row[OpportunityTable.amountMinor], try Currency(code: row[OpportunityTable.currency]))
            try statement.execute(arguments: [sortAmount(amount, rates), row[RecordColumns.id] as Int64])
        }
    }

    /// The key of the name sort, which `NameRank` orders the rows by.
    static func sortName(_ draft: OpportunityDraft) -> String {
        SearchText.fold(draft.name)
    }

    /// Rewrites the copied account columns of every opportunity of `account` after its name or
    /// privacy changed.
    static func refresh(_ db: Database, opportunitiesOf account: Account) throws {
        let link = ContactColumns.AccountLink(account)
        try db.execute(sql: """
            UPDATE opportunities SET account_name = ?, private_owner_id = ?, sort_account = ? WHERE account_id = ?
            """, arguments: [link.name, link.privateOwnerID, SearchText.fold(link.name ?? ""), account.id])
        // The search key joins the opportunity's own name, so it is rebuilt row by row.
        let rows = try Row.fetchAll(db, sql: "SELECT id, name FROM opportunities WHERE account_id = ?", arguments: [account.id])
        let statement = try db.cachedStatement(sql: "UPDATE opportunities SET search_text = ? WHERE id = ?")
        for row in rows {
            try statement.execute(arguments: [
                searchText(name: row[OpportunityTable.opportunityName], accountName: link.name), row[RecordColumns.id] as Int64])
        }
    }
}

/// Turns `opportunities` rows into `Opportunity` values, adding the status and owner they
/// name from the small `opportunity_statuses` and `users` tables, read once per page instead of
/// joined into every row (keyset pages then stay single-table queries).
struct OpportunityDecoder {
    let statuses: [Int64: OpportunityStatus]
    let ownerNames: [Int64: String]

    init(_ db: Database) throws {
        statuses = Dictionary(uniqueKeysWithValues: try OpportunityStatusRepository.list(db).map { ($0.id, $0) })
        let users = try Row.fetchAll(db, sql: "SELECT id, display_name FROM users")
        ownerNames = Dictionary(uniqueKeysWithValues: users.map { ($0["id"] as Int64, $0["display_name"] as String) })
    }

    func opportunity(_ row: Row) throws -> Opportunity {
        typealias T = OpportunityTable
        var fields = OpportunityDraft(name: row[T.opportunityName], statusID: row[T.statusID])
        fields.accountID = row[T.accountID]
        fields.contactID = row[T.contactID]
        fields.projectID = row[T.projectID]
        fields.probability = row[T.probability]
        if let minor: Int64 = row[T.amountMinor], let code: String = row[T.currency] {
            fields.amount = Money(minorUnits: minor, try Currency(code: code))
        }
        fields.expectedClose = (row[T.expectedClose] as String?).flatMap(CalendarDate.init(parsing:))
        fields.ownerID = row[T.ownerID]
        fields.partnerID = row[T.partnerID]
        fields.description = row[T.description]
        fields.closedOn = (row[T.closedOn] as String?).flatMap(CalendarDate.init(parsing:))
        fields.lostReasonID = row[T.lostReasonID]
        let id: Int64 = row[RecordColumns.id]
        guard let status = statuses[fields.statusID] else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "opportunity \(id) has no status")
        }
        return Opportunity(
            id: id, fields: fields, accountName: row[T.accountName],
            ownerName: fields.ownerID.flatMap { ownerNames[$0] }, statusName: status.name, statusKind: status.kind,
            statusColour: status.colour, effectiveProbability: fields.probability ?? status.probability,
            sortAmount: row[T.sortAmount], createdByID: row[RecordColumns.createdByID],
            createdAt: Date(millisecondsSince1970: row[RecordColumns.createdAt]),
            updatedAt: Date(millisecondsSince1970: row[RecordColumns.updatedAt]), version: row[RecordColumns.version])
    }
}
