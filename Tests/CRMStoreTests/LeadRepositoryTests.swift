import CRMCore
@testable import CRMStore
import GRDB
import XCTest

/// Leads in the store (LD-1, LD-2, LD-8): defaults, journal, version check and the lead views.
final class LeadRepositoryTests: XCTestCase {
    private func lead(_ company: String, email: String = "") -> LeadDraft {
        var draft = LeadDraft()
        draft.company = company
        draft.email = email
        return draft
    }

    func testANewLeadIsIncomingUntouchedAndInTheFreePool() throws {
        let fixture = try Fixture()
        let leads = fixture.db.leads(actingAs: fixture.alice)
        var draft = lead("Kestrel Ltd", email: "info@kestrel.example")
        draft.value = Money(minorUnits: 1_250_000, try Currency(code: "EUR"))
        draft.tags = ["fair", "hot"]
        draft.customAttributes = ["form": "spring-webinar"]
        let saved = try leads.create(draft)
        XCTAssertEqual(saved.statusName, "New")
        XCTAssertEqual(saved.statusKind, .new)
        XCTAssertNil(saved.touchedAt)
        XCTAssertEqual(saved.value?.description, "12500.00 EUR")
        XCTAssertEqual(saved.tags, ["fair", "hot"])
        XCTAssertEqual(saved.customAttributes, ["form": "spring-webinar"])
        for view in [LeadQuery.View.open, .noTouch, .incoming, .freePool] {
            XCTAssertEqual(try leads.count(LeadQuery(view: view)).value, 1, "\(view)")
        }
        XCTAssertEqual(try leads.count(LeadQuery(view: .archived)).value, 0)
        XCTAssertEqual(try leads.count(LeadQuery(view: .mine)).value, 0)
        let history = try fixture.db.journal(actingAs: fixture.alice).history(of: .lead, id: saved.id)
        XCTAssertTrue(history.contains { $0.field == "company" && $0.newValue == "Kestrel Ltd" })
    }

    func testViewsFollowAssignmentArchivingAndStatus() throws {
        let fixture = try Fixture()
        let leads = fixture.db.leads(actingAs: fixture.alice)
        var mine = try leads.create(lead("Mine Ltd"))
        mine = try leads.update(id: mine.id, with: { var d = mine.fields; d.assigneeID = fixture.alice.id; return d }(),
                                expectedVersion: mine.version)
        let archived = try leads.create(lead("Old Ltd"))
        _ = try leads.setArchived(true, id: archived.id, expectedVersion: archived.version)
        let working = try fixture.db.leadStatuses.list().first { $0.kind == .working }
        var contacted = lead("Talking Ltd")
        contacted.statusID = working?.id
        _ = try leads.create(contacted)
        func names(_ view: LeadQuery.View) throws -> [String] {
            try leads.page(LeadQuery(view: view, sort: .name, ascending: true), .first, limit: 10).map(\.displayName)
        }
        XCTAssertEqual(try names(.open), ["Mine Ltd", "Talking Ltd"])
        XCTAssertEqual(try names(.incoming), ["Mine Ltd"])
        XCTAssertEqual(try names(.freePool), ["Talking Ltd"])
        XCTAssertEqual(try names(.mine), ["Mine Ltd"])
        XCTAssertEqual(try names(.archived), ["Old Ltd"])
        XCTAssertThrowsError(try leads.setArchived(false, id: archived.id, expectedVersion: archived.version)) {
            XCTAssertTrue($0 is StaleRecordError<Lead>, "\($0)")
        }
    }

    func testASalesActivityTouchesTheLeadAndAFutureCallPutsItInCallOn() throws {
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        let fixture = try Fixture(clock: { now })
        let leads = fixture.db.leads(actingAs: fixture.alice)
        let touched = try leads.create(lead("Called Ltd"))
        let waiting = try leads.create(lead("Waiting Ltd"))
        try fixture.db.writer.write { db in
            let call = try Int64.fetchOne(db, sql: "SELECT id FROM activity_categories WHERE name = 'Call'")!
            try db.execute(sql: """
                INSERT INTO sales_activities (category_id, at, duration_minutes, outcome, description, owner_id, lead_id,
                    created_by_id, created_at, updated_at) VALUES (?, ?, 15, '', '', ?, ?, ?, ?, ?)
                """, arguments: [call, now.millisecondsSince1970 + 86_400_000, fixture.alice.id, touched.id, fixture.alice.id,
                                 now.millisecondsSince1970, now.millisecondsSince1970])
        }
        XCTAssertNotNil(try leads.get(id: touched.id).touchedAt)
        XCTAssertEqual(try leads.page(LeadQuery(view: .noTouch), .first, limit: 10).map(\.id), [waiting.id])
        XCTAssertEqual(try leads.page(LeadQuery(view: .callOn), .first, limit: 10).map(\.id), [touched.id])
    }

    func testIntakeLeadsHaveNoCreatorAndBadReferencesAreRefused() throws {
        let fixture = try Fixture()
        let intake = fixture.db.leads(actingAs: nil)
        let posted = try intake.create(lead("Posted GmbH"))
        XCTAssertNil(posted.createdByID)
        var broken = lead("Broken Ltd")
        broken.campaignID = 999
        broken.assigneeID = 999
        XCTAssertThrowsError(try intake.create(broken)) { error in
            XCTAssertEqual(Set((error as? ValidationError)?.errors.map(\.field) ?? []), ["campaignID", "assigneeID"])
        }
        XCTAssertEqual(try intake.count(LeadQuery()).value, 1, "nothing half-written")
    }

    func testALeadSharingAKeyWithAnEarlierOneIsLinkedNotMerged() throws {
        let fixture = try Fixture()
        let intake = fixture.db.leads(actingAs: nil)
        var first = lead("Acme s.r.o.", email: "Ana.Novak@Example.com")
        first.firstName = "Ana"
        first.lastName = "Novák"
        let original = try intake.create(first)
        var again = lead("ACME", email: "ana.novak@example.com ")
        again.email = "ana.novak@example.com"
        let second = try intake.create(again)
        var byPhone = lead("Other Ltd")
        byPhone.phone = "+420 601 234 567"
        let third = try intake.create(byPhone)
        var samePhone = lead("Different Ltd")
        samePhone.mobile = "00420601234567"
        let fourth = try intake.create(samePhone)
        XCTAssertNil(original.duplicateOfID)
        XCTAssertEqual(second.duplicateOfID, original.id, "same e-mail, normalised")
        XCTAssertNil(third.duplicateOfID)
        XCTAssertEqual(fourth.duplicateOfID, third.id, "same phone in another form")
        var national = lead("Third Ltd")
        national.phone = "601 234 567"
        national.country = "CZ"
        XCTAssertEqual(try intake.create(national).duplicateOfID, third.id, "a national number takes the country's code")
        XCTAssertEqual(try intake.count(LeadQuery()).value, 5, "duplicates are kept as leads of their own")
        let history = try fixture.db.journal(actingAs: fixture.alice).history(of: .lead, id: second.id)
        XCTAssertTrue(history.contains { $0.field == "duplicateOf" && $0.newValue == String(original.id) })
    }
}
