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

    func testACardChangedBySomeoneElseIsNotMovedAndShowsItsFreshState() throws {
        let (harness, fixture) = try openBoard()
        let card = try XCTUnwrap(fixture.opportunities["Training"])
        try harness.press("l l l l")
        XCTAssertEqual(try board(harness).selectedOpportunity?.id, card.id)
        let eva = try XCTUnwrap(try harness.database.users.find(login: "eva.kralova"))
        let lost = try XCTUnwrap(fixture.statuses["Lost"])
        _ = try harness.database.opportunities(actingAs: eva).move(id: card.id, toStatus: lost.id, expectedVersion: card.version)
        try harness.press("<")
        XCTAssertTrue(harness.statusLine.contains("“Training” was changed by someone else; showing the current state"),
                      harness.statusLine)
        XCTAssertEqual(try harness.database.opportunities(actingAs: harness.user).get(id: card.id).statusName, "Lost")
        XCTAssertEqual(try board(harness).selectedOpportunity?.id, card.id)
        XCTAssertEqual(try board(harness).columns[try board(harness).focused].status.name, "Lost")
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
