import CRMCore
import XCTest

/// The closing rule (OP-2) and the field-wise merge a board move makes on top of someone
/// else's save (ST-7), without a database.
final class OpportunityClosingTests: XCTestCase {
    private let today = CalendarDate(year: 2026, month: 11, day: 17)!
    private let open: Int64 = 1, won: Int64 = 5, lost: Int64 = 6

    private func deal(in status: Int64) -> OpportunityDraft {
        OpportunityDraft(name: "Fleet renewal", statusID: status)
    }

    func testEnteringALostStatusWithoutAReasonIsRefused() {
        let before = deal(in: open)
        var moved = before
        moved.statusID = lost
        let closed = moved.closed(in: .lost, after: before, today: today)
        XCTAssertEqual(closed.closingProblems(in: .lost, after: before).map(\.field), ["lostReasonID"])
        XCTAssertEqual(closed.closingProblems(in: .lost, after: before).first?.message,
                       "A lost deal needs a lost reason: choose why it was lost.")
        moved.lostReasonID = 3
        XCTAssertEqual(moved.closed(in: .lost, after: before, today: today).closingProblems(in: .lost, after: before), [])
        XCTAssertEqual(deal(in: lost).closingProblems(in: .lost, after: nil).map(\.field), ["closedOn", "lostReasonID"],
                       "a new deal entered as lost needs both, before the day is filled in")
    }

    func testEnteringAWonOrLostStatusClosesTodayUnlessAnotherDayIsGiven() {
        let before = deal(in: open)
        var moved = before
        moved.statusID = won
        XCTAssertEqual(moved.closed(in: .won, after: before, today: today).closedOn, today)
        moved.closedOn = CalendarDate(year: 2026, month: 11, day: 2)
        XCTAssertEqual(moved.closed(in: .won, after: before, today: today).closedOn?.description, "2026-11-02")
    }

    func testReopeningClearsBothClosingFieldsAndWinningClearsTheLostReason() {
        var lostDeal = deal(in: lost)
        lostDeal.closedOn = today
        lostDeal.lostReasonID = 2
        var reopened = lostDeal
        reopened.statusID = open
        let cleared = reopened.closed(in: .open, after: lostDeal, today: today)
        XCTAssertNil(cleared.closedOn)
        XCTAssertNil(cleared.lostReasonID)
        var wonAfterAll = lostDeal
        wonAfterAll.statusID = won
        let winning = wonAfterAll.closed(in: .won, after: lostDeal, today: today)
        XCTAssertNil(winning.lostReasonID)
        XCTAssertEqual(winning.closedOn, today)
    }

    func testDealsClosedBeforeTheFieldsExistedStillSaveButCannotLoseAFilledReason() {
        var legacy = deal(in: lost)
        var edited = legacy
        edited.description = "Lost to a cheaper offer"
        XCTAssertEqual(edited.closed(in: .lost, after: legacy, today: today).closingProblems(in: .lost, after: legacy), [],
                       "an edit that leaves the status keeps working without the new fields")
        legacy.lostReasonID = 1
        legacy.closedOn = today
        var emptied = legacy
        emptied.lostReasonID = nil
        emptied.closedOn = nil
        XCTAssertEqual(emptied.closingProblems(in: .lost, after: legacy).map(\.field), ["closedOn", "lostReasonID"])
    }

    func testMergeKeepsTheirChangesTakesMineAndNamesOnlyFieldsBothChanged() {
        var base = deal(in: open)
        base.description = "first call"
        var theirs = base
        theirs.amount = Money(900, try! Currency(code: "EUR"))
        theirs.description = "they wrote this"
        var mine = base
        mine.statusID = lost
        mine.lostReasonID = 4
        mine.description = "I wrote this"
        let result = OpportunityDraft.merge(base: base, mine: mine, theirs: theirs)
        XCTAssertEqual(result.conflicts, [.description])
        XCTAssertEqual(result.merged.statusID, lost)
        XCTAssertEqual(result.merged.lostReasonID, 4)
        XCTAssertEqual(result.merged.amount?.description, "900.00 EUR", "their change stays")
        XCTAssertEqual(result.merged.description, "they wrote this", "a field both changed keeps their value")
        mine.description = "they wrote this"
        XCTAssertEqual(OpportunityDraft.merge(base: base, mine: mine, theirs: theirs).conflicts, [],
                       "the same change made twice is no conflict")
    }
}
