import CRMCore
@testable import CRMApp
import CRMStore
import TerminalUITesting
import XCTest

/// The Kanban board (OP-3) driven through its keys: columns, cards, moves with the
/// required-field prompt, the per-currency breakdown, the filter, another user's change.
final class BoardWorkflowTests: XCTestCase {
    private func board(_ harness: AppHarness) throws -> BoardScreen {
        try XCTUnwrap(harness.app.currentScreen as? BoardScreen)
    }

    private func openBoard(columns: Int = 160, rows: Int = 40) throws -> (AppHarness, BoardFixture) {
        let harness = try AppHarness(columns: columns, rows: rows, pipeline: false)
        let fixture = try BoardFixture(harness)
        try harness.press("g o")
        return (harness, fixture)
    }

    func testBoardAt80x24() throws {
        let (harness, _) = try openBoard(columns: 80, rows: 24)
        assertSnapshot(harness.lines, named: "board-80x24")
        try harness.press("l l l")
        assertSnapshot(harness.lines, named: "board-scrolled-80x24")
    }

    func testBoardWithBreakdownAt120x40() throws {
        let (harness, _) = try openBoard(columns: 120, rows: 40)
        try harness.press("b")
        assertSnapshot(harness.lines, named: "board-breakdown-120x40")
    }

    func testColumnsRememberTheirSelectedCard() throws {
        let (harness, _) = try openBoard()
        try harness.press("j j")
        XCTAssertEqual(try board(harness).selectedOpportunity?.name, "東京 expansion programme")
        try harness.press("l")
        XCTAssertEqual(try board(harness).selectedOpportunity?.name, "Cloud migration")
        try harness.press("h")
        XCTAssertEqual(try board(harness).selectedOpportunity?.name, "東京 expansion programme")
        try harness.press("Home")
        XCTAssertEqual(try board(harness).selectedOpportunity?.name, "Fleet renewal")
    }

    func testMovingIntoAStatusWithARequiredFieldAsksForExactlyThatField() throws {
        let (harness, fixture) = try openBoard()
        let card = try XCTUnwrap(fixture.opportunities["Cloud migration"])
        let repository = harness.database.opportunities(actingAs: harness.user)
        try harness.press("l")
        harness.assertShows("Σ 22,500.00 EUR")
        try harness.press(">")
        harness.assertShows("Move to Proposal — fill required fields")
        let form = try XCTUnwrap(harness.app.currentScreen as? FormScreen)
        XCTAssertEqual(form.fields.map(\.key), ["amount", "currency"], "exactly the empty required field, with its currency")
        harness.assertShows("Amount *")

        try harness.press("Esc")
        XCTAssertTrue(harness.app.currentScreen is BoardScreen, "Esc on an untouched prompt goes back")
        XCTAssertEqual(try repository.get(id: card.id).statusName, "Qualification", "cancelling leaves the card")
        XCTAssertEqual(try board(harness).selectedOpportunity?.name, "Cloud migration")

        try harness.press(">")
        harness.type("12000")
        try harness.press("C-s")
        XCTAssertTrue(harness.app.currentScreen is BoardScreen)
        XCTAssertTrue(harness.statusLine.contains("Moved “Cloud migration” to Proposal"), harness.statusLine)
        let moved = try repository.get(id: card.id)
        XCTAssertEqual(moved.statusName, "Proposal")
        XCTAssertEqual(moved.amount?.description, "12000.00 EUR")
        XCTAssertEqual(try board(harness).selectedOpportunity?.id, card.id, "the focus follows the card")
        harness.assertShows("Σ 34,500.00 EUR")
        let qualification = try XCTUnwrap(try board(harness).columns.first { $0.status.name == "Qualification" })
        let proposal = try XCTUnwrap(try board(harness).columns.first { $0.status.name == "Proposal" })
        XCTAssertEqual(qualification.count, 0)
        XCTAssertEqual(proposal.count, 2)
        let history = try harness.database.journal(actingAs: harness.user).history(of: .opportunity, id: card.id)
        XCTAssertTrue(history.contains { $0.field == "statusID" }, "the move is journaled")
    }

    func testAnInvalidAmountIsShownInTheFormAndNothingMoves() throws {
        let (harness, fixture) = try openBoard()
        try harness.press("l >")
        harness.type("twelve")
        try harness.press("C-s")
        harness.assertShows("✗ not an amount")
        let card = try XCTUnwrap(fixture.opportunities["Cloud migration"])
        XCTAssertEqual(try harness.database.opportunities(actingAs: harness.user).get(id: card.id).statusName, "Qualification")
    }

    func testMoveWithoutRequiredFieldsIsImmediateAndBackwardsWorks() throws {
        let (harness, fixture) = try openBoard()
        try harness.press("l l l")
        XCTAssertEqual(try board(harness).selectedOpportunity?.name, "Licence upgrade")
        try harness.press("<")
        XCTAssertTrue(harness.statusLine.contains("Moved “Licence upgrade” to Proposal"), harness.statusLine)
        let card = try XCTUnwrap(fixture.opportunities["Licence upgrade"])
        XCTAssertEqual(try harness.database.opportunities(actingAs: harness.user).get(id: card.id).statusName, "Proposal")
        try harness.press("H")
        XCTAssertTrue(harness.statusLine.contains("to Qualification"), harness.statusLine)
    }

    func testACardMovedBySomeoneElseIsNotMovedAgainAndSaysWhoMovedIt() throws {
        let (harness, fixture) = try openBoard()
        let card = try XCTUnwrap(fixture.opportunities["Training"])
        try harness.press("l l l l")
        XCTAssertEqual(try board(harness).selectedOpportunity?.id, card.id)
        let eva = try XCTUnwrap(try harness.database.users.find(login: "eva.kralova"))
        var lost = card.fields(movedTo: try XCTUnwrap(fixture.statuses["Lost"]).id)
        lost.lostReasonID = try XCTUnwrap(harness.database.lostReasons(actingAs: eva).list().first).id
        _ = try harness.database.opportunities(actingAs: eva).move(card, to: lost)
        try harness.press("<")
        XCTAssertTrue(harness.statusLine.contains("Eva Králová moved “Training” to Lost meanwhile"), harness.statusLine)
        XCTAssertEqual(try harness.database.opportunities(actingAs: harness.user).get(id: card.id).statusName, "Lost")
        XCTAssertEqual(try board(harness).selectedOpportunity?.id, card.id)
        XCTAssertEqual(try board(harness).columns[try board(harness).focused].status.name, "Lost")
    }

    func testMovingIntoWonAsksFirstWithTodayAsTheDayItClosedAndEscKeepsTheCard() throws {
        let (harness, fixture) = try openBoard()
        let card = try XCTUnwrap(fixture.opportunities["Licence upgrade"])
        let repository = harness.database.opportunities(actingAs: harness.user)
        try harness.press("l l l >")
        harness.assertShows("Move “Licence upgrade” to Won?")
        let form = try XCTUnwrap(harness.app.currentScreen as? FormScreen)
        XCTAssertEqual(form.fields.map(\.key), ["closedOn"], "Won's required fields are filled: only the day is asked")
        XCTAssertEqual(form.field("closedOn")?.value, harness.database.today.description)
        harness.assertShows("Closed on *")

        try harness.press("Esc")
        XCTAssertTrue(harness.app.currentScreen is BoardScreen)
        XCTAssertEqual(try repository.get(id: card.id).statusName, "Negotiation", "cancelling leaves the card")

        try harness.press("> C-u")
        harness.type("2026-11-02")
        try harness.press("C-s")
        XCTAssertTrue(harness.statusLine.contains("Moved “Licence upgrade” to Won"), harness.statusLine)
        let won = try repository.get(id: card.id)
        XCTAssertEqual(won.statusName, "Won")
        XCTAssertEqual(won.closedOn?.description, "2026-11-02")
        XCTAssertEqual(try board(harness).selectedOpportunity?.id, card.id, "the focus follows the card")
    }

    func testMovingIntoLostAsksWhyAndMovingBackWithOneKeyReopensTheDeal() throws {
        let (harness, fixture) = try openBoard()
        let card = try XCTUnwrap(fixture.opportunities["Training"])
        let repository = harness.database.opportunities(actingAs: harness.user)
        try harness.press("l l l l >")
        harness.assertShows("Move “Training” to Lost?")
        let form = try XCTUnwrap(harness.app.currentScreen as? FormScreen)
        XCTAssertEqual(form.fields.map(\.key), ["closedOn", "lostReasonID"])
        harness.assertShows("Lost reason *")
        try harness.press("C-s")
        harness.assertShows("✗ required")
        XCTAssertEqual(try repository.get(id: card.id).statusName, "Won", "no move without a reason")

        try harness.press("c")  // the focus is on the reason: the first reason starting with c
        harness.assertShows("Competitor")
        try harness.press("C-s")
        XCTAssertTrue(harness.statusLine.contains("Moved “Training” to Lost"), harness.statusLine)
        let lost = try repository.get(id: card.id)
        XCTAssertEqual(lost.statusName, "Lost")
        XCTAssertEqual(lost.lostReasonID, try harness.database.lostReasons(actingAs: harness.user).list()
            .first { $0.name == "Competitor" }?.id)
        XCTAssertEqual(lost.closedOn, harness.database.today)

        // Back into an open status (picked from Lost: Won, Negotiation): at once, and the deal reopens.
        try harness.press("= k k Enter")
        XCTAssertTrue(harness.statusLine.contains("Moved “Training” to Negotiation"), harness.statusLine)
        let reopened = try repository.get(id: card.id)
        XCTAssertEqual(reopened.statusName, "Negotiation")
        XCTAssertNil(reopened.closedOn)
        XCTAssertNil(reopened.lostReasonID)
        let history = try harness.database.journal(actingAs: harness.user).history(of: .opportunity, id: card.id)
        XCTAssertTrue(history.contains { $0.field == "lostReasonID" && $0.newValue == "" }, "the reopening is journaled")
    }

    func testTheContextMenuMovesToAPickedStatusThroughTheSameQuestions() throws {
        let (harness, fixture) = try openBoard()
        let card = try XCTUnwrap(fixture.opportunities["Pilot Ústí"])
        try harness.press("j m")
        harness.assertShows("Move to status…")
        try harness.press("=")
        harness.assertShows("Move “Pilot Ústí” to")
        harness.assertShows("Prospecting (Open) ← now")
        try harness.press("j j j j j Enter")
        harness.assertShows("Move “Pilot Ústí” to Lost?")
        try harness.press("Tab p C-s")
        XCTAssertTrue(harness.statusLine.contains("Moved “Pilot Ústí” to Lost"), harness.statusLine)
        let moved = try harness.database.opportunities(actingAs: harness.user).get(id: card.id)
        XCTAssertEqual(moved.statusName, "Lost")
        XCTAssertEqual(try board(harness).columns[try board(harness).focused].status.name, "Lost", "the focus follows the card")

        // Between open statuses the picker moves at once.
        try harness.press("= k k k k Enter")
        XCTAssertTrue(harness.statusLine.contains("Moved “Pilot Ústí” to Qualification"), harness.statusLine)
    }

    func testTwoUsersAMoveKeepsWhatTheOtherChangedAndACardTheyMovedIsNotMovedAgain() throws {
        let (admin, fixture) = try openBoard()
        let jan = try AppHarness(columns: 160, rows: 40, login: "jan.novak", database: admin.database)
        try jan.press("g o")
        let repository = admin.database.opportunities(actingAs: admin.user)

        // Jan sets the probability of "Licence upgrade"; the admin's board still holds the older card.
        try admin.press("l l l")
        try jan.press("l l l e Tab Tab Tab Tab")
        jan.type("80")
        try jan.press("C-s")
        let licence = try XCTUnwrap(fixture.opportunities["Licence upgrade"])
        XCTAssertEqual(try repository.get(id: licence.id).probability, 80)
        try admin.press("> C-s")
        XCTAssertTrue(admin.statusLine.contains("Moved “Licence upgrade” to Won"), admin.statusLine)
        let won = try repository.get(id: licence.id)
        XCTAssertEqual(won.statusName, "Won")
        XCTAssertEqual(won.probability, 80, "Jan's change stays")

        // Jan moves "Cloud migration" on; the admin's move of the same card is not made.
        let cloud = try XCTUnwrap(fixture.opportunities["Cloud migration"])
        try admin.press("h h h")
        XCTAssertEqual(try board(admin).selectedOpportunity?.id, cloud.id)
        try jan.press("h h <")
        XCTAssertTrue(jan.statusLine.contains("Moved “Cloud migration” to Prospecting"), jan.statusLine)
        try admin.press("<")
        XCTAssertTrue(admin.statusLine.contains("Jan Novák moved “Cloud migration” to Prospecting meanwhile"), admin.statusLine)
        XCTAssertEqual(try repository.get(id: cloud.id).statusName, "Prospecting")
        XCTAssertEqual(try board(admin).columns[try board(admin).focused].status.name, "Prospecting",
                       "the board shows the card where Jan put it")
    }

    func testFilterNarrowsEveryColumnAndItsTotals() throws {
        let (harness, _) = try openBoard()
        try harness.press("/")
        harness.type("renewal")
        harness.assertShows("Fleet renewal")
        harness.assertShows("Support renewal")
        harness.assertHides("Pilot Ústí")
        harness.assertHides("Σ 80,000.00 EUR")
        try harness.press("Enter \\")
        harness.assertShows("Pilot Ústí")
        harness.assertShows("Σ 80,000.00 EUR")
    }

    func testAnotherUsersChangeAppearsOnReload() throws {
        let (harness, fixture) = try openBoard()
        let eva = try XCTUnwrap(try harness.database.users.find(login: "eva.kralova"))
        var draft = OpportunityDraft(name: "Dock automation", statusID: try XCTUnwrap(fixture.statuses["Prospecting"]).id)
        draft.amount = Money(300, try Currency(code: "EUR"))
        _ = try harness.database.opportunities(actingAs: eva).create(draft)
        harness.app.currentScreen.reload(app: harness.app)
        harness.app.processPendingInput()
        harness.assertShows("Dock automation")
        harness.assertShows("Σ 1,500.00 EUR")
        XCTAssertEqual(try board(harness).selectedOpportunity?.name, "Fleet renewal", "the selection stays on its card")
    }
}
