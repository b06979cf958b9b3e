import CRMCore
import CRMStore
import XCTest

final class OpportunityRepositoryTests: XCTestCase {
    private func status(_ fixture: Fixture, _ name: String) throws -> OpportunityStatus {
        try XCTUnwrap(fixture.db.opportunityStatuses(actingAs: fixture.admin).list().first { $0.name == name })
    }

    func testMoveIntoStatusWithEmptyRequiredFieldIsRefusedAndNamesTheFields() throws {
        let fixture = try Fixture()
        let repo = fixture.db.opportunities(actingAs: fixture.alice)
        let prospecting = try status(fixture, "Prospecting")
        let proposal = try status(fixture, "Proposal")
        let created = try repo.create(OpportunityDraft(name: "Fleet renewal", statusID: prospecting.id))

        XCTAssertThrowsError(try repo.move(created, to: created.fields(movedTo: proposal.id))) { error in
            let missing = error as? MissingRequiredFieldsError
            XCTAssertEqual(missing?.fields, [.accountID, .amount])
        }
        XCTAssertEqual(try repo.get(id: created.id).statusID, prospecting.id, "a refused move leaves the card where it was")

        let account = try fixture.db.accounts(actingAs: fixture.alice).create(fixture.company("Acme"))
        var filled = created.fields
        filled.accountID = account.id
        filled.amount = Money(12_500, try Currency(code: "USD"))
        filled.statusID = proposal.id
        let moved = try repo.update(id: created.id, with: filled, expectedVersion: created.version)
        XCTAssertEqual(moved.statusName, "Proposal")
        XCTAssertEqual(moved.accountName, "Acme")
        XCTAssertEqual(moved.amount?.description, "12500.00 USD")
        XCTAssertEqual(moved.effectiveProbability, 50)
    }

    func testAMoveOfACardSomeoneElseMovedMeanwhileIsRefusedAndSaysWho() throws {
        let fixture = try Fixture()
        let prospecting = try status(fixture, "Prospecting")
        let lost = try status(fixture, "Lost")
        let reason = try XCTUnwrap(fixture.db.lostReasons(actingAs: fixture.admin).list().first)
        let created = try fixture.db.opportunities(actingAs: fixture.alice).create(
            OpportunityDraft(name: "Pilot", statusID: prospecting.id))
        var lostDraft = created.fields(movedTo: lost.id)
        lostDraft.lostReasonID = reason.id
        _ = try fixture.db.opportunities(actingAs: fixture.bob).move(created, to: lostDraft)
        XCTAssertThrowsError(try fixture.db.opportunities(actingAs: fixture.alice).move(created, to: lostDraft)) { error in
            let conflict = error as? MoveConflictError
            XCTAssertEqual(conflict?.fresh.statusName, "Lost")
            XCTAssertEqual(conflict?.description, "Bob moved “Pilot” to Lost meanwhile")
        }
    }

    func testMovesAreJournaled() throws {
        let fixture = try Fixture()
        let repo = fixture.db.opportunities(actingAs: fixture.alice)
        let negotiation = try status(fixture, "Negotiation")
        var draft = OpportunityDraft(name: "Pilot", statusID: try status(fixture, "Prospecting").id)
        draft.accountID = try fixture.db.accounts(actingAs: fixture.alice).create(fixture.company("Acme")).id
        draft.amount = Money(100, try Currency(code: "EUR"))
        draft.expectedClose = CalendarDate(parsing: "2027-01-31")
        let created = try repo.create(draft)
        _ = try repo.move(created, to: created.fields(movedTo: negotiation.id))
        let history = try fixture.db.journal(actingAs: fixture.alice).history(of: .opportunity, id: created.id)
        let move = try XCTUnwrap(history.first { $0.action == .update })
        XCTAssertEqual(move.field, "statusID")
        XCTAssertEqual(move.newValue, String(negotiation.id))
    }

    func testStatusSetMustKeepAWonStatus() throws {
        let fixture = try Fixture()
        let statuses = fixture.db.opportunityStatuses(actingAs: fixture.admin)
        let won = try status(fixture, "Won")
        var changed = won.fields
        changed.kind = .open
        XCTAssertThrowsError(try statuses.update(id: won.id, with: changed, expectedVersion: won.version)) { error in
            XCTAssertTrue("\(error)".contains("at least one won status"), "\(error)")
        }
        XCTAssertThrowsError(try statuses.delete(id: won.id, expectedVersion: won.version))
        XCTAssertEqual(try status(fixture, "Won").kind, .won)
    }

    func testAmountsMoreExactThanTheCurrencyAreRefused() throws {
        var draft = OpportunityDraft(name: "Yen deal", statusID: 1)
        draft.amount = Money(Decimal(string: "10.5")!, try Currency(code: "JPY"))
        XCTAssertEqual(draft.validate().map(\.field), ["amount"])
        draft.amount = Money(Decimal(string: "10.25")!, try Currency(code: "EUR"))
        XCTAssertEqual(draft.validate(), [])
        XCTAssertEqual(draft.amount?.minorUnits, 1025)
    }

    func testOpportunitiesOfAPrivateAccountAreHiddenFromOthers() throws {
        let fixture = try Fixture()
        var secret = fixture.company("Secret Ltd")
        secret.isPrivate = true
        let account = try fixture.db.accounts(actingAs: fixture.alice).create(secret)
        var draft = OpportunityDraft(name: "Hush", statusID: try status(fixture, "Prospecting").id)
        draft.accountID = account.id
        let created = try fixture.db.opportunities(actingAs: fixture.alice).create(draft)
        XCTAssertThrowsError(try fixture.db.opportunities(actingAs: fixture.bob).get(id: created.id))
        XCTAssertEqual(try fixture.db.opportunities(actingAs: fixture.bob).count(OpportunityQuery()).value, 0)
        XCTAssertEqual(try fixture.db.opportunities(actingAs: fixture.alice).count(OpportunityQuery()).value, 1)
    }

    func testANewStatusTakesItsPlaceAndTheRestMoveOn() throws {
        let fixture = try Fixture()
        let statuses = fixture.db.opportunityStatuses(actingAs: fixture.admin)
        _ = try statuses.create(OpportunityStatusDraft(name: "Verbal commit", position: 4, probability: 90))
        XCTAssertEqual(try statuses.list().map(\.name),
                       ["Prospecting", "Qualification", "Proposal", "Verbal commit", "Negotiation", "Won", "Lost"])
        XCTAssertEqual(try statuses.list().map(\.position), [1, 2, 3, 4, 5, 6, 7])
        let lost = try status(fixture, "Lost")
        var first = lost.fields
        first.position = 1
        _ = try statuses.update(id: lost.id, with: first, expectedVersion: lost.version)
        XCTAssertEqual(try statuses.list().map(\.name).prefix(2), ["Lost", "Prospecting"])
    }
}
