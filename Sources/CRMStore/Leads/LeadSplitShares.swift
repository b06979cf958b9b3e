import CRMCore
import GRDB

/// What running and checking a splitter filter share: its text compiled into one condition over
/// `leads l`, and shares written as people read them.
enum LeadSplitShares {
    /// The filter text as one SQL condition over `leads l`. Words are part of the condition
    /// (no search index here: a run walks the unprocessed leads anyway); `nil` keeps every lead.
    static func condition(_ db: Database, _ text: String, database: AppDatabase, actor: User) throws -> SQL? {
        var catalog = try FilterCatalog.leads(db)
        catalog.ftsTable = nil
        let today = database.today
        let context = FilterContext(today: today, timeZone: .current, me: actor.id,
                                    rates: try MoneySettingsRepository.table(db, on: today))
        return try catalog.compile(text, context: context).condition
    }

    /// "Alice 33%, Bob 33%, Carol 34%", in the given order.
    static func text(_ db: Database, _ shares: [LeadShare]) throws -> String {
        let names = Dictionary(uniqueKeysWithValues: try Row.fetchAll(
            db, sql: "SELECT id, display_name FROM users").map { ($0["id"] as Int64, $0["display_name"] as String) })
        return shares.map { "\(names[$0.userID] ?? "user \($0.userID)") \($0.percent)%" }.joined(separator: ", ")
    }
}
