import CRMCore
import CRMStore
import XCTest

/// How deals close in the store (OP-2): moving into a lost status needs a lost reason, won and
/// lost deals get the day they closed, reopening clears both, all journaled; a board move on
/// a card someone saved meanwhile keeps their changes unless both changed the same thing.
final class OpportunityClosingTests: XCTestCase {
    private var fixture: Fixture!
    private var statuses: [String: OpportunityStatus] = [:]
    private var reasons: [String: LostReason] = [:]
    /// The database's "today": 2026-11-18 (UTC), whatever the machine's date.
    private let today = CalendarDate(year: 2026, month: 11, day: 18)!

    override func setUpWithError() throws {
        fixture = try Fixture(clock: { Date(timeIntervalSince1970: 1_795_000_000) })
        statuses = Dictionary(uniqueKeysWithValues: try fixture.db.opportunityStatuses(actingAs: fixture.admin).list()
            .map { ($0.name, $0) })
        reasons = Dictionary(uniqueKeysWithValues: try fixture.db.lostReasons(actingAs: fixture.admin).list().map { ($0.name, $0) })
    }

    private var repository: OpportunityRepository { fixture.db.opportunities(actingAs: fixture.alice) }

    /// A deal in Negotiation with everything Won requires.
    private func negotiatedDeal() throws -> Opportunity {
        var draft = OpportunityDraft(name: "Fleet renewal", statusID: try XCTUnwrap(statuses["Negotiation"]).id)
        draft.accountID = try fixture.db.accounts(actingAs: fixture.alice).create(fixture.company("Acme")).id
        draft.amount = Money(12_000, try Currency(code: "EUR"))
        draft.expectedClose = CalendarDate(parsing: "2026-12-31")
        return try repository.create(draft)
    }

    private func moved(_ card: Opportunity, to status: String, reason: String? = nil) throws -> OpportunityDraft {
        var draft = card.fields(movedTo: try XCTUnwrap(statuses[status]).id)
        draft.lostReasonID = try reason.map { try XCTUnwrap(reasons[$0]).id }
        return draft
    }

    private func changes(of card: Opportunity) throws -> [String: (old: String?, new: String?)] {
        let history = try fixture.db.journal(actingAs: fixture.alice).history(of: .opportunity, id: card.id)
        var latest: [String: (old: String?, new: String?)] = [:]
        for entry in history.sorted(by: { $0.id < $1.id }) where entry.action == .update {
            if let field = entry.field { latest[field] = (entry.oldValue, entry.newValue) }
        }
        return latest
    }

    func testShippedLostReasons() throws {
        XCTAssertEqual(try fixture.db.lostReasons(actingAs: fixture.admin).list().map(\.name),
                       ["Price", "Competitor", "No budget", "No decision", "Timing", "Product fit", "Other"])
    }

    func testAMoveIntoALostStatusWithoutAReasonIsRefusedAndTheCardStays() throws {
        let card = try negotiatedDeal()
        XCTAssertThrowsError(try repository.move(card, to: try moved(card, to: "Lost"))) { error in
            XCTAssertEqual((error as? ValidationError)?.errors.map(\.field), ["lostReasonID"])
        }
        let stored = try repository.get(id: card.id)
        XCTAssertEqual(stored.statusName, "Negotiation")
        XCTAssertNil(stored.closedOn)
    }

    func testLosingSetsTheCloseDayAndReasonAndReopeningClearsThemAllJournaled() throws {
        let card = try negotiatedDeal()
        let lost = try repository.move(card, to: try moved(card, to: "Lost", reason: "Competitor"))
        XCTAssertEqual(lost.closedOn, today, "closed today unless another day is given")
        XCTAssertEqual(lost.lostReasonID, reasons["Competitor"]?.id)
        var journal = try changes(of: card)
        XCTAssertEqual(journal["closedOn"]?.new, "2026-11-18")
        XCTAssertEqual(journal["lostReasonID"]?.new, reasons["Competitor"].map { String($0.id) })

        let reopened = try repository.move(lost, to: try moved(lost, to: "Proposal"))
        XCTAssertNil(reopened.closedOn)
        XCTAssertNil(reopened.lostReasonID)
        journal = try changes(of: card)
        XCTAssertEqual(journal["closedOn"]?.old, "2026-11-18")
        XCTAssertEqual(journal["closedOn"]?.new, "")
        XCTAssertEqual(journal["lostReasonID"]?.new, "")
    }

    func testWinningKeepsTheDayTheUserGives() throws {
        let card = try negotiatedDeal()
        var draft = try moved(card, to: "Won")
        draft.closedOn = CalendarDate(parsing: "2026-11-09")
        XCTAssertEqual(try repository.move(card, to: draft).closedOn?.description, "2026-11-09")
    }

    func testAMoveOnTopOfSomeoneElsesEditKeepsTheirChange() throws {
        let card = try negotiatedDeal()
        var theirs = card.fields
        theirs.description = "Bob called them on Friday"
        _ = try fixture.db.opportunities(actingAs: fixture.bob).update(id: card.id, with: theirs, expectedVersion: card.version)

        let won = try repository.move(card, to: try moved(card, to: "Won"))
        XCTAssertEqual(won.statusName, "Won")
        XCTAssertEqual(won.description, "Bob called them on Friday")
        XCTAssertEqual(won.closedOn, today)
    }

    func testAMoveThatChangesWhatSomeoneElseChangedIsRefusedAndSaysWho() throws {
        let card = try negotiatedDeal()
        var theirs = card.fields
        theirs.amount = Money(9_000, try Currency(code: "EUR"))
        _ = try fixture.db.opportunities(actingAs: fixture.bob).update(id: card.id, with: theirs, expectedVersion: card.version)
        var mine = try moved(card, to: "Won")
        mine.amount = Money(15_000, try Currency(code: "EUR"))
        XCTAssertThrowsError(try repository.move(card, to: mine)) { error in
            XCTAssertEqual((error as? MoveConflictError)?.description, "Bob changed Amount of “Fleet renewal” meanwhile")
        }
        XCTAssertEqual(try repository.get(id: card.id).statusName, "Negotiation")
    }

    func testAReasonInUseCannotBeDeletedAndTheFilterFindsDealsByReasonAndCloseDay() throws {
        let card = try negotiatedDeal()
        _ = try repository.move(card, to: try moved(card, to: "Lost", reason: "Price"))
        let price = try XCTUnwrap(reasons["Price"])
        XCTAssertThrowsError(try fixture.db.lostReasons(actingAs: fixture.admin).delete(id: price.id, expectedVersion: price.version))
        func names(_ filter: String) throws -> [String] {
            try repository.page(OpportunityQuery(filter: filter), .first, limit: 10).map(\.name)
        }
        XCTAssertEqual(try names("lost-reason:price"), ["Fleet renewal"])
        XCTAssertEqual(try names("reason:competitor"), [])
        XCTAssertEqual(try names("closed:2026-11"), ["Fleet renewal"])
        XCTAssertEqual(try names("closed<2026-11-01"), [])
    }
}
