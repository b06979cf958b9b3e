import CRMCore
import GRDB

/// What an activity row copies from the record it is about: the account whose timeline shows
/// it and that account's privacy. The triggers of migration v9 keep both current afterwards.
struct ActivityLink {
    var timelineAccountID: Int64?
    var privateOwnerID: Int64?

    /// Reads the target as the acting user sees it; an invisible target is reported as missing.
    static func of(
        _ target: ActivityTarget, _ db: Database, actor: User, database: AppDatabase
    ) throws -> ActivityLink {
        switch target {
        case .account(let id):
            let account = try database.accounts(actingAs: actor).fetch(db, id: id)
            return ActivityLink(timelineAccountID: id, privateOwnerID: account.isPrivate ? account.createdByID : nil)
        case .opportunity(let id):
            let sql: SQL = "SELECT account_id, private_owner_id FROM opportunities o WHERE o.id = \(id) AND \(Visibility(user: actor).opportunities("o"))"
            guard let row = try Row.fetchOne(db, SQLRequest<Row>(literal: sql)) else {
                throw RecordNotFoundError(entity: .opportunity, id: id)
            }
            return ActivityLink(timelineAccountID: row["account_id"], privateOwnerID: row["private_owner_id"])
        case .partner(let id):
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM partners WHERE id = ?", arguments: [id]) != nil else {
                throw RecordNotFoundError(entity: .partner, id: id)
            }
            return ActivityLink(timelineAccountID: nil, privateOwnerID: nil)
        case .lead(let id):
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM leads WHERE id = ?", arguments: [id]) != nil else {
                throw RecordNotFoundError(entity: .lead, id: id)
            }
            return ActivityLink(timelineAccountID: nil, privateOwnerID: nil)
        }
    }
}
