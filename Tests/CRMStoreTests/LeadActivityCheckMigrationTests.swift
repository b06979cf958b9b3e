import CRMCore
import CRMStore
import Foundation
import GRDB
import XCTest

/// Databases created before v13 keep v11's check that an activity belongs to an opportunity,
/// an account or a partner; opening them with this build must let activities belong to a lead.
final class LeadActivityCheckMigrationTests: XCTestCase {
    func testAnOlderDatabaseAcceptsActivitiesOnLeadsAfterOpening() throws {
        let path = try temporaryDatabasePath(self)
        let fixture = try Fixture(database: AppDatabase.open(path: path))
        var draft = LeadDraft()
        draft.company = "Kestrel Ltd"
        let lead = try fixture.db.leads(actingAs: fixture.alice).create(draft)
        let call = try XCTUnwrap(fixture.db.activityCategories(actingAs: fixture.alice).list().first { $0.name == "Call" })
        var company = AccountDraft(typeID: fixture.companyType.id)
        company.name = "Osprey plc"
        let account = try fixture.db.accounts(actingAs: fixture.alice).create(company)
        _ = try fixture.db.salesActivities(actingAs: fixture.alice).create(
            SalesActivityDraft(target: .account(account.id), categoryID: call.id, at: Date(), ownerID: fixture.alice.id))
        try Self.restoreTheCheckOfVersion11(path)

        let reopened = try AppDatabase.open(path: path)
        let activities = reopened.salesActivities(actingAs: fixture.alice)
        var onLead = SalesActivityDraft(target: .lead(lead.id), categoryID: call.id, at: Date(), ownerID: fixture.alice.id)
        onLead.outcome = "Called back"
        XCTAssertNoThrow(try activities.create(onLead))
        XCTAssertEqual(try activities.timeline(of: .lead(lead.id), .first, limit: 5).map(\.outcome), ["Called back"])
        XCTAssertEqual(try activities.timeline(of: .account(account.id), .first, limit: 5).count, 1, "kept the older activity")
        try DatabaseQueue(path: path).read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "PRAGMA user_version"), AppDatabase.schemaVersion)
            XCTAssertEqual(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count, 0)
            for name in ["accounts_privacy_to_activities", "opportunities_account_to_activities", "leads_touched",
                         "sales_activities_of_lead", "sales_activities_on_account_timeline"] {
                XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name = ?", arguments: [name]), 1,
                               "\(name) is missing after the rebuild")
            }
        }
    }

    /// Puts back v11's check as such a database has it, and marks the database as not yet
    /// migrated past v17.
    private static func restoreTheCheckOfVersion11(_ path: String) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        try DatabaseQueue(path: path, configuration: configuration).write { db in
            // Every migration after v17 ("vN-…") runs again.
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE CAST(substr(identifier, 2, instr(identifier, '-') - 2) AS INTEGER) > 17")
            try db.execute(sql: "PRAGMA user_version = 17")
            let sql = try XCTUnwrap(String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'sales_activities'"))
            try db.execute(sql: "PRAGMA writable_schema = ON")
            try db.execute(sql: "UPDATE sqlite_master SET sql = ? WHERE name = 'sales_activities'",
                           arguments: [sql.replacingOccurrences(of: " + (lead_id IS NOT NULL) = 1)", with: " = 1)")])
            let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
            try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
            try db.execute(sql: "PRAGMA writable_schema = OFF")
        }
    }
}
