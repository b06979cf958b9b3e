import CRMCore
import Foundation
import GRDB

/// Turns `sales_activities` rows into `SalesActivity` values, naming categories and owners from
/// the small `activity_categories` and `users` tables read once per page.
struct SalesActivityDecoder {
    let categoryNames: [Int64: String]
    let userNames: [Int64: String]

    init(_ db: Database) throws {
        let categories = try Row.fetchAll(db, sql: "SELECT id, name FROM activity_categories")
        categoryNames = Dictionary(uniqueKeysWithValues: categories.map { ($0["id"] as Int64, $0["name"] as String) })
        let users = try Row.fetchAll(db, sql: "SELECT id, display_name FROM users")
        userNames = Dictionary(uniqueKeysWithValues: users.map { ($0["id"] as Int64, $0["display_name"] as String) })
    }

    func activity(_ row: Row) throws -> SalesActivity {
        typealias T = SalesActivityTable
        let activityID: Int64 = row[RecordColumns.id]
        let target: ActivityTarget
        if let id: Int64 = row[T.opportunityID] {
            target = .opportunity(id)
        } else if let id: Int64 = row[T.accountID] {
            target = .account(id)
        } else if let id: Int64 = row[T.partnerID] {
            target = .partner(id)
        } else if let id: Int64 = row[T.leadID] {
            target = .lead(id)
        } else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "sales activity \(activityID) has no record")
        }
        var fields = SalesActivityDraft(
            target: target, categoryID: row[T.categoryID], at: Date(millisecondsSince1970: row[T.at]),
            ownerID: row[T.ownerID], durationMinutes: row[T.durationMinutes])
        fields.outcome = row[T.outcome]
        fields.description = row[T.description]
        let categoryID = fields.categoryID ?? 0
        return SalesActivity(
            id: activityID, fields: fields, categoryName: categoryNames[categoryID] ?? "#\(categoryID)",
            ownerName: userNames[fields.ownerID] ?? "#\(fields.ownerID)", opportunityName: row["opportunity_name"],
            createdByID: row[RecordColumns.createdByID], createdAt: Date(millisecondsSince1970: row[RecordColumns.createdAt]),
            updatedAt: Date(millisecondsSince1970: row[RecordColumns.updatedAt]), version: row[RecordColumns.version])
    }
}
