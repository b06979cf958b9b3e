import CRMCore
@testable import CRMStore
import Foundation
import GRDB
import XCTest

/// Opening a database made before v20 and v21: the lost reasons and closing columns arrive
/// without touching existing deals, and accounts that were both global and private stay
/// private, the dropped flag journaled.
final class ClosingAndVisibilityMigrationTests: XCTestCase {
    func testDealsClosedBeforeV20KeepTheirStateAndCanBeEditedAndReopened() throws {
        let path = try temporaryDatabasePath(self)
        let old = try DatabaseQueue(path: path, configuration: AppDatabase.configuration())
        try Schema.migrator.migrate(old, upTo: "v19-deferred-lead-indexing")
        try old.write { db in
            try db.execute(sql: "INSERT INTO users (login, display_name, role) VALUES ('alice', 'Alice', 'sales-rep')")
            try db.execute(sql: """
                INSERT INTO opportunities (name, status_id, description, created_by_id, created_at, updated_at,
                    sort_name, sort_account, sort_amount, sort_close, search_text, name_rank)
                SELECT 'Old pilot', id, '', 1, 0, 0, 'old pilot', '', -1, '~', ' old pilot', 65536
                FROM opportunity_statuses WHERE name = 'Lost'
                """)
        }
        try old.close()

        let database = try AppDatabase.open(path: path)
        let alice = try XCTUnwrap(database.users.find(login: "alice"))
        let deals = database.opportunities(actingAs: alice)
        let deal = try XCTUnwrap(deals.page(OpportunityQuery(), .first, limit: 5).first)
        XCTAssertEqual(deal.statusName, "Lost")
        XCTAssertNil(deal.closedOn, "the day it closed is not known, so not invented")
        XCTAssertNil(deal.lostReasonID)
        XCTAssertEqual(try database.lostReasons(actingAs: alice).list().count, 7)
        var edited = deal.fields
        edited.description = "From before lost reasons"
        let saved = try deals.update(id: deal.id, with: edited, expectedVersion: deal.version)
        let prospecting = try XCTUnwrap(database.opportunityStatuses(actingAs: alice).list().first)
        XCTAssertEqual(try deals.move(saved, to: saved.fields(movedTo: prospecting.id)).statusName, prospecting.name)
    }

    func testAccountsBothGlobalAndPrivateStayPrivateAndTheChangeIsJournaled() throws {
        let path = try temporaryDatabasePath(self)
        let fixture = try Fixture(database: AppDatabase.open(path: path))
        let account = try fixture.db.accounts(actingAs: fixture.alice).create(fixture.company("Acme"))
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: """
                DROP TRIGGER accounts_visibility_insert;
                DROP TRIGGER accounts_visibility_update;
                UPDATE accounts SET is_global = 1, is_private = 1;
                DELETE FROM grdb_migrations WHERE identifier = 'v21-account-visibility-one-choice';
                PRAGMA user_version = 20;
                """)
        }

        let reopened = try AppDatabase.open(path: path)
        let accounts = reopened.accounts(actingAs: fixture.alice)
        let upgraded = try accounts.get(id: account.id)
        XCTAssertEqual(upgraded.visibility, .private)
        XCTAssertFalse(upgraded.isGlobal)
        XCTAssertEqual(upgraded.version, account.version + 1)
        let change = try XCTUnwrap(reopened.journal(actingAs: fixture.alice).history(of: .account, id: account.id)
            .first { $0.action == .update })
        XCTAssertEqual([change.field, change.oldValue, change.newValue], ["isGlobal", "true", "false"])
        XCTAssertNil(change.userID, "made by the upgrade, not by a user")
        XCTAssertThrowsError(try reopened.writer.write { db in
            try db.execute(sql: "UPDATE accounts SET is_global = 1 WHERE id = ?", arguments: [account.id])
        })
    }
}
