import CRMCore
import CRMStore
import Foundation
import GRDB
import XCTest

/// A routing explanation quotes the lead's own value when a rule compares a personal field
/// ("e-mail is … (one of …)"); anonymizing the lead (LD-9) erases that too.
final class LeadAnonymizeRoutingTests: XCTestCase {
    func testTheRoutingExplanationDoesNotKeepAnErasedEmail() throws {
        let path = try temporaryDatabasePath(self)
        let fixture = try Fixture(database: AppDatabase.open(path: path))
        // The rule lists the e-mail in capitals, so the file holds the lead's own spelling only
        // where the lead's data is.
        let secret = "ottoline.brackenbury-5d1f@example.org"
        _ = try fixture.db.leadRules(actingAs: fixture.admin).create(
            LeadRule(name: "VIP", conditions: [.oneOf(.email, [secret.uppercased(), "someone@example.org"])], outcome: .assignee(fixture.bob.id)))
        let leads = fixture.db.leads(actingAs: fixture.alice)
        var draft = LeadDraft()
        draft.lastName = "Brackenbury"
        draft.email = secret
        let created = try leads.create(draft, routed: true)
        XCTAssertTrue(created.history.routingExplanation.contains(secret), "the check would see the quoted e-mail")
        let rerouted = try leads.route(id: created.id, expectedVersion: created.version)

        let anonymized = try leads.anonymize(id: created.id, expectedVersion: rerouted.version)
        XCTAssertFalse(anonymized.history.routingExplanation.contains(secret), anonymized.history.routingExplanation)
        XCTAssertEqual(anonymized.history.routingRuleID, created.history.routingRuleID, "which rule routed it stays")
        XCTAssertEqual(anonymized.assigneeID, fixture.bob.id)
        for entry in try fixture.db.journal(actingAs: fixture.alice).history(of: .lead, id: created.id) {
            XCTAssertFalse((entry.oldValue ?? "").contains(secret) || (entry.newValue ?? "").contains(secret),
                           "journal \(entry.field ?? "-") still quotes the e-mail")
        }
        try DatabaseQueue(path: path).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        for file in [path, path + "-wal"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data()
            XCTAssertNil(bytes.range(of: Data(secret.utf8)), "the e-mail is still in \(file)")
        }
    }
}
