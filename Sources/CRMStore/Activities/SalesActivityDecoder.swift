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
        let target: ActivityTarget
        if let id: Int64 = row["opportunity_id"] {
            target = .opportunity(id)
        } else if let id: Int64 = row["account_id"] {
            target = .account(id)
        } else if let id: Int64 = row["partner_id"] {
            target = .partner(id)
        } else if let id: Int64 = row["lead_id"] {
            target = .lead(id)
        } else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "sales activity \(row["id"] as Int64) has no record")
        }
        var fields = SalesActivityDraft(
            target: target, categoryID: row["category_id"], at: Date(millisecondsSince1970: row["at"]),
            ownerID: row["owner_id"], durationMinutes: row["duration_minutes"])
        fields.outcome = row["outcome"]
        fields.description = row["description"]
        let categoryID = fields.categoryID ?? 0
        return SalesActivity(
            id: row["id"], fields: fields, categoryName: categoryNames[categoryID] ?? "#\(categoryID)",
            ownerName: userNames[fields.ownerID] ?? "#\(fields.ownerID)", opportunityName: row["opportunity_name"],
            createdByID: row["created_by_id"], createdAt: Date(millisecondsSince1970: row["created_at"]),
            updatedAt: Date(millisecondsSince1970: row["updated_at"]), version: row["version"])
    }
}
