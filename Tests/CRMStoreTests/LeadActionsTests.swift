import CRMCore
@testable import CRMStore
import GRDB
import XCTest

/// Disqualify (LD-6), add to account or partner (LD-7), take from the free pool, and the
/// splitter's recorded shares.
final class LeadActionsTests: XCTestCase {
    private func lead(_ fixture: Fixture, _ company: String = "Kestrel Ltd") throws -> Lead {
        var draft = LeadDraft()
        draft.company = company
        return try fixture.db.leads(actingAs: fixture.alice).create(draft)
    }

    func testDisqualifyNeedsADisqualifiedStatusAndAReason() throws {
        let fixture = try Fixture()
        let leads = fixture.db.leads(actingAs: fixture.alice)
        let lead = try lead(fixture)
        let statuses = try fixture.db.leadStatuses.list()
        let working = try XCTUnwrap(statuses.first { $0.kind == .working })
        let noBudget = try XCTUnwrap(statuses.first { $0.name == "Disqualified — no budget" })

        XCTAssertThrowsError(try leads.disqualify(id: lead.id, statusID: working.id, reason: "  ", expectedVersion: lead.version)) {
            XCTAssertEqual(Set(($0 as? ValidationError)?.errors.map(\.field) ?? []), ["statusID", "disqualifyReason"], "\($0)")
        }
        let disqualified = try leads.disqualify(id: lead.id, statusID: noBudget.id, reason: " Budget frozen until 2027 ",
                                                expectedVersion: lead.version)
        XCTAssertEqual(disqualified.statusName, "Disqualified — no budget")
        XCTAssertEqual(disqualified.statusKind, .disqualified)
        XCTAssertEqual(disqualified.history.disqualifyReason, "Budget frozen until 2027")
        XCTAssertEqual(try leads.count(LeadQuery(view: .open)).value, 0)
        let history = try fixture.db.journal(actingAs: fixture.alice).history(of: .lead, id: lead.id)
        XCTAssertTrue(history.contains { $0.field == "disqualifyReason" && $0.newValue == "Budget frozen until 2027" })
        XCTAssertThrowsError(try leads.disqualify(id: lead.id, statusID: noBudget.id, reason: "again",
                                                  expectedVersion: lead.version)) {
            XCTAssertTrue($0 is StaleRecordError<Lead>, "\($0)")
        }
    }

    func testAddToAccountAndToPartnerWhichClearsTheUserAssignee() throws {
        let fixture = try Fixture()
        let leads = fixture.db.leads(actingAs: fixture.alice)
        var lead = try lead(fixture)
        let account = try fixture.db.accounts(actingAs: fixture.alice).create(fixture.company("Kestrel Ltd"))
        lead = try leads.addToAccount(id: lead.id, accountID: account.id, expectedVersion: lead.version)
        XCTAssertEqual(lead.history.accountID, account.id)
        XCTAssertThrowsError(try leads.addToAccount(id: lead.id, accountID: account.id, expectedVersion: lead.version)) {
            XCTAssertTrue($0 is RuleViolationError, "\($0)")
        }

        var hidden = fixture.company("Bob's secret")
        hidden.isPrivate = true
        let secret = try fixture.db.accounts(actingAs: fixture.bob).create(hidden)
        XCTAssertThrowsError(try leads.addToAccount(id: lead.id, accountID: secret.id, expectedVersion: lead.version)) {
            XCTAssertTrue($0 is RecordNotFoundError, "someone else's private account is as good as missing: \($0)")
        }

        lead = try leads.take(id: lead.id, expectedVersion: lead.version)
        XCTAssertEqual(lead.assigneeID, fixture.alice.id)
        let partner = try fixture.db.partners(actingAs: fixture.alice).create(PartnerDraft(name: "Northwind Resellers"))
        lead = try leads.addToPartner(id: lead.id, partnerID: partner.id, expectedVersion: lead.version)
        XCTAssertEqual(lead.partnerID, partner.id)
        XCTAssertNil(lead.assigneeID)
        let history = try fixture.db.journal(actingAs: fixture.alice).history(of: .lead, id: lead.id)
        XCTAssertTrue(history.contains { $0.field == "assigneeID" && $0.oldValue == String(fixture.alice.id) && $0.newValue == "" })
        XCTAssertTrue(history.contains { $0.field == "account" && $0.newValue == String(account.id) })
    }

    func testOfTwoRepsTakingTheSameLeadTheSecondIsToldWhoWasFirst() throws {
        let fixture = try Fixture()
        let lead = try lead(fixture)
        let byAlice = fixture.db.leads(actingAs: fixture.alice), byBob = fixture.db.leads(actingAs: fixture.bob)
        let taken = try byBob.take(id: lead.id, expectedVersion: lead.version)
        XCTAssertEqual(taken.assigneeID, fixture.bob.id)
        XCTAssertEqual(try byBob.count(LeadQuery(view: .freePool)).value, 0)
        XCTAssertEqual(try byBob.count(LeadQuery(view: .mine)).value, 1)
        XCTAssertThrowsError(try byAlice.take(id: lead.id, expectedVersion: lead.version)) {
            XCTAssertEqual(($0 as? RuleViolationError)?.message, "“Kestrel Ltd” was already taken by Bob.")
        }
        XCTAssertEqual(try byAlice.get(id: lead.id).assigneeID, fixture.bob.id, "Bob keeps it")

        let other = try self.lead(fixture, "Osprey plc")
        let edited = try byBob.update(id: other.id, with: { var d = other.fields; d.source = "fair"; return d }(),
                                      expectedVersion: other.version)
        XCTAssertThrowsError(try byAlice.take(id: other.id, expectedVersion: other.version)) {
            XCTAssertTrue($0 is StaleRecordError<Lead>, "a stale free-pool lead is not taken blind: \($0)")
        }
        XCTAssertEqual(try byAlice.take(id: other.id, expectedVersion: edited.version).assigneeID, fixture.alice.id)
    }

}

/// Sales activities on a lead (LD-10).
final class LeadActivityTests: XCTestCase {
    func testAnActivityOnALeadIsOnItsTimelineAndAFutureCallPutsItInCallOn() throws {
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        let fixture = try Fixture(clock: { now })
        var draft = LeadDraft()
        draft.company = "Kestrel Ltd"
        let lead = try fixture.db.leads(actingAs: fixture.alice).create(draft)
        let activities = fixture.db.salesActivities(actingAs: fixture.alice)
        let call = try XCTUnwrap(fixture.db.activityCategories(actingAs: fixture.alice).list().first { $0.name == "Call" })
        var activity = SalesActivityDraft(target: .lead(lead.id), categoryID: call.id, at: now.addingTimeInterval(86_400),
                                          ownerID: fixture.alice.id, durationMinutes: 15)
        activity.outcome = "Demo booked"
        let saved = try activities.create(activity)
        XCTAssertEqual(saved.fields.target, .lead(lead.id))
        XCTAssertEqual(try activities.timeline(of: .lead(lead.id), .first, limit: 10).map(\.outcome), ["Demo booked"])
        let leads = fixture.db.leads(actingAs: fixture.alice)
        XCTAssertEqual(try leads.page(LeadQuery(view: .callOn), .first, limit: 10).map(\.id), [lead.id])
        XCTAssertNotNil(try leads.get(id: lead.id).touchedAt)
        XCTAssertThrowsError(try activities.create(SalesActivityDraft(target: .lead(999), categoryID: call.id, at: now,
                                                                      ownerID: fixture.alice.id))) {
            XCTAssertEqual($0 as? RecordNotFoundError, RecordNotFoundError(entity: .lead, id: 999))
        }
    }
}
