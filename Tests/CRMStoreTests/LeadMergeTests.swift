import CRMCore
@testable import CRMStore
import GRDB
import XCTest

/// Merging duplicate leads (LP-7): chosen values, everything linked re-pointed, keys re-indexed,
/// both histories in the journal, version checks, refusals and one transaction.
final class LeadMergeTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_795_000_000)

    private func lead(_ first: String, _ last: String, company: String = "", email: String = "",
                      phone: String = "") -> LeadDraft {
        var draft = LeadDraft()
        draft.firstName = first
        draft.lastName = last
        draft.company = company
        draft.email = email
        draft.phone = phone
        return draft
    }

    /// An original, its duplicate (same e-mail) with an activity, a payload, a receipt and a
    /// share, and a third lead flagged as a duplicate of the duplicate's phone.
    private struct Scene {
        let fixture: Fixture
        let original: Lead
        let duplicate: Lead
        let third: Lead
        var leads: LeadRepository { fixture.db.leads(actingAs: fixture.alice) }
    }

    private func scene() throws -> Scene {
        let fixture = try Fixture(clock: { [now] in now })
        let leads = fixture.db.leads(actingAs: fixture.alice)
        var first = lead("Ana", "Novak", company: "Kestrel Ltd", email: "ana@kestrel.example")
        first.source = "web form"
        let original = try leads.create(first)
        var second = lead("Anna", "Novak", email: "ANA@kestrel.example", phone: "+420 601 234 567")
        second.jobTitle = "Buyer"
        second.source = "trade fair"
        second.customAttributes = ["booth": "B12"]
        let duplicate = try leads.create(second)
        let third = try leads.create(lead("Petr", "Dvorak", phone: "+420601234567"))
        try fixture.db.writer.write { db in
            let call = try Int64.fetchOne(db, sql: "SELECT id FROM activity_categories WHERE name = 'Call'")!
            let stamp = now.millisecondsSince1970
            try db.execute(sql: """
                INSERT INTO sales_activities (category_id, at, duration_minutes, outcome, description, owner_id, lead_id,
                    created_by_id, created_at, updated_at) VALUES (?, ?, 15, '', '', ?, ?, ?, ?, ?)
                """, arguments: [call, stamp, fixture.alice.id, duplicate.id, fixture.alice.id, stamp, stamp])
            try db.execute(sql: """
                INSERT INTO api_keys (id, name, key_prefix, key_hash, mapping, created_at) VALUES (1, 'form', 'k', 'h', 'generic', 0);
                INSERT INTO lead_payloads (lead_id, api_key_id, received_at, content_type, body) VALUES (?, 1, 0, 'application/json', '{}');
                INSERT INTO lead_payloads (lead_id, api_key_id, received_at, content_type, body) VALUES (?, 1, 0, 'application/json', '{"a":1}');
                INSERT INTO intake_receipts (api_key_id, idempotency_key, lead_id, received_at) VALUES (1, 'retry-1', ?, 0);
                INSERT INTO lead_shares (lead_id, user_id, percent) VALUES (?, ?, 100);
                """, arguments: [original.id, duplicate.id, duplicate.id, duplicate.id, fixture.bob.id])
        }
        return Scene(fixture: fixture, original: try leads.get(id: original.id), duplicate: try leads.get(id: duplicate.id),
                     third: try leads.get(id: third.id))
    }

    private func count(_ fixture: Fixture, _ sql: String, _ arguments: StatementArguments = []) throws -> Int {
        try fixture.db.writer.read { db in try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0 }
    }

    func testTheSceneIsLinkedAsIntakeLinksDuplicates() throws {
        let scene = try scene()
        XCTAssertEqual(scene.duplicate.duplicateOfID, scene.original.id)
        XCTAssertEqual(scene.third.duplicateOfID, scene.duplicate.id)
    }

    func testDefaultChoicesKeepTheKeptValuesAndFillItsEmptyFields() throws {
        let scene = try scene()
        let choices = LeadMergeChoices(kept: scene.original.fields, removed: scene.duplicate.fields)
        XCTAssertEqual(choices.side(of: .firstName), .kept)
        XCTAssertEqual(choices.side(of: .phone), .removed, "the kept lead has no phone")
        XCTAssertEqual(choices.side(of: .company), .kept, "the removed lead has no company to offer")
        XCTAssertEqual(choices.differingRows, [.firstName, .company, .jobTitle, .email, .phone, .source])
        let merged = choices.merged
        XCTAssertEqual(merged.firstName, "Ana")
        XCTAssertEqual(merged.phone, "+420 601 234 567")
        XCTAssertEqual(merged.jobTitle, "Buyer")
        XCTAssertEqual(merged.customAttributes, ["booth": "B12"])
    }

    func testPreviewNamesTheMatchAndWhatWillMove() throws {
        let scene = try scene()
        let preview = try scene.leads.mergePreview(keep: scene.original.id, remove: scene.duplicate.id)
        XCTAssertEqual(preview.match?.description, "matched on e-mail")
        XCTAssertEqual(preview.moves.description, "1 activity, 1 payload, 1 intake receipt, 1 share, 1 linked duplicate")
        XCTAssertEqual(preview.text(of: .status, .kept), "New")
        XCTAssertEqual(preview.text(of: .email, .removed), "ANA@kestrel.example")
    }

    func testMergeAppliesChoicesAndRepointsEverythingLinked() throws {
        let scene = try scene()
        let (original, duplicate, third) = (scene.original, scene.duplicate, scene.third)
        var choices = LeadMergeChoices(kept: original.fields, removed: duplicate.fields)
        choices.choose(.removed, for: .firstName)
        choices.choose(.removed, for: .source)
        let (merged, moved) = try scene.leads.merge(keep: original.id, remove: duplicate.id, choices: choices,
                                                   expectedVersions: (original.version, duplicate.version))
        XCTAssertEqual(moved.activities, 1)
        XCTAssertEqual(merged.firstName, "Anna")
        XCTAssertEqual(merged.source, "trade fair")
        XCTAssertEqual(merged.company, "Kestrel Ltd")
        XCTAssertEqual(merged.email, "ana@kestrel.example")
        XCTAssertEqual(merged.phone, "+420 601 234 567")
        XCTAssertEqual(merged.version, original.version + 1)
        XCTAssertEqual(merged.touchedAt, now, "the removed lead's activity touched it")
        XCTAssertThrowsError(try scene.leads.get(id: duplicate.id)) { XCTAssertTrue($0 is RecordNotFoundError) }
        let fixture = scene.fixture
        let on = StatementArguments([original.id])
        XCTAssertEqual(try count(fixture, "SELECT count(*) FROM sales_activities WHERE lead_id = ?", on), 1)
        XCTAssertEqual(try count(fixture, "SELECT count(*) FROM lead_payloads WHERE lead_id = ?", on), 2)
        XCTAssertEqual(try count(fixture, "SELECT count(*) FROM intake_receipts WHERE lead_id = ?", on), 1)
        XCTAssertEqual(try count(fixture, "SELECT count(*) FROM lead_shares WHERE lead_id = ? AND user_id = ?",
                                 [original.id, fixture.bob.id]), 1)
        XCTAssertEqual(try scene.leads.get(id: third.id).duplicateOfID, original.id)
        XCTAssertEqual(try count(fixture, "SELECT count(*) FROM lead_keys WHERE lead_id = ?", [duplicate.id]), 0)
        XCTAssertEqual(try count(fixture, "SELECT count(*) FROM lead_keys WHERE lead_id = ? AND kind = 'phone'", on), 1,
                       "the phone taken from the removed lead is a key of the kept lead now")
        XCTAssertEqual(try scene.leads.count(LeadQuery()).value, 2)
        XCTAssertEqual(try scene.leads.page(LeadQuery(filter: "Anna"), .first, limit: 5).map(\.id), [original.id],
                       "the search index follows the chosen name")
    }

    func testTheKeptLeadsJournalHoldsBothHistories() throws {
        let scene = try scene()
        let (original, duplicate) = (scene.original, scene.duplicate)
        let choices = LeadMergeChoices(kept: original.fields, removed: duplicate.fields)
        _ = try scene.leads.merge(keep: original.id, remove: duplicate.id, choices: choices,
                                  expectedVersions: (original.version, duplicate.version))
        let journal = scene.fixture.db.journal(actingAs: scene.fixture.alice)
        let history = try journal.history(of: .lead, id: original.id)
        XCTAssertTrue(history.contains { $0.field == "email" && $0.newValue == "ana@kestrel.example" }, "its own creation")
        XCTAssertTrue(history.contains {
            $0.field == "jobTitle" && $0.action == .create && $0.newValue == "Buyer" && $0.mergedFromID == duplicate.id
        }, "the removed lead's creation, marked as its own")
        XCTAssertTrue(history.contains { $0.field == "duplicateOf" && $0.mergedFromID == duplicate.id })
        XCTAssertTrue(history.filter { $0.field == "firstName" && $0.action == .create }.map(\.mergedFromID)
                      .elementsEqual([duplicate.id, nil]), "both creations, newest first, each with its origin")
        XCTAssertTrue(history.contains { $0.field == "mergedFrom" && $0.newValue == "#\(duplicate.id) Anna Novak" })
        XCTAssertTrue(history.contains { $0.field == "phone" && $0.action == .update && $0.newValue == "+420 601 234 567" })
        let removed = try journal.history(of: .lead, id: duplicate.id)
        XCTAssertEqual(removed.map(\.action), [.delete, .update])
        XCTAssertEqual(removed.last?.field, "mergedInto")
        XCTAssertEqual(removed.last?.newValue, "#\(original.id)")
    }

    func testAChangedLeadOnEitherSideIsRefusedAsStale() throws {
        let scene = try scene()
        let (original, duplicate) = (scene.original, scene.duplicate)
        let choices = LeadMergeChoices(kept: original.fields, removed: duplicate.fields)
        var edited = duplicate.fields
        edited.jobTitle = "Head of buying"
        let fresh = try scene.fixture.db.leads(actingAs: scene.fixture.bob)
            .update(id: duplicate.id, with: edited, expectedVersion: duplicate.version)
        XCTAssertThrowsError(try scene.leads.merge(keep: original.id, remove: duplicate.id, choices: choices,
                                                   expectedVersions: (original.version, duplicate.version))) {
            XCTAssertEqual(($0 as? StaleRecordError<Lead>)?.fresh.jobTitle, "Head of buying")
        }
        XCTAssertThrowsError(try scene.leads.merge(keep: original.id, remove: duplicate.id, choices: choices,
                                                   expectedVersions: (original.version - 1, fresh.version))) {
            XCTAssertEqual(($0 as? StaleRecordError<Lead>)?.fresh.id, original.id)
        }
        XCTAssertEqual(try scene.leads.get(id: duplicate.id).jobTitle, "Head of buying")
    }

    func testMergingALeadWithItselfOrTwoDifferentOpportunitiesIsRefused() throws {
        let scene = try scene()
        let (original, duplicate) = (scene.original, scene.duplicate)
        let choices = LeadMergeChoices(kept: original.fields, removed: original.fields)
        XCTAssertThrowsError(try scene.leads.merge(keep: original.id, remove: original.id, choices: choices,
                                                   expectedVersions: (original.version, original.version))) {
            XCTAssertEqual($0 as? RuleViolationError, RuleViolationError("A lead cannot be merged with itself."))
        }
        let opportunities = scene.fixture.db.opportunities(actingAs: scene.fixture.alice)
        let statusID = try XCTUnwrap(scene.fixture.db.opportunityStatuses(actingAs: scene.fixture.alice).list().first).id
        for lead in [original, duplicate] {
            let opportunity = try opportunities.create(OpportunityDraft(name: "Deal \(lead.id)", statusID: statusID))
            try scene.fixture.db.writer.write { db in
                try db.execute(sql: "UPDATE leads SET opportunity_id = ? WHERE id = ?", arguments: [opportunity.id, lead.id])
            }
        }
        XCTAssertThrowsError(try scene.leads.merge(keep: original.id, remove: duplicate.id, choices: choices,
                                                   expectedVersions: (original.version, duplicate.version))) {
            XCTAssertTrue(($0 as? RuleViolationError)?.message.contains("different opportunities") == true, "\($0)")
        }
    }

    func testAnAnonymizedLeadIsNotMerged() throws {
        let scene = try scene()
        let (original, duplicate) = (scene.original, scene.duplicate)
        try scene.fixture.db.writer.write { db in
            try db.execute(sql: "UPDATE leads SET anonymized_at = 1 WHERE id = ?", arguments: [duplicate.id])
        }
        let choices = LeadMergeChoices(kept: original.fields, removed: duplicate.fields)
        XCTAssertThrowsError(try scene.leads.merge(keep: original.id, remove: duplicate.id, choices: choices,
                                                   expectedVersions: (original.version, duplicate.version))) {
            XCTAssertTrue(($0 as? RuleViolationError)?.message.contains("anonymized") == true, "\($0)")
        }
        XCTAssertNoThrow(try scene.leads.get(id: duplicate.id))
    }

    func testTheKeptLeadTakesTheLinksItLacks() throws {
        let scene = try scene()
        let (original, duplicate) = (scene.original, scene.duplicate)
        let account = try scene.fixture.db.accounts(actingAs: scene.fixture.alice).create(scene.fixture.company("Kestrel Ltd"))
        try scene.fixture.db.writer.write { db in
            try db.execute(sql: "UPDATE leads SET account_id = ? WHERE id = ?", arguments: [account.id, duplicate.id])
        }
        let choices = LeadMergeChoices(kept: original.fields, removed: duplicate.fields)
        let (merged, _) = try scene.leads.merge(keep: original.id, remove: duplicate.id, choices: choices,
                                               expectedVersions: (original.version, duplicate.version))
        XCTAssertEqual(merged.history.accountID, account.id)
    }

    func testAFailureHalfwayLeavesBothLeadsAsTheyWere() throws {
        let scene = try scene()
        let (original, duplicate) = (scene.original, scene.duplicate)
        let fixture = scene.fixture
        let journalRows = try count(fixture, "SELECT count(*) FROM journal")
        try fixture.db.writer.write { db in
            try db.execute(sql: "CREATE TRIGGER injected BEFORE DELETE ON leads BEGIN SELECT RAISE(ABORT, 'injected'); END")
        }
        var choices = LeadMergeChoices(kept: original.fields, removed: duplicate.fields)
        choices.choose(.removed, for: .firstName)
        XCTAssertThrowsError(try scene.leads.merge(keep: original.id, remove: duplicate.id, choices: choices,
                                                   expectedVersions: (original.version, duplicate.version)))
        XCTAssertEqual(try scene.leads.get(id: original.id), original)
        XCTAssertEqual(try scene.leads.get(id: duplicate.id), duplicate)
        XCTAssertEqual(try scene.leads.get(id: scene.third.id).duplicateOfID, duplicate.id)
        XCTAssertEqual(try count(fixture, "SELECT count(*) FROM sales_activities WHERE lead_id = ?", [duplicate.id]), 1)
        XCTAssertEqual(try count(fixture, "SELECT count(*) FROM lead_payloads WHERE lead_id = ?", [duplicate.id]), 1)
        XCTAssertEqual(try count(fixture, "SELECT count(*) FROM lead_keys WHERE lead_id = ?", [duplicate.id]), 2)
        XCTAssertEqual(try count(fixture, "SELECT count(*) FROM journal"), journalRows)
    }
}
