import CRMCore
import CRMStore
import Foundation
import XCTest

final class SalesActivityTests: XCTestCase {
    private let base = Date(timeIntervalSince1970: 1_790_000_000)

    private func category(_ fixture: Fixture, _ name: String) throws -> ActivityCategory {
        try XCTUnwrap(fixture.db.activityCategories(actingAs: fixture.admin).list().first { $0.name == name })
    }

    private func draft(_ fixture: Fixture, on target: ActivityTarget, minutes: Int, owner: User? = nil) throws -> SalesActivityDraft {
        var draft = SalesActivityDraft(
            target: target, categoryID: try category(fixture, "Call").id, at: base.addingTimeInterval(Double(minutes) * 60),
            ownerID: (owner ?? fixture.alice).id, durationMinutes: 15)
        draft.outcome = "call at +\(minutes)"
        return draft
    }

    private func opportunity(_ fixture: Fixture, _ name: String, account: Int64?, as user: User? = nil) throws -> Opportunity {
        let status = try XCTUnwrap(fixture.db.opportunityStatuses(actingAs: fixture.admin).list().first)
        var draft = OpportunityDraft(name: name, statusID: status.id)
        draft.accountID = account
        return try fixture.db.opportunities(actingAs: user ?? fixture.alice).create(draft)
    }

    func testCategoriesAreSeededAndCannotBeDeletedWhileUsed() throws {
        let fixture = try Fixture()
        let categories = fixture.db.activityCategories(actingAs: fixture.admin)
        XCTAssertEqual(try categories.list().map(\.name), ["Call", "Meeting", "E-mail", "Note"])
        let demo = try categories.create(name: "Demo")
        XCTAssertEqual(demo.position, 5)
        XCTAssertThrowsError(try categories.create(name: "Call")) { XCTAssertTrue($0 is ValidationError) }
        XCTAssertThrowsError(try categories.create(name: "  ")) { XCTAssertTrue($0 is ValidationError) }
        let account = try fixture.db.accounts(actingAs: fixture.alice).create(fixture.company("Acme"))
        for minutes in [0, 10] {
            _ = try fixture.db.salesActivities(actingAs: fixture.alice).create(draft(fixture, on: .account(account.id), minutes: minutes))
        }
        let call = try category(fixture, "Call")
        XCTAssertThrowsError(try categories.delete(id: call.id, expectedVersion: call.version)) { error in
            XCTAssertEqual("\(error)", "The activity category \"Call\" is used by 2 activities; give them another activity category first.")
        }
        try categories.delete(id: demo.id, expectedVersion: demo.version)
        XCTAssertEqual(try categories.list().count, 4)
    }

    func testWritesAreJournaledAndAStaleEditIsRefused() throws {
        let fixture = try Fixture()
        let account = try fixture.db.accounts(actingAs: fixture.alice).create(fixture.company("Acme"))
        let alices = fixture.db.salesActivities(actingAs: fixture.alice)
        let created = try alices.create(draft(fixture, on: .account(account.id), minutes: 0))
        XCTAssertEqual(created.categoryName, "Call")
        XCTAssertEqual(created.ownerName, "Alice")

        var bobsEdit = created.fields
        bobsEdit.outcome = "Agreed a demo"
        bobsEdit.durationMinutes = 45
        let saved = try fixture.db.salesActivities(actingAs: fixture.bob).update(
            id: created.id, with: bobsEdit, expectedVersion: created.version)
        XCTAssertEqual(saved.version, created.version + 1)

        var alicesEdit = created.fields
        alicesEdit.outcome = "No answer"
        XCTAssertThrowsError(try alices.update(id: created.id, with: alicesEdit, expectedVersion: created.version)) { error in
            XCTAssertEqual((error as? StaleRecordError<SalesActivity>)?.fresh.outcome, "Agreed a demo")
        }
        XCTAssertEqual(try alices.get(id: created.id).outcome, "Agreed a demo", "the stale edit wrote nothing")
        XCTAssertThrowsError(try alices.delete(id: created.id, expectedVersion: created.version))
        try alices.delete(id: created.id, expectedVersion: saved.version)
        XCTAssertThrowsError(try alices.get(id: created.id)) { XCTAssertTrue($0 is RecordNotFoundError) }

        let history = try fixture.db.journal(actingAs: fixture.admin).history(of: .salesActivity, id: created.id)
        XCTAssertEqual(history.first?.action, .delete)
        let updates = history.filter { $0.action == .update }
        XCTAssertEqual(Set(updates.compactMap(\.field)), ["outcome", "durationMinutes"])
        XCTAssertEqual(updates.first { $0.field == "outcome" }?.newValue, "Agreed a demo")
        XCTAssertTrue(history.contains { $0.action == .create && $0.field == "accountID" && $0.newValue == String(account.id) })
    }

    func testInvalidDraftsAndReferencesAreRefusedWithFieldErrors() throws {
        let fixture = try Fixture()
        let account = try fixture.db.accounts(actingAs: fixture.alice).create(fixture.company("Acme"))
        var bad = try draft(fixture, on: .account(account.id), minutes: 0)
        bad.categoryID = 9_999
        bad.ownerID = 9_999
        XCTAssertThrowsError(try fixture.db.salesActivities(actingAs: fixture.alice).create(bad)) { error in
            XCTAssertEqual(Set((error as? ValidationError)?.errors.map(\.field) ?? []), ["categoryID", "ownerID"])
        }
        let missing = try draft(fixture, on: .opportunity(4_242), minutes: 0)
        XCTAssertThrowsError(try fixture.db.salesActivities(actingAs: fixture.alice).create(missing)) { error in
            XCTAssertEqual(error as? RecordNotFoundError, RecordNotFoundError(entity: .opportunity, id: 4_242))
        }
    }

    func testAccountTimelineHoldsItsOpportunitiesActivitiesNewestFirstAndPages() throws {
        let fixture = try Fixture()
        let accounts = fixture.db.accounts(actingAs: fixture.alice)
        let acme = try accounts.create(fixture.company("Acme"))
        let other = try accounts.create(fixture.company("Other"))
        let deal = try opportunity(fixture, "Fleet renewal", account: acme.id)
        let elsewhere = try opportunity(fixture, "Unrelated", account: other.id)
        let activities = fixture.db.salesActivities(actingAs: fixture.alice)
        // Interleaved in time: account, opportunity, account, ... plus noise on another account.
        var expected: [Int64] = []
        for minutes in 0..<7 {
            let target: ActivityTarget = minutes.isMultiple(of: 2) ? .account(acme.id) : .opportunity(deal.id)
            expected.append(try activities.create(draft(fixture, on: target, minutes: minutes * 30)).id)
            _ = try activities.create(draft(fixture, on: .opportunity(elsewhere.id), minutes: minutes * 30 + 1))
            _ = try activities.create(draft(fixture, on: .account(other.id), minutes: minutes * 30 + 2))
        }
        // Two at the same moment are ordered by id, newest id first.
        var twin = try draft(fixture, on: .account(acme.id), minutes: 6 * 30)
        twin.outcome = "same minute"
        expected.append(try activities.create(twin).id)
        let newestFirst = Array(expected.reversed())

        let first = try activities.timeline(of: .account(acme.id), .first, limit: 3)
        XCTAssertEqual(first.map(\.id), Array(newestFirst.prefix(3)))
        XCTAssertEqual(first.map(\.opportunityName), [nil, nil, "Fleet renewal"])
        let second = try activities.timeline(of: .account(acme.id), .after(try XCTUnwrap(first.last).timelineCursor), limit: 3)
        XCTAssertEqual(second.map(\.id), Array(newestFirst[3..<6]))
        let back = try activities.timeline(of: .account(acme.id), .before(try XCTUnwrap(second.first).timelineCursor), limit: 2)
        XCTAssertEqual(back.map(\.id), Array(newestFirst[1..<3]))
        let last = try activities.timeline(of: .account(acme.id), .last, limit: 2)
        XCTAssertEqual(last.map(\.id), Array(newestFirst.suffix(2)))
        XCTAssertEqual(try activities.count(of: .account(acme.id)).value, 8)
        XCTAssertEqual(try activities.timeline(of: .opportunity(deal.id), .first, limit: 10).count, 3)

        // Moving the opportunity to another account moves its activities to that timeline.
        var moved = deal.fields
        moved.accountID = other.id
        _ = try fixture.db.opportunities(actingAs: fixture.alice).update(id: deal.id, with: moved, expectedVersion: deal.version)
        XCTAssertEqual(try activities.count(of: .account(acme.id)).value, 5)
        XCTAssertEqual(try activities.count(of: .account(other.id)).value, 7 + 7 + 3)
    }

    func testActivitiesFollowTheirAccountsPrivacy() throws {
        let fixture = try Fixture()
        let accounts = fixture.db.accounts(actingAs: fixture.alice)
        let account = try accounts.create(fixture.company("Quiet Ltd"))
        let deal = try opportunity(fixture, "Hush", account: account.id)
        let alices = fixture.db.salesActivities(actingAs: fixture.alice)
        let bobs = fixture.db.salesActivities(actingAs: fixture.bob)
        let own = try alices.create(draft(fixture, on: .account(account.id), minutes: 0))
        _ = try alices.create(draft(fixture, on: .opportunity(deal.id), minutes: 5))
        XCTAssertEqual(try bobs.count(of: .account(account.id)).value, 2)

        var secret = account.fields
        secret.isPrivate = true
        let hidden = try accounts.update(id: account.id, with: secret, expectedVersion: account.version)
        XCTAssertEqual(try bobs.count(of: .account(account.id)).value, 0)
        XCTAssertEqual(try bobs.count(of: .opportunity(deal.id)).value, 0)
        XCTAssertThrowsError(try bobs.get(id: own.id)) { XCTAssertTrue($0 is RecordNotFoundError) }
        XCTAssertThrowsError(try bobs.create(draft(fixture, on: .account(account.id), minutes: 9, owner: fixture.bob))) {
            XCTAssertTrue($0 is RecordNotFoundError, "an invisible account is as good as missing")
        }
        XCTAssertEqual(try alices.count(of: .account(account.id)).value, 2, "the creator still sees everything")
        let added = try alices.create(draft(fixture, on: .account(account.id), minutes: 10))
        XCTAssertThrowsError(try bobs.get(id: added.id))

        var open = hidden.fields
        open.isPrivate = false
        _ = try accounts.update(id: account.id, with: open, expectedVersion: hidden.version)
        XCTAssertEqual(try bobs.count(of: .account(account.id)).value, 3)
    }
}
